from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "gongkai.site"
    label = "site"
    verbose_name = "站点"
