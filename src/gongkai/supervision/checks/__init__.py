"""The inspection's checks, one function per rule or group of rules (see ``catalogue``)."""

from __future__ import annotations

from . import casework, catalog, guides, items, reports
from .context import Check, Context

__all__ = ["Check", "Context", "all_checks"]


def all_checks() -> list[Check]:
    return [
        items.publishing,
        items.numbering,
        items.validity,
        items.links,
        items.personal_data,
        catalog.columns,
        guides.guides,
        reports.annual_reports,
        casework.applications,
        casework.reasons,
        casework.messages,
    ]
