"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: F401  (re-exported for browser tests)


@pytest.fixture
def site(live_server: Any, settings: Any, browser: Any) -> Iterator[Any]:
    """A fresh browser page on the live server with the demo data loaded (plain HTTP)."""
    from gongkai_demo.organs import load_demo

    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # Logging in is what these tests drive, not the cost of the hash: use a fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
