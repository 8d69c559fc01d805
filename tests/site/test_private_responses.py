"""Private pages are never cached, and an applicant's pages send no Referer to another
site; passwords a guesser would try first are refused."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

pytestmark = pytest.mark.django_db


def test_staff_pages_and_downloads_say_no_store(client, make_member, organ_tree) -> None:  # type: ignore[no-untyped-def]
    from gongkai.organs.roles import Role

    user = make_member(organ_tree["a"], Role.OFFICER)
    client.force_login(user)
    for url in ("/office/", "/office/disclosure/", "/"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
    client.logout()
    assert "no-store" not in client.get("/").get("Cache-Control", "")
    assert "no-store" in client.get("/accounts/login/")["Cache-Control"]


def test_applicant_pages_send_no_referer_to_other_sites_and_are_not_stored(client) -> None:  # type: ignore[no-untyped-def]
    """Other sites get no Referer from an applicant's page; the site's own pages get the
    clean path (and the forms a real Origin, which CSRF needs). A URL still holding a token
    sends no Referer at all."""
    for url in ("/apply/FGJ-2026-00001/", "/apply/FGJ-2026-00001/withdraw/", "/apply/done/"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert response["Referrer-Policy"] == "same-origin", url
    for url in ("/apply/FGJ-2026-00001/?token=wrong", "/messages/FGJ-LY-2026-00001/?token=x"):
        response = client.get(url)
        assert "no-store" in response["Cache-Control"], url
        assert response["Referrer-Policy"] == "no-referrer", url
    assert client.get("/messages/FGJ-LY-2026-00001/")["Referrer-Policy"] == "same-origin"
    assert "no-store" not in client.get("/apply/").get("Cache-Control", "")


@pytest.mark.parametrize(
    "password", ["Passw0rd!!", "Abcdefghij1", "Gongkai-Demo-2025", "Qwertyuiop1!", "P@ssword2024"]
)
def test_guessable_passwords_are_refused(password: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(password)


def test_the_username_twice_is_refused_and_a_good_password_passes() -> None:
    class Person:
        username = "fgj_officer"

    with pytest.raises(ValidationError, match="用户名"):
        validate_password("Fgj_Officer#fgj_officer1", Person())
    validate_password("Xk7#mP2vLq9w", Person())
