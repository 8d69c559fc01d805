from django.contrib import admin

from .models import ColumnPeriod, InspectionSettings, SensitiveWord


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):
    list_display = ("word",)
    search_fields = ("word",)


@admin.register(InspectionSettings)
class InspectionSettingsAdmin(admin.ModelAdmin):
    list_display = ("__str__", "check_external_links")


@admin.register(ColumnPeriod)
class ColumnPeriodAdmin(admin.ModelAdmin):
    list_display = ("category", "organ", "required", "days")
    list_filter = ("category",)
