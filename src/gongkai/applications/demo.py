"""Demo casework for ``manage.py load_demo``: a few dozen applications of the demo organs.

Written with the simulation helper (``simulate``: every history follows the workflow
table and the case rows are derived from the events exactly as ``services.apply``
derives them): cases received in 2024 and 2025 (mostly closed, a few appealed), plus a
handful received in the last weeks that are still open in the queue. Idempotent: when
the demo organs already have applications, nothing is added.
"""

from __future__ import annotations

from datetime import date, timedelta

from gongkai.organs.models import Organ

from . import services
from .models import Application
from .simulate import simulate

DEMO_SLUGS = ("fgj", "jyj", "sjj")
PAST_CASES = 42
RECENT_CASES = 8


def load_demo() -> list[str]:
    organs = list(Organ.objects.filter(slug__in=DEMO_SLUGS).order_by("slug"))
    if not organs:
        return ["依申请公开：未找到示范区的部门（fgj、jyj、sjj），未加载演示申请"]
    existing = Application.objects.filter(organ__in=organs).count()
    if existing:
        return [f"依申请公开：演示申请已存在（{existing}件）"]
    today = services.today()
    calendar = services.current_calendar()
    last = min(today, date(2025, 12, 31))
    simulate(
        organs,
        PAST_CASES,
        first=date(2024, 1, 2),
        last=last,
        until=today,
        appeal_rate=0.1,
        calendar=calendar,
    )
    simulate(
        organs,
        RECENT_CASES,
        first=today - timedelta(days=20),
        last=today,
        until=today,
        seed=7,
        calendar=calendar,
    )
    total = Application.objects.filter(organ__in=organs).count()
    return [
        f"依申请公开：已加载演示申请{total}件（2024–2025年及近期，区发改局、区教育局、区数据局）"
    ]
