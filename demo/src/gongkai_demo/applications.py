"""Demo casework for ``manage.py load_demo``: a few dozen applications of the demo organs.

Written with the simulation helper (``simulate``: every history follows the workflow
table and the case rows are derived from the events exactly as ``services.apply``
derives them): cases received in 2024 and 2025 (mostly closed, a few appealed), plus a
handful received in the last weeks that are still open in the queue, and, for each organ,
one online application submitted today that waits for the officer's confirmation (so the
path from 确认收到 onward can be walked on any day; in December its due date is 暂定 until
next year's holiday notice is entered). Three more are walked through the real services
today so that the applicant's side can be tried with a printed 查询码 (``WALKS``): one waits
for the applicant's online 补正, one has its 答复告知书 delivered, one was submitted twice.
Idempotent: when the demo organs already have applications, nothing is added (the codes
are printed again).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth import get_user_model

from gongkai.applications import lookup, services
from gongkai.applications.models import Application
from gongkai.organs.models import Organ
from gongkai_demo.organs import SECOND_REVIEWER, demo_username
from gongkai_demo.simulate import simulate

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
WALKS = (
    (
        "fgj",
        "FGJB-UZHE",
        "待补正：可在网上提交补正材料",
        {
            "applicant_name": "吴晓东",
            "id_number": "990101199203030017",
            "phone": "13900000004",
            "email": "wuxiaodong@example.cn",
            "information": "示范区去年的那个项目的批复",
        },
    ),
    (
        "jyj",
        "JYJD-AFUA",
        "已送达答复告知书：可下载PDF",
        {
            "applicant_name": "郑小芳",
            "id_number": "990101198807070028",
            "phone": "13900000005",
            "email": "zhengxiaofang@example.cn",
            "information": "示范区2025年义务教育阶段学校名单及各校招生计划",
        },
    ),
    (
        "sjj",
        "SJJC-HONG",
        "同一申请提交了两次：待确认列表提示可能重复，可一键合并",
        {
            "applicant_name": "何平",
            "id_number": "990101197511110035",
            "phone": "13900000006",
            "email": "heping@example.cn",
            "information": "示范区公共数据开放目录及开放数据的更新频率",
        },
    ),
)
"""Applicant-side demo cases: organ, the 查询码 printed for them, what can be tried, who."""
PAST_CASES = 42
RECENT_CASES = 8


def load_demo() -> list[str]:
    organs = list(Organ.objects.filter(slug__in=DEMO_SLUGS).order_by("slug"))
    if not organs:
        return ["依申请公开：未找到示范区的部门（fgj、jyj、sjj），未加载演示申请"]
    existing = Application.objects.filter(organ__in=organs).count()
    if existing:
        return [f"依申请公开：演示申请已存在（{existing}件）", *_walk_lines()]
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
    _walk({o.slug: o for o in organs})
    total = Application.objects.filter(organ__in=organs).count()
    return [
        f"依申请公开：已加载演示申请{total}件（2024–2025年及近期，区发改局、区教育局、区数据局；"
        f"其中{len(WAITING_APPLICANTS)}件今天提交的网上申请待确认收到）",
        *_walk_lines(),
    ]


def _person(slug: str, role: str) -> object:
    return get_user_model().objects.get(username=demo_username(slug, role))


def _walk(organs: dict[str, Organ]) -> None:
    for slug, code, _, applicant in WALKS:
        organ = organs.get(slug)
        if organ is None:
            continue
        fields = {**WAITING_FIELDS, **applicant}
        case, _ = services.submit_online(organ, fields)
        officer = _person(slug, "officer")
        if slug == "fgj":
            services.apply(case, "confirm", officer, data={"receipt_basis": "confirmed"})
            services.apply(
                case,
                "request_correction",
                officer,
                "申请所需信息的名称和内容不够明确，无法确定所需的政府信息",
                data={
                    "points": [
                        "请写明所需批复文件对应的项目名称或者立项年度",
                        "请写明批复文件的文号或者作出批复的大致时间",
                    ]
                },
            )
        elif slug == "jyj":
            services.apply(case, "confirm", officer, data={"receipt_basis": "confirmed"})
            services.apply(
                case,
                "draft_reply",
                officer,
                "该信息已在示范区人民政府门户网站“政府信息公开—教育”栏目主动公开，"
                "栏目名称为《示范区2025年义务教育阶段学校招生工作方案》，可在该栏目检索标题查阅。",
                data={"answer": "already_public"},
            )
            services.apply(case, "approve_first", _person(slug, "reviewer"))
            services.apply(case, "approve_second", _person(slug, SECOND_REVIEWER))
            services.apply(case, "sign_off", _person(slug, "head"))
            services.apply(case, "deliver", officer)
        else:
            services.submit_online(organ, fields)  # the same application, sent twice
        Application.objects.filter(pk=case.pk).update(
            lookup_digest=lookup.lookup_digest(case.number, code)
        )


def _walk_lines() -> list[str]:
    lines = ["申请人一侧可在公众网站“查询申请”（/apply/status/）凭申请编号和查询码查看："]
    for slug, code, what, applicant in WALKS:
        case = (
            Application.objects.filter(organ__slug=slug, applicant_name=applicant["applicant_name"])
            .order_by("id")
            .first()
        )
        if case is not None:
            lines.append(f"  {case.number}  查询码 {code}  {what}")
    return lines
