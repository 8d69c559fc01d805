from django.contrib import admin

from .models import Membership, Organ, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organ)
class OrganAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "parent", "credit_code", "is_active"]
    list_filter = ["region", "is_active"]
    search_fields = ["name", "short_name", "credit_code"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organ", "role", "created_at"]
    list_filter = ["role", "organ"]
    search_fields = ["user__username", "organ__name"]
