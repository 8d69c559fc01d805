"""Signal receivers, connected by ``ApplicationsConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from gongkai.workcalendar.signals import calendar_changed


@receiver(calendar_changed, dispatch_uid="applications_due_dates")
def recompute_due_dates(sender: Any, change: Any = None, **kwargs: Any) -> None:
    """The calendar changed: re-derive every open case's dates, with an event citing why."""
    from .services import recompute_open_cases

    reason = str(getattr(change, "reason", "") or "工作日历调整")
    recompute_open_cases(reason=reason)
