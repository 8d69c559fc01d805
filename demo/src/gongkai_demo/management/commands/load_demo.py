"""``python manage.py load_demo``: the demo region, printed with its accounts."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand

from gongkai.organs.demo import DEMO_PASSWORD, load_demo


def app_demo_loaders() -> list[tuple[str, Callable[[], list[str]]]]:
    """``load_demo`` of every other Gongkai app that has a ``demo`` module, in app order."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("gongkai.") or config.name == "gongkai.organs":
            continue
        module_name = f"{config.name}.demo"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        loader = getattr(module, "load_demo", None)
        if loader is not None:
            found.append((str(config.verbose_name), loader))
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
