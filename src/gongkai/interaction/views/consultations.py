"""意见征集 and 征集调查: the public list and page (comment or questionnaire, results and
反馈), and the staff pages (draft, publish, sort the comments, write the 反馈)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from gongkai.applications import files as file_rules
from gongkai.applications.errors import InvalidInput
from gongkai.core.errors import returns_to
from gongkai.organs.querysets import case_organs
from gongkai.reports import charts

from .. import consulting, services, workflow
from ..forms import CommentForm, ConsultationForm, FeedbackForm
from ..models import Comment, Consultation, ConsultationKind

PER_PAGE = 20


def _public() -> Any:
    return Consultation.objects.filter(published_at__isnull=False).select_related("organ")


def public_list(request: HttpRequest) -> HttpResponse:
    rows = _public().annotate(n=Count("comments", distinct=True)).order_by("-starts_on", "-id")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    for c in page.object_list:
        c.status = consulting.status(c)
    return render(request, "interaction/consultations.html", {"page": page})


def _charts(c: Consultation) -> list[dict[str, Any]]:
    out = []
    for r in consulting.results(c):
        svg = ""
        if r.counts:
            svg = charts.bars(
                r.question.text,
                f"共{r.answered}份答卷作答",
                [label for label, _ in r.counts],
                [charts.Series("选择人数", tuple(float(n) for _, n in r.counts))],
                chart_id=f"q{r.question.pk}",
            )
        out.append({"result": r, "svg": mark_safe(svg)})
    return out


def public_detail(request: HttpRequest, pk: int) -> HttpResponse:
    c = get_object_or_404(_public(), pk=pk)
    form = CommentForm(request.POST if request.method == "POST" else None)
    error = ""
    status_code = 200
    if request.method == "POST":
        try:
            if c.kind == ConsultationKind.SURVEY:
                given = {q.pk: request.POST.getlist(f"q{q.pk}") for q in c.questions.all()}
                consulting.respond(c, given)
                flash.success(request, "您的答卷已提交，感谢参与！")
                return redirect("interaction_public:consultation", pk=c.pk)
            if form.is_valid():
                d = form.cleaned_data
                consulting.comment(c, d["body"], d["name"], d["contact"])
                flash.success(request, "您的意见已提交，感谢参与！征集结束后将公布意见采纳情况。")
                return redirect("interaction_public:consultation", pk=c.pk)
            status_code = 400
        except services.MessageError as exc:
            error, status_code = exc.message, exc.status
    status = consulting.status(c)
    feedback = getattr(c, "feedback", None)
    return render(
        request,
        "interaction/consultation.html",
        {
            "c": c,
            "status": status,
            "open": status == "征集中",
            "form": form,
            "error": error,
            "questions": c.questions.all(),
            "files": c.files.all(),
            "received": c.comments.count() + c.responses.count(),
            "feedback": feedback if feedback and feedback.published_at else None,
            "adoption": consulting.adoption(c),
            "results": _charts(c)
            if c.kind == ConsultationKind.SURVEY and status != "征集中"
            else [],
        },
        status=status_code,
    )


def public_file(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    c = get_object_or_404(_public(), pk=pk)
    return file_rules.response(get_object_or_404(c.files, pk=file_id))


# ----------------------------------------------------------------------------- staff


def _consultation(request: HttpRequest, pk: int) -> Consultation:
    return get_object_or_404(
        Consultation.objects.select_related("organ"), pk=pk, organ__in=case_organs(request.user)
    )


@login_required
def office_list(request: HttpRequest) -> HttpResponse:
    organs = list(case_organs(request.user).order_by("name"))
    rows = (
        Consultation.objects.filter(organ__in=organs)
        .select_related("organ")
        .annotate(n=Count("comments", distinct=True), r=Count("responses", distinct=True))
        .order_by("-starts_on", "-id")
    )
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    for c in page.object_list:
        c.status = consulting.status(c)  # type: ignore[attr-defined]
    creatable = [o for o in organs if workflow.OFFICER in services.roles_of(request.user, o)]
    return render(
        request, "interaction/office_consultations.html", {"page": page, "creatable": creatable}
    )


@login_required
def office_create(request: HttpRequest, slug: str) -> HttpResponse:
    organ = get_object_or_404(case_organs(request.user), slug=slug)
    if workflow.OFFICER not in services.roles_of(request.user, organ):
        raise PermissionDenied("起草意见征集须由本机关的公开专员办理")
    posted = request.method == "POST"
    form = ConsultationForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        d = form.cleaned_data
        try:
            c = consulting.create(organ, request.user, d, d["questions"], d["files"])
        except (services.MessageError, InvalidInput) as exc:
            form.add_error(None, exc.message)
        else:
            flash.success(request, "意见征集已保存，待审核人或机构负责人发布。")
            return redirect("interaction:consultation", pk=c.pk)
    return render(
        request,
        "interaction/office_consultation_form.html",
        {"organ": organ, "form": form},
        status=400 if posted else 200,
    )


@login_required
def office_detail(request: HttpRequest, pk: int) -> HttpResponse:
    c = _consultation(request, pk)
    return _office_page(request, c)


def _office_page(
    request: HttpRequest,
    c: Consultation,
    *,
    feedback_form: FeedbackForm | None = None,
    status: int = 200,
) -> HttpResponse:
    roles = services.roles_of(request.user, c.organ)
    feedback = getattr(c, "feedback", None)
    initial = (
        {"summary": feedback.summary, "not_adopted_reasons": feedback.not_adopted_reasons}
        if feedback
        else {}
    )
    return render(
        request,
        "interaction/office_consultation.html",
        {
            "c": c,
            "status": consulting.status(c),
            "officer": workflow.OFFICER in roles,
            "reviewer": workflow.REVIEWER in roles,
            "comments": c.comments.order_by("id"),
            "questions": c.questions.all(),
            "responses": c.responses.count(),
            "feedback": feedback,
            "feedback_form": feedback_form or FeedbackForm(initial=initial),
            "adoption": consulting.adoption(c),
            "results": _charts(c) if c.kind == ConsultationKind.SURVEY else [],
            "today": services.today(),
        },
        status=status,
    )


@login_required
@require_POST
@returns_to("interaction:consultation", "pk")
def office_act(request: HttpRequest, pk: int) -> HttpResponse:
    c = _consultation(request, pk)
    action = request.POST.get("action", "")
    try:
        if action == "publish":
            consulting.publish(c, request.user)
            flash.success(request, "意见征集已发布。")
        elif action == "sort":
            row = get_object_or_404(Comment, pk=request.POST.get("comment"), consultation=c)
            adopted = {"yes": True, "no": False}.get(request.POST.get("adopted", ""))
            consulting.sort_comment(row, request.user, request.POST.get("theme", ""), adopted)
            flash.success(request, "已保存。")
        elif action == "feedback":
            form = FeedbackForm(request.POST)
            if not form.is_valid():
                return _office_page(request, c, feedback_form=form, status=400)
            consulting.write_feedback(
                c,
                request.user,
                form.cleaned_data["summary"],
                form.cleaned_data["not_adopted_reasons"],
            )
            flash.success(request, "反馈已保存，待审核人或机构负责人发布。")
        elif action == "publish_feedback":
            consulting.publish_feedback(c, request.user)
            flash.success(request, "反馈已发布。")
        else:
            raise Http404("未知的操作")
    except services.MessageError as exc:
        if exc.status == 403:
            raise PermissionDenied(exc.message) from exc
        flash.error(request, exc.message)
        return _office_page(request, c, status=exc.status)
    return redirect("interaction:consultation", pk=c.pk)
