"""Read-only in the admin: calendar writes go through the calendar pages (services)."""

from typing import Any

from django.contrib import admin

from .models import CalendarChange, CalendarOverride, CoverageReminder, YearNotice


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(YearNotice)
class YearNoticeAdmin(ReadOnlyAdmin):
    list_display = ["year", "title", "document_number", "published_on", "entered_at"]


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ReadOnlyAdmin):
    list_display = ["date", "kind", "name", "notice", "reason"]
    list_filter = ["kind", "notice"]


@admin.register(CalendarChange)
class CalendarChangeAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "reason", "summary"]


@admin.register(CoverageReminder)
class CoverageReminderAdmin(ReadOnlyAdmin):
    list_display = ["week_start", "year", "sent_at", "recipients"]
