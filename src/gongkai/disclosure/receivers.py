"""Signal receivers, connected by ``DisclosureConfig.ready``."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from gongkai.workcalendar.signals import calendar_changed


@receiver(calendar_changed, dispatch_uid="disclosure_due_dates")
def recompute_due_dates(sender: Any, **kwargs: Any) -> None:
    """The working-day calendar changed: unpublished items get their due dates again."""
    from .services import recompute_due_dates as recompute

    recompute()
