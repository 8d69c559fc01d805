"""Demo data for ``manage.py load_demo``: the 200-item sample catalogue of 示范区's organs.

Items of the 区政府办, 区发改局 and 区教育局 go to the demo organs of those names, published
by their own staff; the other nine sample organs (区财政局, 区卫健局 …) are created under
the supervising office (``zfb``), so its supervisor sees their timeliness. Their staff log
in as ``<slug>_officer``, ``<slug>_first``, ``<slug>_second`` and ``<slug>_head`` (e.g.
``czj_officer``) with the demo password.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ
from gongkai_demo.sample_load import load_sample_catalogue


def load_demo() -> list[str]:
    office = Organ.objects.filter(slug="zfb").first()
    if office is None:
        return ["主动公开：未找到示范区政府办（zfb），未加载示例目录"]
    demo_user = get_user_model().objects.filter(username="zfb_officer").first()
    password_hash = demo_user.password if demo_user else "!"
    loaded = load_sample_catalogue(
        office.region, slug_prefix="", password_hash=password_hash, parent=office
    )
    total = Item.objects.filter(organ__parent=office).count()
    if loaded:
        return [
            f"主动公开：已加载示例公开目录 {len(loaded)} 条（新增机关的账号如 czj_officer、czj_head）"
        ]
    return [f"主动公开：示例公开目录已存在（{total} 条）"]
