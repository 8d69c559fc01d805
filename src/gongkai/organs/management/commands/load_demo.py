"""``python manage.py load_demo``: the demo region, printed with its accounts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from gongkai.organs.demo import DEMO_PASSWORD, load_demo


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
        out.write(f"{'用户名':<18}角色              机关")
        for account in accounts:
            out.write(f"{account.username:<21}{account.role_label:<10}\t{account.organ}")
        base = base_url.rstrip("/")
        out.write("")
        out.write(f"工作后台： {base}/office/")
        out.write(f"公众网站： {base}/")
        out.write(f"接口文档： {base}/api/docs")
        out.write(f"系统管理： {base}/admin/  （zfb_admin 为全站管理员）")
