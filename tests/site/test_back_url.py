"""The error boundary sends a refused POST back only to a page of this site."""

from __future__ import annotations

from django.test import RequestFactory

from gongkai.core.errors import back_url


def test_back_url_keeps_same_site_paths_and_refuses_scheme_relative_ones() -> None:
    factory = RequestFactory()
    ok = factory.post("/x/", HTTP_REFERER="http://testserver/office/applications/A-1/?tab=2")
    assert back_url(ok) == "/office/applications/A-1/?tab=2"
    for evil in ("http://testserver//evil.example/x", "http://testserver/\\evil.example/x"):
        assert back_url(factory.post("/x/", HTTP_REFERER=evil)) == "/x/"
    assert back_url(factory.post("/x/", HTTP_REFERER="https://evil.example/x")) == "/x/"
