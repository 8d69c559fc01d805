"""What the workspace tells other apps (which listen; reports never imports them)."""

from __future__ import annotations

from django.dispatch import Signal

report_published = Signal()
"""Sent inside ``services.publish``'s transaction once the report and its files are stored;
``draft`` is the published ``AnnualReportDraft``. A receiver that raises undoes the
publication."""
