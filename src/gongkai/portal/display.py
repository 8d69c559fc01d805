"""How a reader wants the public site shown — 关怀模式 (larger type and spacing, high
contrast, bigger targets) and 字号 大/中/小 — kept in cookies and set by plain links, so no
script is needed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

CARE = "gk_care"
SIZE = "gk_size"
SIZES = {"s": "小", "m": "中", "l": "大"}
YEAR = 365 * 24 * 3600


def preferences(request: HttpRequest) -> dict[str, object]:
    size = request.COOKIES.get(SIZE, "m")
    size = size if size in SIZES else "m"
    care = request.COOKIES.get(CARE) == "1"
    classes = (" care" if care else "") + ("" if size == "m" else f" size-{size}")
    return {
        "care_mode": care,
        "font_size": size,
        "font_sizes": SIZES,
        "display_classes": classes,  # styled in site.css: care, size-s, size-l
    }


def display(request: HttpRequest) -> HttpResponse:
    """``?care=1|0`` and/or ``?size=s|m|l``, then back to ``next`` (this site only)."""
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=False):
        target = "/"
    response = HttpResponseRedirect(target)
    care = request.GET.get("care")
    if care in ("0", "1"):
        response.set_cookie(CARE, care, max_age=YEAR, samesite="Lax")
    size = request.GET.get("size")
    if size in SIZES:
        response.set_cookie(SIZE, size, max_age=YEAR, samesite="Lax")
    return response
