"""Demo casework for ``manage.py load_demo``: a few dozen applications of the demo organs.

Written with the simulation helper (``simulate``: every history follows the workflow
table and the case rows are derived from the events exactly as ``services.apply``
derives them): cases received in 2024 and 2025 (mostly closed, a few appealed), plus a
handful received in the last weeks that are still open in the queue, and, for each organ,
one online application submitted today that waits for the officer's confirmation (so the
path from 确认收到 onward can be walked on any day; in December its due date is 暂定 until
next year's holiday notice is entered). Idempotent: when the demo organs already have
applications, nothing is added.
"""

from __future__ import annotations

from datetime import date, timedelta

from gongkai.organs.models import Organ

from . import services
from .models import Application
from .simulate import simulate

DEMO_SLUGS = ("fgj", "jyj", "sjj")
WAITING_FIELDS = {
    "applicant_type": "natural_person",
    "id_type": "resident_id",
    "address": "示范区示范路1号",
    "postcode": "999001",
    "document_number": "",
    "provision_form": "electronic",
    "delivery_method": "email",
}
WAITING_APPLICANTS = (  # fictional people; ID numbers with valid check digits, fictional area
    {
        "applicant_name": "林小雨",
        "id_number": "990101199001010019",
        "phone": "13900000001",
        "email": "linxiaoyu@example.cn",
        "information": "示范区2026年老旧小区改造项目清单及各项目的立项批复文件",
    },
    {
        "applicant_name": "周明",
        "id_number": "99010119850505001X",
        "phone": "13900000002",
        "email": "zhouming@example.cn",
        "information": "示范区2026年秋季学期义务教育阶段学校招生划片范围",
    },
    {
        "applicant_name": "陈静",
        "id_number": "990101197803030020",
        "phone": "13900000003",
        "email": "chenjing@example.cn",
        "information": "示范区政务数据共享目录（2026年版）",
    },
)
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
    for organ, applicant in zip(organs, WAITING_APPLICANTS, strict=False):
        services.submit_online(organ, {**WAITING_FIELDS, **applicant})
    total = Application.objects.filter(organ__in=organs).count()
    return [
        f"依申请公开：已加载演示申请{total}件（2024–2025年及近期，区发改局、区教育局、区数据局；"
        f"其中{len(WAITING_APPLICANTS)}件今天提交的网上申请待确认收到）"
    ]
