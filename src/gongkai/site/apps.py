from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

from gongkai.core.mounts import Mount


def create_cache_table(sender: Any, using: str = "default", **kwargs: Any) -> None:
    """The database cache's table (the shared rate-limit counters) exists after migrate."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class SiteConfig(AppConfig):
    name = "gongkai.site"
    label = "site"
    verbose_name = "站点"
    mounts = (Mount("", "gongkai.site.urls", order=95),)

    def ready(self) -> None:
        from django.apps import apps
        from django.urls import register_converter

        from .converters import YearConverter

        register_converter(YearConverter, "year")  # before any URLconf is imported

        from .logs import install as redact_tokens_in_logs

        redact_tokens_in_logs()  # no private link's token in any log line

        from .jobs import ensure_schedules

        # The admin groups django-axes' models under its app's name, which it leaves
        # untranslated ("Axes"); its model and field labels are in locale/.
        apps.get_app_config("axes").verbose_name = "登录保护"

        # After every migrate: the background worker's schedules exist and are current
        # (sent with django_q's app: this app has no models, so no signal of its own).
        post_migrate.connect(
            create_cache_table,
            sender=apps.get_app_config("django_q"),
            dispatch_uid="gongkai.site.cache_table",
        )
        post_migrate.connect(
            ensure_schedules,
            sender=apps.get_app_config("django_q"),
            dispatch_uid="gongkai.site.jobs",
        )
