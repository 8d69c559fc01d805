"""Public pages of 网民留言: the form, its confirmation, the private page found by link or
by number and 查询码, and the 留言选登 list of published exchanges (names masked)."""

from __future__ import annotations

import time
from typing import Any

from django.contrib import messages as flash
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from gongkai.applications import lookup
from gongkai.applications.errors import InvalidInput
from gongkai.applications.views.public import GRANTS as APPLICATION_GRANTS
from gongkai.core.clients import limited

from .. import privacy, services, workflow
from ..forms import MessageForm
from ..models import Kind, Message

RATE_LIMIT = 10
"""Messages accepted per address per hour."""
LOOKUP_LIMIT = 20
PRIVATE_FOR = 30 * 60
SUBMITTED = "interaction:submitted"
GRANTS = "interaction:grants"
PER_PAGE = 20


def write(request: HttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    initial = {"organ": request.GET.get("organ")} if not posted else None
    form = MessageForm(
        request.POST if posted else None, request.FILES if posted else None, initial=initial
    )
    if posted:
        if limited("interaction:write", request, RATE_LIMIT):
            form.is_valid()
            form.add_error(
                None, f"提交过于频繁：同一网络每小时最多提交{RATE_LIMIT}条留言，请稍后再试"
            )
            return render(request, "interaction/write.html", {"form": form}, status=429)
        if form.is_valid():
            d = form.cleaned_data
            try:
                message, token = services.submit(d["organ"], d, d["files"])
            except InvalidInput as exc:
                form.add_error("files", exc.message)
                return render(request, "interaction/write.html", {"form": form}, status=400)
            request.session[SUBMITTED] = {
                "number": message.number,
                "token": token,
                "at": time.time(),
            }
            return redirect("interaction_public:done")
        return render(request, "interaction/write.html", {"form": form}, status=400)
    return render(request, "interaction/write.html", {"form": form})


@never_cache
def done(request: HttpRequest) -> HttpResponse:
    submitted = request.session.get(SUBMITTED) or {}
    if time.time() - float(submitted.get("at", 0)) > PRIVATE_FOR:
        submitted = {}
    token = str(submitted.get("token", ""))
    message = services.message_for_token(str(submitted.get("number", "")), token)
    if message is None:
        flash.info(request, "没有刚提交的留言。已提交的留言可凭留言编号和查询码查看。")
        return redirect("interaction_public:write")
    return render(
        request,
        "interaction/done.html",
        {
            "message": message,
            "link": request.build_absolute_uri(_follow_url(message.number, token)),
            "code": lookup.lookup_code(token),
        },
    )


def _follow_url(number: str, token: str) -> str:
    url = reverse("interaction_public:follow", args=[number])
    return f"{url}?token={token}" if token else url


def _grants(request: HttpRequest) -> dict[str, float]:
    stored = request.session.get(GRANTS)
    if not isinstance(stored, dict):
        return {}
    now = time.time()
    return {n: float(t) for n, t in stored.items() if now - float(t) <= PRIVATE_FOR}


@never_cache
def status(request: HttpRequest) -> HttpResponse:
    number = request.POST.get("number", "").strip()
    error, code = "", 200
    if request.method == "POST":
        if limited("interaction:lookup", request, LOOKUP_LIMIT):
            error, code = f"查询过于频繁：同一网络每小时最多查询{LOOKUP_LIMIT}次，请稍后再试", 429
        else:
            found = services.message_for_lookup(number, request.POST.get("code", ""))
            if found is not None:
                granted = _grants(request)
                granted[found.number] = time.time()
                request.session[GRANTS] = dict(sorted(granted.items(), key=lambda g: g[1])[-20:])
                return redirect("interaction_public:follow", number=found.number)
            error, code = "未找到该留言：请核对留言编号和查询码", 404
    return render(
        request, "interaction/status.html", {"number": number, "error": error}, status=code
    )


def _grant(request: HttpRequest, *numbers: str) -> None:
    granted = _grants(request)
    for number in numbers:
        granted[number] = time.time()
    request.session[GRANTS] = dict(sorted(granted.items(), key=lambda g: g[1])[-20:])


def _exchange(request: HttpRequest, number: str) -> HttpResponse | None:
    """The private link (``?token=…``, from the confirmation page) is used once: a right
    token grants this browser's session the message, as its 查询码 does, and the answer
    is a redirect to the same page without the token — so the token stays out of the
    address bar, the history, every later Referer and the access log."""
    if "token" not in request.GET:
        return None
    found = services.message_for_token(number, request.GET.get("token", ""))
    if found is None:
        return None
    _grant(request, found.number)
    query = request.GET.copy()
    query.pop("token")
    response = HttpResponseRedirect(request.path + (f"?{query.urlencode()}" if query else ""))
    response.status_code = 303
    return response


def _mine(request: HttpRequest, number: str) -> Message | None:
    if number in _grants(request):
        return Message.objects.select_related("organ").filter(number=number).first()
    return None


@never_cache
def follow(request: HttpRequest, number: str) -> HttpResponse:
    if (clean := _exchange(request, number)) is not None:
        return clean
    message = _mine(request, number)
    if message is None:
        raise Http404("未找到该留言，请核对留言编号和查询链接")
    moved = (
        getattr(message, "transferred_to", None) if message.state == workflow.TRANSFERRED else None
    )
    if moved is not None:
        _grant(request, moved.number)  # the writer's link follows the message
    return render(
        request,
        "interaction/follow.html",
        {
            "message": message,
            "events": message.events.filter(public=True),
            "replied": message.state == workflow.REPLIED,
            "moved": moved,
            "moved_url": _follow_url(moved.number, "") if moved is not None else "",
        },
    )


@never_cache
def application(request: HttpRequest, number: str) -> HttpResponse:
    """The application a message was turned into: the message's link opens it (this
    browser is granted the application for a while, as if its 查询码 had been given)."""
    if (clean := _exchange(request, number)) is not None:
        return clean
    message = _mine(request, number)
    if message is None or message.application is None:
        raise Http404("未找到该留言转成的申请")
    granted = request.session.get(APPLICATION_GRANTS)
    granted = dict(granted) if isinstance(granted, dict) else {}
    granted[message.application.number] = time.time()
    request.session[APPLICATION_GRANTS] = granted
    return redirect("applications_public:follow", number=message.application.number)


def _shown() -> Any:
    return Message.objects.filter(public=True, state=workflow.REPLIED).select_related("organ")


def shown_list(request: HttpRequest) -> HttpResponse:
    """留言选登: replied messages their writers agreed to publish, newest first."""
    rows = _shown()
    kind = request.GET.get("kind", "")
    if kind in Kind.values:
        rows = rows.filter(kind=kind)
    page = Paginator(rows.order_by("-replied_on", "-id"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "interaction/shown_list.html",
        {
            "page": page,
            "rows": [_public_view(m) for m in page.object_list],
            "kinds": Kind.choices,
            "kind": kind,
        },
    )


def shown(request: HttpRequest, number: str) -> HttpResponse:
    message = _shown().filter(number=number).first()
    if message is None:
        raise Http404("未找到该留言，或该留言未公开")
    return render(request, "interaction/shown.html", {"m": _public_view(message)})


def _public_view(message: Message) -> dict[str, Any]:
    """What the public may read of a message: never its contact, the name masked,
    personal numbers in the texts blotted out."""
    return {
        "number": message.number,
        "organ": message.organ.name,
        "kind": message.kind_label,
        "subject": privacy.masked_text(message.subject),
        "body": privacy.masked_text(message.body),
        "writer": privacy.masked_name(message.name),
        "received_on": message.received_on,
        "reply": privacy.masked_text(message.reply),
        "replied_on": message.replied_on,
    }
