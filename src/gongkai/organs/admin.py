from django.contrib import admin

from .forms import OrganAdminForm
from .models import Membership, Organ, PeopleChange, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organ)
class OrganAdmin(admin.ModelAdmin):
    form = OrganAdminForm
    list_display = ["name", "short_name", "parent", "credit_code", "is_active"]
    list_filter = ["region", "is_active"]
    search_fields = ["name", "short_name", "credit_code"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organ", "role", "created_at"]
    list_filter = ["role", "organ"]
    search_fields = ["user__username", "organ__name"]


@admin.register(PeopleChange)
class PeopleChangeAdmin(admin.ModelAdmin):
    """The people log is written by gongkai.organs.people only: read-only here."""

    list_display = ["at", "organ", "person", "actor", "action", "summary"]
    list_filter = ["action", "organ"]
    search_fields = ["person__username", "summary"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: object, obj: object = None) -> bool:
        return False
