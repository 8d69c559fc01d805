"""Template context every page of the shell needs."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from gongkai.core.nav import items_for

SITE_TITLE = "政府信息公开工作平台"
OFFICE_PREFIXES = ("/office/", "/accounts/", "/admin/", "/api/")


def shell_template(path: str) -> str:
    """The shell a shared page (403/404) is drawn in: the back office's or the public site's."""
    return "base.html" if path.startswith(OFFICE_PREFIXES) else "portal_base.html"


def shell(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    from gongkai.portal import display, models

    return {
        **display.preferences(request),
        "identity": models.current,
        "site_title": SITE_TITLE,
        "shell_template": shell_template(request.path),
        "office_nav": lambda: items_for("OFFICE", user, request.path) if user else [],
        "portal_nav": lambda: items_for("PORTAL", user, request.path) if user else [],
    }
