"""Navigation the apps fill: each installed app's ``nav`` module may define two lists.

- ``OFFICE``: items of the back-office menu (``base.html``);
- ``PORTAL``: items of the public site's menu (``portal_base.html``).

Each item is a ``NavItem``; ``visible(user)`` decides per user (default: everyone who can
see that menu); ``badge(user)``, when given, is a short count drawn beside the label
(empty: none). Items are sorted by ``order``, then label.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import autodiscover_modules


def _everyone(user: Any) -> bool:
    return True


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    order: int = 100
    visible: Callable[[Any], bool] = field(default=_everyone)
    badge: Callable[[Any], str] | None = None

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


def discover() -> None:
    """Import every installed app's ``nav`` module (``CoreConfig.ready``)."""
    autodiscover_modules("nav")


@cache
def _discovered(kind: str) -> tuple[NavItem, ...]:
    found: list[NavItem] = []
    for config in apps.get_app_configs():
        module = sys.modules.get(f"{config.name}.nav")
        if module is not None:
            found.extend(getattr(module, kind, []))
    return tuple(sorted(found, key=lambda item: (item.order, item.label)))


def _section_of(current_path: str, urls: list[str]) -> str | None:
    """The URL of the menu item whose section ``current_path`` is in.

    An exact match wins; otherwise the longest URL that is a path prefix of the current
    page (so ``/office/applications/supervise/`` belongs to "办理统计", not to "依申请公开"
    nor to "工作台" at ``/office/``). The root ``/`` only matches itself.
    """
    if current_path in urls:
        return current_path
    prefixes = [
        url for url in urls if url != "/" and url.endswith("/") and current_path.startswith(url)
    ]
    return max(prefixes, key=len, default=None)


def items_for(kind: str, user: Any, current_path: str) -> list[dict[str, Any]]:
    """The menu ``kind`` ("OFFICE" or "PORTAL") as the templates draw it.

    At most one item is ``current`` (drawn with ``aria-current="page"``).
    """
    shown: list[tuple[NavItem, str]] = []
    for item in _discovered(kind):
        url = item.url()
        if url is None or not item.visible(user):
            continue
        shown.append((item, url))
    section = _section_of(current_path, [url for _, url in shown])
    return [
        {
            "label": item.label,
            "url": url,
            "current": url == section,
            "badge": item.badge(user) if item.badge is not None else "",
        }
        for item, url in shown
    ]
