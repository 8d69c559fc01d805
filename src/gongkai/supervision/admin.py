from django.contrib import admin

from .models import ColumnPeriod, InspectionSettings, SensitiveWord


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("word",)
    search_fields = ("word",)


@admin.register(InspectionSettings)
class InspectionSettingsAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("__str__", "check_external_links")


@admin.register(ColumnPeriod)
class ColumnPeriodAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("category", "organ", "required", "days")
    list_filter = ("category",)
