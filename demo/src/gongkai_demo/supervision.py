"""Demo: one inspection of the demo region, so the supervisor's problem list and each
organ's start page show what the platform found (``manage.py load_demo``)."""

from __future__ import annotations

from gongkai.organs.models import Organ
from gongkai.supervision import inspect
from gongkai.supervision.models import Run


def load_demo() -> list[str]:
    if Run.objects.exists():
        return ["监督检查：已有巡查记录"]
    record = inspect.run(Organ.objects.filter(is_active=True))
    return [
        f"监督检查：已巡查{record.organs}个机关，发现问题{record.found}项（账号 zfb_supervisor 查看问题清单）"
    ]
