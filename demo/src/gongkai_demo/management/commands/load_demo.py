"""``python manage.py load_demo``: the demo region, printed with its accounts."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai_demo.organs import load_demo

AREAS = ("disclosure", "portal", "applications", "reports", "interaction", "supervision")
"""The Gongkai apps with a demo loader here: ``gongkai.<area>`` → ``gongkai_demo.<area>``."""


def app_demo_loaders() -> list[tuple[str, Callable[[], list[str]]]]:
    """``load_demo`` of every installed Gongkai app with a demo module (``AREAS``), in the
    order of ``INSTALLED_APPS``; the organs' own loader runs before them all."""
    found = []
    for config in apps.get_app_configs():
        area = config.name.removeprefix("gongkai.")
        if config.name.startswith("gongkai.") and area in AREAS:
            module = importlib.import_module(f"gongkai_demo.{area}")
            found.append((str(config.verbose_name), module.load_demo))
    return found


class Command(BaseCommand):
    help = "载入演示数据（示范区及其机关、各角色账户）；可重复运行，已有数据不变。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="打印网址时使用的站点地址"
        )

    def handle(self, *args: Any, base_url: str, **options: Any) -> None:
        accounts = load_demo()
        out = self.stdout
        out.write("演示数据已就绪：示范区（1个政府办公室、3个部门），各机关各角色账户如下。")
        out.write(f"所有演示账户的密码均为：{DEMO_PASSWORD}")
        out.write("用户名\t\t角色\t\t\t机关")
        for account in accounts:
            out.write(f"{account.username:<16}\t{account.role_label:<8}\t{account.organ}")
        for label, loader in app_demo_loaders():
            lines = loader()
            out.write(f"{label}：演示数据已就绪。")
            for line in lines:
                out.write(line)
        base = base_url.rstrip("/")
        out.write("")
        out.write(f"工作后台： {base}/office/")
        out.write(f"公众网站： {base}/")
        out.write(f"接口文档： {base}/api/docs")
        out.write(f"系统管理： {base}/admin/  （zfb_admin 为全站管理员）")
