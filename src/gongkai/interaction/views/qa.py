"""政策问答: the public page, and the staff page of what people asked, the 问答库 and the
synonyms."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.core.clients import limited
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs

from .. import qa
from ..models import Faq, QuestionLog, Synonym

MAX_QUESTION = 200
ASK_LIMIT = 120
"""Questions answered per address per hour."""


def ask(request: HttpRequest) -> HttpResponse:
    question = request.GET.get("q", "").strip()[:MAX_QUESTION]
    organs = list(Organ.objects.filter(is_active=True).order_by("name"))
    organ = next((o for o in organs if o.slug == request.GET.get("organ")), None)
    result = None
    status = 200
    error = ""
    if question:
        if limited("interaction:qa", request, ASK_LIMIT):
            error, status = "提问过于频繁，请稍后再试", 429
        else:
            result = qa.answer(question, organ_ids=(organ.pk,) if organ else ())
    return render(
        request,
        "interaction/qa.html",
        {"question": question, "result": result, "error": error, "organs": organs, "organ": organ},
        status=status,
    )


class FaqForm(forms.ModelForm):
    class Meta:
        model = Faq
        fields = ("question", "answer", "source", "active")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["source"]).queryset = Item.objects.filter(
            state="published"
        ).order_by("-published_on")
        self.fields["source"].required = False


class SynonymForm(forms.ModelForm):
    class Meta:
        model = Synonym
        fields = ("words",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)

    def clean_words(self) -> str:
        words = " ".join(self.cleaned_data["words"].split())
        if len(words.split()) < 2:
            raise forms.ValidationError("同义词组至少要有两个词，用空格分隔")
        return words


def _staff(request: HttpRequest) -> None:
    if not case_organs(request.user).exists():
        raise PermissionDenied("只有机关工作人员可以管理政策问答")


@login_required
def office(request: HttpRequest) -> HttpResponse:
    _staff(request)
    logs = QuestionLog.objects.order_by("-at", "-id")
    unanswered = request.GET.get("unanswered") == "1"
    if unanswered:
        logs = logs.filter(answered=False)
    page = Paginator(logs, 30).get_page(request.GET.get("page"))
    faq_form = FaqForm(initial={"question": request.GET.get("question", "")})
    return render(
        request,
        "interaction/qa_office.html",
        {
            "page": page,
            "unanswered": unanswered,
            "total": QuestionLog.objects.count(),
            "missed": QuestionLog.objects.filter(answered=False).count(),
            "faqs": Faq.objects.select_related("source").order_by("-created_at"),
            "synonyms": Synonym.objects.order_by("words"),
            "faq_form": faq_form,
            "synonym_form": SynonymForm(),
        },
    )


@login_required
@require_POST
def faq_save(request: HttpRequest) -> HttpResponse:
    _staff(request)
    pk = request.POST.get("pk")
    instance = get_object_or_404(Faq, pk=pk) if pk else None
    form = FaqForm(request.POST, instance=instance)
    if not form.is_valid():
        flash.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("interaction:qa")
    form.save()
    flash.success(request, "问答库条目已保存。")
    return redirect("interaction:qa")


@login_required
@require_POST
def synonym_save(request: HttpRequest) -> HttpResponse:
    _staff(request)
    if request.POST.get("delete"):
        get_object_or_404(Synonym, pk=request.POST["delete"]).delete()
        flash.success(request, "同义词组已删除。")
        return redirect("interaction:qa")
    form = SynonymForm(request.POST)
    if not form.is_valid():
        flash.error(request, "；".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("interaction:qa")
    form.save()
    flash.success(request, "同义词组已添加。")
    return redirect("interaction:qa")
