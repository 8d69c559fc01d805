"""The applicant's private link, exchanged on first visit for a cookie of that case.

The link given to the applicant (``/apply/<number>/?token=…``: the confirmation page and
the receipt e-mail) keeps working, but the token does not stay in the address bar, the
history, a Referer or the access log of every later request:

    exchange(request, number)   a request whose query holds ``token``: when it is the
                                case's token, a redirect to the same URL without it (303;
                                307 for a POST, which the browser sends again) that sets
                                the case's cookie; None for a wrong token (the view then
                                refuses as before, or lets in by cookie or 查询码)
    remember(response, case)    set the case's cookie
    holds_cookie(request, case) whether the request carries a good cookie for this case
    without_token(request)      the request's URL with ``token`` left out of the query

The cookie is one per case (``gongkai_case_<number>``), its path that case's own pages
(``/apply/<number>/``), so several cases work side by side in one browser and no other page
receives it. Its value is the number and a fingerprint of the case's token digest, signed
with ``SECRET_KEY`` (a tampered or another case's cookie is refused; a new token for the case
would void it); HttpOnly, SameSite=Lax (the link is opened from a webmail page: a top-level
GET from another site must still carry it), Secure under HTTPS (``GONGKAI_HTTPS``, like the
session cookie). It has no expiry, so the browser drops it when it is closed, and the server
refuses it ``COOKIE_AGE`` seconds after the link was opened.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import escape_uri_path

from . import lookup
from .models import Application

TOKEN = "token"
"""The query parameter of the private link."""
COOKIE_PREFIX = "gongkai_case_"
SALT = "gongkai.applications.private_link"
COOKIE_AGE = 8 * 3600
"""Seconds after the link was opened that its cookie still opens the case (as a staff
member's session); opening the link again starts afresh."""
SAFE_METHODS = frozenset({"GET", "HEAD"})


def cookie_name(number: str) -> str:
    return f"{COOKIE_PREFIX}{number}"


def cookie_path(number: str) -> str:
    """The case's own pages: ``/apply/<number>/`` and everything under it."""
    return str(reverse("applications_public:follow", args=[number]))


def _value(case: Application) -> str:
    fingerprint = salted_hmac(SALT, case.token_digest, algorithm="sha256").hexdigest()[:32]
    return f"{case.number}|{fingerprint}"


def remember(response: HttpResponse, case: Application) -> None:
    response.set_signed_cookie(
        cookie_name(case.number),
        _value(case),
        salt=SALT,
        path=cookie_path(case.number),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def holds_cookie(request: HttpRequest, case: Application) -> bool:
    """A cookie this site signed for this very case (and its current token), not older
    than ``COOKIE_AGE``."""
    if not case.token_digest:
        return False
    found = request.get_signed_cookie(
        cookie_name(case.number), default=None, salt=SALT, max_age=COOKIE_AGE
    )
    return found is not None and constant_time_compare(found, _value(case))


def without_token(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop(TOKEN, None)
    path = escape_uri_path(request.path)
    return f"{path}?{query.urlencode()}" if query else path


def exchange(request: HttpRequest, number: str) -> HttpResponse | None:
    """The redirect to the clean URL that sets the cookie, when the query holds the case's
    own token; None otherwise."""
    case = lookup.case_for_token(number, request.GET.get(TOKEN, ""))
    if case is None:
        return None
    response = clean(request)
    remember(response, case)
    return response


def clean(request: HttpRequest) -> HttpResponse:
    """The same URL without the token: 303 (a GET follows), 307 for a POST (sent again,
    form and files, with the cookie)."""
    response = HttpResponseRedirect(without_token(request))
    response.status_code = 303 if request.method in SAFE_METHODS else 307
    return response
