"""Admin: the per-organ 索引号 pattern, guides and entered table 二 counts; items read-only
(their state only changes through the review workflow)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import DisclosureSettings, Guide, Item, ItemEvent, Table2Entry


@admin.register(DisclosureSettings)
class DisclosureSettingsAdmin(admin.ModelAdmin):
    list_display = ["organ", "index_pattern"]


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin):
    list_display = ["organ", "office_name", "updated_at"]


@admin.register(Table2Entry)
class Table2EntryAdmin(admin.ModelAdmin):
    list_display = ["organ", "year", "licensing", "punishment", "coercion", "fees", "source"]
    list_filter = ["year"]


class EventInline(admin.TabularInline):
    model = ItemEvent
    extra = 0
    can_delete = False
    readonly_fields = ["action", "before", "after", "actor_name", "reason", "on", "at"]
    fields = tuple(readonly_fields)

    # The history is append-only (gongkai.core.models): shown, never added, edited or removed.
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "organ", "index_number", "version", "state", "published_on"]
    list_filter = ["state", "category", "kind"]
    search_fields = ["title", "index_number", "doc_number"]
    inlines = [EventInline]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
