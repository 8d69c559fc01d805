from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = "公共基础"

    def ready(self) -> None:
        from . import errors, nav

        # Every installed app's ``nav`` and ``domain_errors`` modules (Django's
        # autodiscover_modules, as the admin does for ``admin``): an app joins the menus
        # and the error boundary by being in INSTALLED_APPS.
        nav.discover()
        errors.discover()
