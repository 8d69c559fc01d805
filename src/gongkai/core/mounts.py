"""Where each app's URLs hang: an app says it in its ``AppConfig.mounts``.

    class ApplicationsConfig(AppConfig):
        mounts = (
            Mount("office/applications/", "gongkai.applications.urls"),
            Mount("apply/", "gongkai.applications.public_urls"),
        )

The root URLconf (``gongkai.config.urls``) includes every installed app's mounts, so an app
joins the site by its line in ``INSTALLED_APPS``. Mounts are tried by ``order`` (lower
first), then in the order of ``INSTALLED_APPS``: the catch-all mounts at ``""`` (the portal,
the site's own pages) come last.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, include, path


@dataclass(frozen=True)
class Mount:
    prefix: str
    urlconf: str
    order: int = 50


def installed_mounts() -> list[Mount]:
    """Every installed app's mounts, in the order they are tried."""
    found: list[tuple[int, int, Mount]] = []
    for position, config in enumerate(apps.get_app_configs()):
        for mount in getattr(config, "mounts", ()):
            found.append((mount.order, position, mount))
    return [mount for _, _, mount in sorted(found, key=lambda entry: entry[:2])]


def url_patterns() -> list[URLPattern | URLResolver]:
    return [path(mount.prefix, include(mount.urlconf)) for mount in installed_mounts()]
