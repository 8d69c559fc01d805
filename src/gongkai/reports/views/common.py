"""Lookups shared by the workspace pages: the organ fenced by the user's rights."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from gongkai.annual import Finding, Severity
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs

from .. import services
from ..models import AnnualReportDraft

YEARS_SHOWN = 4


def organ_for(request: HttpRequest, slug: str) -> Organ:
    """The organ if the user may read its reports; 404 otherwise (never reveal it exists)."""
    organ = case_organs(request.user).filter(slug=slug).first()
    if organ is None:
        raise Http404("未找到该机关，或无权查看")
    return organ


def forbidden_by_role(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """A role refusal (``services.NotAllowed``) is a 403 page here, not a message: the
    pages never offer these actions to such a user. Every other refusal is left to the
    error boundary (``gongkai.site.errors``): a message on the page the user came from."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except services.NotAllowed as exc:
            raise PermissionDenied(str(exc)) from None

    return wrapped


def draft_for(organ: Organ, year: int) -> AnnualReportDraft | None:
    return AnnualReportDraft.objects.filter(organ=organ, year=year).first()


def finding_rows(found: list[Finding] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings as the templates show them: Chinese severity label, code, message, hint."""
    rows = []
    for f in found:
        d = f.to_dict() if isinstance(f, Finding) else dict(f)
        severity = Severity(d["severity"])
        rows.append({**d, "label": severity.label, "css": f"sev-{severity.value}"})
    return rows
