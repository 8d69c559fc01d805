from django.contrib import admin

from .models import SiteIdentity


@admin.register(SiteIdentity)
class SiteIdentityAdmin(admin.ModelAdmin):
    list_display = ("site_name", "sponsor", "icp", "site_code")

    def has_add_permission(self, request: object) -> bool:
        return not SiteIdentity.objects.exists()
