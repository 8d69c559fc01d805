from django.apps import AppConfig


class OrgansConfig(AppConfig):
    name = "gongkai.organs"
    label = "organs"
    verbose_name = "机关与人员"
