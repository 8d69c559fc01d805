from __future__ import annotations

from django.apps import AppConfig

from gongkai.core.mounts import Mount


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = "依申请公开"
    mounts = (
        Mount("office/applications/", "gongkai.applications.urls"),
        Mount("apply/", "gongkai.applications.public_urls"),
    )

    def ready(self) -> None:
        from . import (
            receivers,  # noqa: F401
            workflow,
        )

        workflow.validate()
