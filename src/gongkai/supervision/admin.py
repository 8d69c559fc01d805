from django.contrib import admin

from .models import SensitiveWord


@admin.register(SensitiveWord)
class SensitiveWordAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("word",)
    search_fields = ("word",)
