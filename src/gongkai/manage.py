"""``python -m gongkai.manage``: Django's manage.py for an installed Gongkai."""

from __future__ import annotations

import importlib.util
import os
import sys

NO_DEMO = (
    "load_demo：未安装演示数据包 gongkai-demo（生产安装不含演示数据）。"
    "在源码目录运行 make venv 或 pip install -e ./demo 后再试。"
)


def main() -> None:
    if sys.argv[1:2] == ["load_demo"] and importlib.util.find_spec("gongkai_demo") is None:
        sys.exit(NO_DEMO)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
