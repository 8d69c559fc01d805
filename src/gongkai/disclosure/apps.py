from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured

from gongkai.core.mounts import Mount


class DisclosureConfig(AppConfig):
    name = "gongkai.disclosure"
    label = "disclosure"
    verbose_name = "主动公开"
    mounts = (Mount("office/disclosure/", "gongkai.disclosure.urls"),)

    def ready(self) -> None:
        from . import receivers, workflow  # noqa: F401  (receivers connect on import)

        problems = workflow.validate()
        if problems:
            raise ImproperlyConfigured("主动公开流程表有误：" + "；".join(problems))
