"""Demo data for ``manage.py load_demo``: the 200-item sample catalogue of 吴兴区's organs.

The sample organs are placed under the demo region's supervising office (``zfb``), so its
supervisor sees their timeliness; their staff log in as ``wx-<organ>_officer``,
``wx-<organ>_first``, ``wx-<organ>_second`` and ``wx-<organ>_head`` with the demo password.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.organs.models import Organ

from .models import Item
from .sample_load import load_sample_catalogue


def load_demo() -> list[str]:
    office = Organ.objects.filter(slug="zfb").first()
    if office is None:
        return ["主动公开：未找到示范区政府办（zfb），未加载示例目录"]
    demo_user = get_user_model().objects.filter(username="zfb_officer").first()
    password_hash = demo_user.password if demo_user else "!"
    loaded = load_sample_catalogue(
        office.region, slug_prefix="wx-", password_hash=password_hash, parent=office
    )
    total = Item.objects.filter(organ__slug__startswith="wx-").count()
    if loaded:
        return [
            f"主动公开：已加载示例公开目录 {len(loaded)} 条（账号如 wx-fgj_officer、wx-fgj_head）"
        ]
    return [f"主动公开：示例公开目录已存在（{total} 条）"]
