"""The public form (no account), its confirmation page and the applicant's private view."""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.core.clients import limited

from .. import corrections, lookup, private_link, querysets, receipts, services
from .. import files as reply_files
from ..errors import CaseworkError, InvalidInput
from ..forms import APPLICANT_FIELDS_FORM, ApplicationForm, CorrectionForm
from ..models import Application, ReplyFile
from ..workflow import Event

RATE_LIMIT = getattr(settings, "APPLICATIONS_RATE_LIMIT", 10)
"""Online applications accepted per IP address per hour."""


def rate_limited(request: HttpRequest) -> bool:
    """One more online application from this client (web form and API alike)."""
    return limited("applications:apply", request, RATE_LIMIT)


def apply(request: HttpRequest) -> HttpResponse:
    """The form (multipart: optional ID copy and 授权委托书); a valid POST files the case and
    redirects to the confirmation, an invalid one stores nothing and shows the errors."""
    posted = request.method == "POST"
    form = ApplicationForm(request.POST if posted else None, request.FILES if posted else None)
    if posted:
        if rate_limited(request):
            form.is_valid()
            form.add_error(None, "提交过于频繁：同一网络每小时最多提交10件申请，请稍后再试")
            return render(request, "applications/apply.html", {"form": form}, status=429)
        if form.is_valid():
            d = form.cleaned_data
            try:
                case, token = services.submit_online(
                    d["organ"],
                    {k: d.get(k, "") for k in APPLICANT_FIELDS_FORM},
                    files=form.documents(),
                )
            except InvalidInput as exc:  # the files together break a rule: nothing stored
                form.add_error(None, exc.message)
                return render(request, "applications/apply.html", {"form": form})
            # Post/redirect/get: reloading the confirmation never files the application again.
            request.session[SUBMITTED] = {
                "number": case.number,
                "token": token,
                "at": time.time(),
            }
            if case.email:
                # If the case moved meanwhile the receipt went out and only its note is lost.
                with contextlib.suppress(CaseworkError):
                    receipts.send(case, _follow_link(request, case.number, token), token)
            return redirect("applications_public:apply_done")
    return render(request, "applications/apply.html", {"form": form})


SUBMITTED = "applications:submitted"
"""Session key of the application this browser just submitted (number and private token)."""


@never_cache
def apply_done(request: HttpRequest) -> HttpResponse:
    """The confirmation of the application this browser session submitted last."""
    submitted = request.session.get(SUBMITTED) or {}
    if time.time() - float(submitted.get("at", 0)) > PRIVATE_FOR:
        submitted = {}  # a shared computer: the next person never sees it
    case = lookup.case_for_token(str(submitted.get("number", "")), str(submitted.get("token", "")))
    if case is None:
        messages.info(request, "没有刚提交的申请。已提交的申请可凭查询链接查看办理进度。")
        return redirect("applications_public:apply")
    link = _follow_link(request, case.number, str(submitted["token"]))
    code = lookup.lookup_code(str(submitted["token"]))
    return render(
        request, "applications/apply_done.html", {"case": case, "link": link, "code": code}
    )


def _follow_link(request: HttpRequest, number: str, token: str) -> str:
    """The private link given to the applicant; opening it exchanges the token for the
    case's cookie and a clean URL (``private_link``)."""
    path = reverse("applications_public:follow", args=[number]) + f"?{private_link.TOKEN}={token}"
    return request.build_absolute_uri(path)


GRANTS = "applications:grants"
"""Session key: the case numbers this browser proved it may see (number and 查询码), with
the time each was found; a grant lasts ``PRIVATE_FOR``."""
PRIVATE_FOR = 30 * 60
"""Seconds a confirmation or a case found by 查询码 stays visible in the browser session."""
LOOKUP_LIMIT = getattr(settings, "APPLICATIONS_LOOKUP_LIMIT", 20)
"""Lookups by number and 查询码 allowed per address per hour."""
NOT_FOUND = "未找到该申请：请核对申请编号和查询码"
NOT_FOUND_BY_ID_TAIL = (
    "未找到该申请：请核对申请编号和证件号码后四位（仅限申请时填写了手机号码的申请）"
)
WAYS = ("code", "id_tail")
"""How a case is found again: by its 查询码, or by the last 4 characters of the ID document."""


def _lookup_limited(request: HttpRequest) -> bool:
    return limited("applications:lookup", request, LOOKUP_LIMIT)


@never_cache
def status(request: HttpRequest) -> HttpResponse:
    """Find a case again by its number and 查询码, or (an applicant who gave a mobile number)
    by its number and the last 4 characters of the ID document; the link is then kept in
    this session. Every wrong pair of a way gets the same 404; both ways share the limit."""
    number = request.POST.get("number", "").strip()
    way = _way(request)
    error = ""
    code = 200
    if request.method == "POST":
        if _lookup_limited(request):
            error, code = f"查询过于频繁：同一网络每小时最多查询{LOOKUP_LIMIT}次，请稍后再试", 429
        else:
            if way == "id_tail":
                case = lookup.case_for_id_tail(number, request.POST.get("id_tail", ""))
            else:
                case = lookup.case_for_lookup(number, request.POST.get("code", ""))
            if case is not None:
                granted = _grants(request)
                granted[case.number] = time.time()
                request.session[GRANTS] = dict(sorted(granted.items(), key=lambda g: g[1])[-20:])
                return redirect("applications_public:follow", number=case.number)
            error, code = (NOT_FOUND_BY_ID_TAIL if way == "id_tail" else NOT_FOUND), 404
    return render(
        request,
        "applications/status.html",
        {"number": number, "error": error, "way": way},
        status=code,
    )


def _way(request: HttpRequest) -> str:
    """The way chosen; when only the other way's box was filled in, that way."""
    chosen = request.POST.get("way", "code")
    chosen = chosen if chosen in WAYS else "code"
    filled = {w for w in WAYS if request.POST.get(w, "").strip()}
    if filled and chosen not in filled and len(filled) == 1:
        return filled.pop()
    return chosen


def _grants(request: HttpRequest) -> dict[str, float]:
    """The numbers this session found by 查询码 within ``PRIVATE_FOR``, with their times."""
    stored = request.session.get(GRANTS)
    if not isinstance(stored, dict):
        return {}
    now = time.time()
    return {n: float(t) for n, t in stored.items() if now - float(t) <= PRIVATE_FOR}


def case_for_request(request: HttpRequest, number: str) -> Application | None:
    """The case the request may see: by the cookie its private link left in this browser
    (``private_link``), or by a number this session found with its 查询码 (or reached from
    the writer's link of a message turned into this application)."""
    granted = number in _grants(request)
    if not granted and private_link.cookie_name(number) not in request.COOKIES:
        return None
    case = Application.objects.select_related("organ").filter(number=number).first()
    if case is None or not (granted or private_link.holds_cookie(request, case)):
        return None
    return case


View = TypeVar("View", bound=Callable[..., Any])


def private_page(view: View) -> View:
    """Every page under ``/apply/<number>/``: a URL holding the case's token is answered by
    a redirect to the same URL without it, which sets the case's cookie; a wrong token goes
    to the same clean URL when the cookie or the 查询码 already lets this browser in, and
    otherwise to the view, which refuses it as it refuses a stranger."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, number: str, *args: Any, **kwargs: Any) -> Any:
        if private_link.TOKEN in request.GET:
            exchanged = private_link.exchange(request, number)
            if exchanged is not None:
                return exchanged
            if case_for_request(request, number) is not None:
                return private_link.clean(request)
        return view(request, number, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


@never_cache
@private_page
def follow(request: HttpRequest, number: str) -> HttpResponse:
    case = case_for_request(request, number)
    if case is None:
        raise Http404("未找到该申请，请核对申请编号和查询链接")
    services.log_personal_data_view(case, None, "applicant_link")
    return _follow_page(request, case)


def _follow_page(
    request: HttpRequest,
    case: Application,
    *,
    correction_form: CorrectionForm | None = None,
    correction_error: str = "",
    status: int = 200,
) -> HttpResponse:
    events = case.events.filter(public=True).exclude(action="notice").order_by("seq")
    can_correct = services.can_correct(case)
    return render(
        request,
        "applications/follow.html",
        {
            "case": case,
            "events": events,
            "notices": case.notices.all(),
            "files": delivered_files(case),
            "can_withdraw": services.can_withdraw(case),
            "correction_request": corrections.waiting_request(case),
            "can_correct": can_correct,
            "correction_form": correction_form or (CorrectionForm() if can_correct else None),
            "correction_error": correction_error,
            "last_correction": corrections.last_received(case),
        },
        status=status,
    )


@never_cache
@require_POST
@private_page
def correct(request: HttpRequest, number: str) -> HttpResponse:
    """The applicant sends the 补正 online (multipart: text and files): one 收到补正材料
    event on today's date; an invalid form stores nothing and shows its errors (400); a
    case no longer waiting for 补正 is refused with the reason (409)."""
    case = case_for_request(request, number)
    if case is None:
        raise Http404("未找到该申请，请核对申请编号和查询链接")
    form = CorrectionForm(request.POST, request.FILES)
    if not services.can_correct(case):
        error = corrections.not_waiting(case)
        return _follow_page(request, case, correction_error=error, status=409)
    if not form.is_valid():
        return _follow_page(request, case, correction_form=form, status=400)
    try:
        row = services.correct_by_applicant(
            case, form.cleaned_data["text"], form.cleaned_data["files"]
        )
    except CaseworkError as exc:
        if exc.status == 400:
            form.add_error(None, exc.message)
            return _follow_page(request, case, correction_form=form, status=400)
        return _follow_page(request, case, correction_error=exc.message, status=exc.status)
    messages.success(request, _received_message(case, row.on, len(form.cleaned_data["files"])))
    return redirect("applications_public:follow", number=case.number)


def _received_message(case: Application, on: date, files: int) -> str:
    sent = f"（附{files}个文件）" if files else ""
    if case.due_on is None:
        due = "自该日起重新计算"
    elif case.due_provisional:
        due = (
            f"自该日起重新计算，暂定至{case.due_on.isoformat()}"
            "（具体日期待国务院办公厅公布下一年度节假日安排后确定）"
        )
    else:
        due = f"自该日起重新计算，至{case.due_on.isoformat()}"
    return f"已收到您的补正材料{sent}，收到日期{on.isoformat()}；答复期限{due}。"


@never_cache
@private_page
def withdraw(request: HttpRequest, number: str) -> HttpResponse:
    """The applicant withdraws: GET asks for confirmation, POST withdraws (one event)."""
    case = case_for_request(request, number)
    if case is None:
        raise Http404("未找到该申请，请核对申请编号和查询链接")
    follow_url = reverse("applications_public:follow", args=[case.number])
    error = ""
    if request.method == "POST":
        try:
            services.withdraw_by_applicant(case, request.POST.get("reason", ""))
        except CaseworkError as exc:
            error = exc.message
        else:
            messages.success(request, f"申请{case.number}已撤回，本机关不再办理。")
            return redirect(follow_url)
    return render(
        request,
        "applications/withdraw.html",
        {
            "case": case,
            "follow_url": follow_url,
            "error": error,
            "can_withdraw": services.can_withdraw(case),
        },
        status=409 if error else 200,
    )


def delivered_files(case: Application) -> list[ReplyFile]:
    """The reply's files once the reply has been delivered (none while it is in review)."""
    files = querysets.reply_files(case)
    if not files:
        return []
    delivered = case.events.filter(action=Event.DELIVER, seq__gt=files[0].event.seq).exists()
    return files if delivered else []


@never_cache
@private_page
def file(request: HttpRequest, number: str, file_id: int) -> FileResponse:
    """A file of the delivered reply, for the applicant holding the private link."""
    case = case_for_request(request, number)
    found = [f for f in delivered_files(case) if f.pk == file_id] if case else []
    if not found:
        raise Http404("未找到该文件，请核对申请编号和查询链接")
    return reply_files.response(found[0])
