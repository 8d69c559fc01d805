"""An app joins the site by its line in INSTALLED_APPS: its URLs (``AppConfig.mounts``), its
menu items (``nav.py``) and its domain errors (``domain_errors.py``) are found, not listed."""

from __future__ import annotations

import importlib.util

from django.apps import apps
from django.test import Client
from django.urls import resolve

from gongkai.core import errors, nav
from gongkai.core.mounts import installed_mounts


def _gongkai_apps() -> list[str]:
    return [c.name for c in apps.get_app_configs() if c.name.startswith("gongkai.")]


def test_every_urls_module_of_an_installed_app_is_mounted() -> None:
    mounted = {mount.urlconf for mount in installed_mounts()}
    modules = {
        f"{name}.{module}"
        for name in _gongkai_apps()
        for module in ("urls", "public_urls")
        if importlib.util.find_spec(f"{name}.{module}") is not None
    }
    assert modules - mounted == set()


def test_catch_all_mounts_come_after_every_prefixed_one() -> None:
    prefixes = [mount.prefix for mount in installed_mounts()]
    first_empty = prefixes.index("")
    assert all(prefix == "" for prefix in prefixes[first_empty:])


def test_mounted_pages_answer_at_their_prefixes(client: Client) -> None:
    assert resolve("/apply/").namespace == "applications_public"
    assert resolve("/office/").view_name == "site:home"
    assert resolve("/").view_name in {"site:public_home", "portal:home"}
    assert client.get("/api/openapi.json").status_code == 200


def test_every_nav_module_is_discovered() -> None:
    expected = {
        name for name in _gongkai_apps() if importlib.util.find_spec(f"{name}.nav") is not None
    }
    labels = {item.label for item in nav._discovered("OFFICE") + nav._discovered("PORTAL")}
    assert len(expected) >= 8
    assert {"工作台", "依申请公开", "年度报告", "首页", "申请公开"} <= labels


def test_each_app_registers_its_own_domain_errors() -> None:
    owners = {cls.__module__.split(".")[1] for cls in errors.domain_error_classes()}
    assert {"annual", "deadlines", "applications", "disclosure", "reports"} <= owners
