"""``calendar_changed``: sent after every committed change of the working-day calendar.

Receivers get ``sender=CalendarChange``, ``change`` (the ``CalendarChange`` row, whose
``reason`` says why) and ``dates`` (the ``datetime.date`` values whose status changed).
Connect in your app's ``AppConfig.ready()``; the signal is sent inside
``transaction.on_commit``, so the new calendar is already visible through
``gongkai.workcalendar.calendar.current_calendar()``.
"""

from __future__ import annotations

from django.dispatch import Signal

calendar_changed = Signal()
