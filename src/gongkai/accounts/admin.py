from typing import Any

from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key", "created_at", "last_used_at"]
    search_fields = ["user__username", "name"]


ACTIONS = {"add": "增加", "change": "修改", "delete": "删除", "view": "查看"}


def permission_label(permission: Permission) -> str:
    """「机关与人员｜机关｜修改」: the app, the model and the action, in the admin's words."""
    model = permission.content_type.model_class()
    action = ACTIONS.get(permission.codename.split("_", 1)[0], permission.name)
    if model is None:
        return permission.name
    app = apps.get_app_config(model._meta.app_label).verbose_name
    return f"{app}｜{model._meta.verbose_name}｜{action}"


class ChinesePermissions:
    """Permissions a group or user can be given: those of the models the admin manages,
    labelled in Chinese (Django names them "Can add access attempt" in any language)."""

    def formfield_for_manytomany(self, db_field: Any, request: Any = None, **kwargs: Any) -> Any:
        if db_field.name in ("permissions", "user_permissions"):
            managed = [ContentType.objects.get_for_model(m) for m in admin.site._registry]
            kwargs["queryset"] = Permission.objects.filter(content_type__in=managed).select_related(
                "content_type"
            )
        field = super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]
        if field is not None and db_field.name in ("permissions", "user_permissions"):
            field.label_from_instance = permission_label
        return field


class GroupAdmin(ChinesePermissions, BaseGroupAdmin):
    pass


class UserAdmin(ChinesePermissions, BaseUserAdmin):
    pass


admin.site.unregister(Group)
admin.site.register(Group, GroupAdmin)
admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), UserAdmin)
