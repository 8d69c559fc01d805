"""The applicant's private link: on first visit its token is exchanged for a signed,
HttpOnly cookie of that case and a redirect to the same URL without it; the case's pages
then open by the cookie, and nothing that leaves the page carries the token."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from gongkai.applications import lookup, private_link, services
from gongkai.applications.models import Application, PersonalDataAccess
from gongkai.applications.workflow import Event, State
from gongkai.site.logs import redact

from .factories import APPLICANT, Staff
from .notice_cases import ISSUED_ON, configured

pytestmark = pytest.mark.django_db

STRANGER_REFUSED = "您要找的页面不存在，或您无权查看"


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


@pytest.fixture
def applied(frozen_today: date) -> tuple[Staff, Application, str]:
    staff = Staff()
    case, token = services.submit_online(staff.organ, {**APPLICANT})
    return staff, case, token


def page_of(client: Client, case: Application) -> Any:
    return client.get(f"/apply/{case.number}/")


def opened(client: Client, case: Application, token: str) -> Any:
    """The applicant opens the link: the redirect, the cookie set on ``client``."""
    r = client.get(f"/apply/{case.number}/?token={token}")
    assert r.status_code == 303 and r["Location"] == f"/apply/{case.number}/"
    return r


@pytest.mark.parametrize("https", [True, False])
def test_the_link_redirects_to_a_clean_url_and_sets_the_cases_cookie(
    applied: tuple[Staff, Application, str], client: Client, settings: Any, https: bool
) -> None:
    settings.SESSION_COOKIE_SECURE = https  # GONGKAI_HTTPS
    _, case, token = applied
    r = opened(client, case, token)
    assert token not in r["Location"] and token not in r.content.decode()
    assert r["Referrer-Policy"] == "no-referrer" and "no-store" in r["Cache-Control"]
    assert PersonalDataAccess.objects.filter(application=case).count() == 0  # nothing shown
    cookie = r.cookies[f"gongkai_case_{case.number}"]
    assert cookie["path"] == f"/apply/{case.number}/"
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert bool(cookie["secure"]) is https
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # gone when the browser closes
    assert token not in cookie.value and lookup.digest(token) not in cookie.value

    page = page_of(client, case)
    html = page.content.decode()
    assert page.status_code == 200 and case.number in html and "张三" in html
    assert token not in html and "token=" not in html
    assert page["Referrer-Policy"] == "same-origin" and "no-store" in page["Cache-Control"]
    vias = PersonalDataAccess.objects.filter(application=case).values_list("via", flat=True)
    assert list(vias) == ["applicant_link"]


def test_other_parameters_stay_and_only_the_token_goes(
    applied: tuple[Staff, Application, str], client: Client
) -> None:
    _, case, token = applied
    r = client.get(f"/apply/{case.number}/withdraw/?utm=mail&token={token}")
    assert r.status_code == 303 and r["Location"] == f"/apply/{case.number}/withdraw/?utm=mail"


def test_a_stranger_keeps_getting_404(applied: tuple[Staff, Application, str]) -> None:
    staff, case, token = applied
    _, other_token = services.submit_online(staff.organ, {**APPLICANT})
    for url in (
        f"/apply/{case.number}/",
        f"/apply/{case.number}/?token=wrong",
        f"/apply/{case.number}/?token=",
        f"/apply/{case.number}/?token={other_token}",
        f"/apply/{case.number}/withdraw/?token=wrong",
        f"/apply/NOPE-2025-00001/?token={token}",
    ):
        r = Client().get(url)
        assert r.status_code == 404, url
        assert STRANGER_REFUSED in r.content.decode() and "张三" not in r.content.decode()
        assert not r.cookies, url
    wrong_post = Client().post(f"/apply/{case.number}/withdraw/?token=wrong", {"reason": "x"})
    assert wrong_post.status_code == 404
    assert Application.objects.get(pk=case.pk).state == State.AWAITING_CONFIRMATION


def test_several_cases_side_by_side_and_one_cookie_never_opens_another(
    applied: tuple[Staff, Application, str], client: Client
) -> None:
    staff, mine, my_token = applied
    other, other_token = services.submit_online(
        staff.organ, {**APPLICANT, "applicant_name": "李四", "information": "另一份文件"}
    )
    third, _ = services.submit_online(staff.organ, {**APPLICANT, "applicant_name": "王五"})
    opened(client, mine, my_token)
    opened(client, other, other_token)
    assert "张三" in page_of(client, mine).content.decode()
    assert "李四" in page_of(client, other).content.decode()
    assert page_of(client, third).status_code == 404  # neither cookie opens a third case

    # My cookie's value under the other case's name, or under its path: refused.
    mine_value = client.cookies[private_link.cookie_name(mine.number)].value
    browser = Client()
    browser.cookies[private_link.cookie_name(other.number)] = mine_value
    assert page_of(browser, other).status_code == 404
    # Even one signed with the site's key under the other case's name, when it names mine.
    name = private_link.cookie_name(other.number)
    signed = HttpResponse()
    signed.set_signed_cookie(name, private_link._value(mine), salt=private_link.SALT)
    browser.cookies[name] = signed.cookies[name].value
    assert page_of(browser, other).status_code == 404
    signed.set_signed_cookie(name, private_link._value(other), salt=private_link.SALT)
    browser.cookies[name] = signed.cookies[name].value
    assert page_of(browser, other).status_code == 200  # (the same made right opens it)


@pytest.mark.parametrize(
    "forge",
    [
        lambda value, number: value.replace(number, number[:-1] + "9"),  # edited
        lambda value, number: value[:-1] + ("A" if value[-1] != "A" else "B"),  # signature
        lambda value, number: value.split(":")[0],  # the payload without its signature
        lambda value, number: f"{number}|{'0' * 32}",  # made up
    ],
)
def test_a_forged_or_tampered_cookie_is_refused(
    applied: tuple[Staff, Application, str],
    client: Client,
    forge: Callable[[str, str], str],
) -> None:
    _, case, token = applied
    opened(client, case, token)
    name = private_link.cookie_name(case.number)
    client.cookies[name] = forge(client.cookies[name].value, case.number)
    assert page_of(client, case).status_code == 404
    assert client.get(f"/apply/{case.number}/withdraw/").status_code == 404


def test_the_cookie_ends_with_its_age_or_a_new_token(
    applied: tuple[Staff, Application, str], client: Client, travel: Callable[[date], None]
) -> None:
    _, case, token = applied
    opened(client, case, token)
    assert page_of(client, case).status_code == 200
    travel(date.today() + timedelta(days=1))  # more than COOKIE_AGE later
    assert page_of(client, case).status_code == 404
    opened(client, case, token)  # the link itself keeps working
    assert page_of(client, case).status_code == 200
    Application.objects.filter(pk=case.pk).update(token_digest=lookup.digest("a new token"))
    assert page_of(client, case).status_code == 404


def test_a_wrong_token_beside_the_cookie_goes_to_the_clean_url(
    applied: tuple[Staff, Application, str], client: Client
) -> None:
    _, case, token = applied
    opened(client, case, token)
    r = client.get(f"/apply/{case.number}/?token=stale")
    assert r.status_code == 303 and r["Location"] == f"/apply/{case.number}/"
    assert f"gongkai_case_{case.number}" not in r.cookies  # the cookie stays as it was


def test_withdraw_and_downloads_work_by_the_cookie(client: Client, travel: Any) -> None:
    travel(ISSUED_ON)
    staff = configured()
    case, token = services.submit_online(staff.organ, {**APPLICANT})
    services.apply(case, Event.CONFIRM, staff.officer, data={"receipt_basis": "confirmed"})
    opened(client, case, token)
    notice = case.notices.get()
    pdf = client.get(f"/apply/{case.number}/notices/{notice.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "no-store" in pdf["Cache-Control"]
    assert Client().get(f"/apply/{case.number}/notices/{notice.pk}.pdf").status_code == 404

    confirm = client.get(f"/apply/{case.number}/withdraw/")
    assert confirm.status_code == 200 and "确认撤回" in confirm.content.decode()
    assert confirm["Referrer-Policy"] == "same-origin"
    done = client.post(f"/apply/{case.number}/withdraw/", {"reason": "不再需要"})
    assert done.status_code == 302 and done["Location"] == f"/apply/{case.number}/"
    assert Application.objects.get(pk=case.pk).state == State.WITHDRAWN


def test_a_form_posted_with_the_token_is_sent_again_to_the_clean_url(
    applied: tuple[Staff, Application, str],
) -> None:
    """A page opened before the change posts its form to ``…?token=``: 307 keeps the
    method and the form, and the cookie comes with it."""
    _, case, token = applied
    browser = Client()
    r = browser.post(f"/apply/{case.number}/withdraw/?token={token}", {"reason": "已取得"})
    assert r.status_code == 307 and r["Location"] == f"/apply/{case.number}/withdraw/"
    assert Application.objects.get(pk=case.pk).state == State.AWAITING_CONFIRMATION
    done = browser.post(
        f"/apply/{case.number}/withdraw/?token={token}", {"reason": "已取得"}, follow=True
    )
    assert [status for _, status in done.redirect_chain] == [307, 302]
    assert done.redirect_chain[-1][0] == f"/apply/{case.number}/"
    withdrawn = Application.objects.get(pk=case.pk)
    assert withdrawn.state == State.WITHDRAWN
    assert withdrawn.events.filter(action="withdraw", reason="已取得").count() == 1


def test_the_status_lookup_ends_at_a_clean_url(frozen_today: date) -> None:
    browser = Client()
    browser.post("/apply/", {**APPLICANT, "organ": Staff().organ.pk})
    html = browser.get("/apply/done/").content.decode()
    number = html.split('id="number">')[1].split("<")[0]
    code = html.split('id="code">')[1].split("<")[0]
    other = Client()
    r = other.post("/apply/status/", {"number": number, "code": code}, follow=True)
    assert r.redirect_chain == [(f"/apply/{number}/", 302)]
    assert r.status_code == 200 and "token" not in r.content.decode()


def test_the_confirmation_and_the_receipt_mail_keep_the_full_link(
    client: Client, frozen_today: date
) -> None:
    """The link the applicant keeps still holds the token: that is how it opens the case."""
    client.post("/apply/", {**APPLICANT, "organ": Staff().organ.pk})
    html = client.get("/apply/done/").content.decode()
    link = html.split('id="follow-link" href="')[1].split('"')[0]
    assert "?token=" in link
    followed = Client().get(link, follow=True)
    assert followed.status_code == 200 and "张三" in followed.content.decode()
    assert "?token=" not in followed.redirect_chain[-1][0]
    assert redact(link).endswith("?token=[redacted]")
