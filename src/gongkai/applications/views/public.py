"""The public form (no account), its confirmation page and the applicant's private view."""

from __future__ import annotations

import contextlib
import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from .. import files as reply_files
from .. import receipts, services
from ..errors import CaseworkError, InvalidInput
from ..forms import APPLICANT_FIELDS_FORM, ApplicationForm
from ..models import Application, ReplyFile
from ..workflow import Event
from .common import client_ip

RATE_LIMIT = getattr(settings, "APPLICATIONS_RATE_LIMIT", 10)
"""Online applications accepted per IP address per hour."""


def rate_limited(ip: str) -> bool:
    key = f"applications:apply:{ip}"
    added = cache.add(key, 1, timeout=3600)
    if added:
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=3600)
        return False
    return count > RATE_LIMIT


def apply(request: HttpRequest) -> HttpResponse:
    """The form (multipart: optional ID copy and 授权委托书); a valid POST files the case and
    redirects to the confirmation, an invalid one stores nothing and shows the errors."""
    posted = request.method == "POST"
    form = ApplicationForm(request.POST if posted else None, request.FILES if posted else None)
    if posted:
        if rate_limited(client_ip(request)):
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
    case = services.case_for_token(
        str(submitted.get("number", "")), str(submitted.get("token", ""))
    )
    if case is None:
        messages.info(request, "没有刚提交的申请。已提交的申请可凭查询链接查看办理进度。")
        return redirect("applications_public:apply")
    link = _follow_link(request, case.number, str(submitted["token"]))
    code = services.lookup_code(str(submitted["token"]))
    return render(
        request, "applications/apply_done.html", {"case": case, "link": link, "code": code}
    )


def _follow_link(request: HttpRequest, number: str, token: str) -> str:
    path = reverse("applications_public:follow", args=[number]) + f"?token={token}"
    return request.build_absolute_uri(path)


GRANTS = "applications:grants"
"""Session key: the case numbers this browser proved it may see (number and 查询码), with
the time each was found; a grant lasts ``PRIVATE_FOR``."""
PRIVATE_FOR = 30 * 60
"""Seconds a confirmation or a case found by 查询码 stays visible in the browser session."""
LOOKUP_LIMIT = getattr(settings, "APPLICATIONS_LOOKUP_LIMIT", 20)
"""Lookups by number and 查询码 allowed per address per hour."""
NOT_FOUND = "未找到该申请：请核对申请编号和查询码"


def _lookup_limited(ip: str) -> bool:
    key = f"applications:lookup:{ip}"
    if cache.add(key, 1, timeout=3600):
        return False
    try:
        return cache.incr(key) > LOOKUP_LIMIT
    except ValueError:
        cache.set(key, 1, timeout=3600)
        return False


@never_cache
def status(request: HttpRequest) -> HttpResponse:
    """Find a case again by its number and 查询码 (the link is then kept in this session)."""
    number = request.POST.get("number", "").strip()
    error = ""
    code = 200
    if request.method == "POST":
        if _lookup_limited(client_ip(request)):
            error, code = f"查询过于频繁：同一网络每小时最多查询{LOOKUP_LIMIT}次，请稍后再试", 429
        else:
            case = services.case_for_lookup(number, request.POST.get("code", ""))
            if case is not None:
                granted = _grants(request)
                granted[case.number] = time.time()
                request.session[GRANTS] = dict(sorted(granted.items(), key=lambda g: g[1])[-20:])
                return redirect("applications_public:follow", number=case.number)
            error, code = NOT_FOUND, 404
    return render(
        request, "applications/status.html", {"number": number, "error": error}, status=code
    )


def _grants(request: HttpRequest) -> dict[str, float]:
    """The numbers this session found by 查询码 within ``PRIVATE_FOR``, with their times."""
    stored = request.session.get(GRANTS)
    if not isinstance(stored, dict):
        return {}
    now = time.time()
    return {n: float(t) for n, t in stored.items() if now - float(t) <= PRIVATE_FOR}


def case_for_request(request: HttpRequest, number: str) -> tuple[Application | None, str]:
    """The case the request may see: by the private token in the URL, or by a number this
    session found with its 查询码; with the token to carry on in links ("" for the latter)."""
    token = request.GET.get("token", "")
    case = services.case_for_token(number, token)
    if case is not None:
        return case, token
    if number in _grants(request):
        found = Application.objects.select_related("organ").filter(number=number).first()
        return found, ""
    return None, ""


@never_cache
def follow(request: HttpRequest, number: str) -> HttpResponse:
    case, token = case_for_request(request, number)
    if case is None:
        raise Http404("未找到该申请，请核对申请编号和查询链接")
    services.log_personal_data_view(case, None, "applicant_link")
    events = case.events.filter(public=True).exclude(kind="notice").order_by("seq")
    return render(
        request,
        "applications/follow.html",
        {
            "case": case,
            "events": events,
            "notices": case.notices.all(),
            "files": delivered_files(case),
            "token": token,
            "can_withdraw": services.can_withdraw(case),
        },
    )


@never_cache
def withdraw(request: HttpRequest, number: str) -> HttpResponse:
    """The applicant withdraws: GET asks for confirmation, POST withdraws (one event)."""
    case, token = case_for_request(request, number)
    if case is None:
        raise Http404("未找到该申请，请核对申请编号和查询链接")
    follow_url = reverse("applications_public:follow", args=[case.number])
    if token:
        follow_url += f"?token={token}"
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
            "token": token,
            "follow_url": follow_url,
            "error": error,
            "can_withdraw": services.can_withdraw(case),
        },
        status=409 if error else 200,
    )


def delivered_files(case: Application) -> list[ReplyFile]:
    """The reply's files once the reply has been delivered (none while it is in review)."""
    files = services.reply_files(case)
    if not files:
        return []
    delivered = case.events.filter(kind=Event.DELIVER, seq__gt=files[0].event.seq).exists()
    return files if delivered else []


@never_cache
def file(request: HttpRequest, number: str, file_id: int) -> FileResponse:
    """A file of the delivered reply, for the applicant holding the private link."""
    case, _ = case_for_request(request, number)
    found = [f for f in delivered_files(case) if f.pk == file_id] if case else []
    if not found:
        raise Http404("未找到该文件，请核对申请编号和查询链接")
    return reply_files.response(found[0])
