"""Demo for ``manage.py load_demo``: 示范区发展和改革局 publishes its 2024 report.

The report goes through the services as its staff would do it: the officer opens the
draft (tables computed from the demo casework), writes the text and enters table 二's
figures from the systems that hold them, the head publishes it on 20 January 2025. Idempotent: a published report is left as it is.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from gongkai.organs.models import Organ
from gongkai.reports import compute, services
from gongkai.reports.models import AnnualReportDraft, Status

ORGAN = "fgj"
YEAR = 2024
PUBLISHED_ON = date(2025, 1, 20)

TEXTS = {
    "5": "本年度政府信息公开工作存在的主要问题：政策解读形式较为单一，部分栏目更新不够及时。"
    "改进情况：建立栏目更新提醒机制，丰富图解、问答等解读形式。",
    "6": "本年度未收取信息处理费。无其他需要报告的事项。",
}


GENERAL = [
    "2024年，区发改局坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。",
    "严格落实公开前保密审查，及时更新政府信息公开目录。",
    "依托区政府门户网站“政府信息公开”专栏集中发布信息，政务新媒体同步推送。",
    "将政府信息公开纳入年度工作考核，组织业务培训2次。",
]


TABLE2 = {
    "licensing": (126, "示范区政务服务一体化平台，按办结日期统计"),
    "punishment": (8, "省行政执法监管平台，按处罚决定日期统计"),
    "coercion": (0, "省行政执法监管平台，按强制决定日期统计"),
    "fees": (0, "区财政非税收入管理系统，本局无行政事业性收费项目"),
}
"""表二 第二十条第（五）（六）（八）项, entered by the officer from the systems that hold them."""


def _fill_general(text: str) -> str:
    """Replace the skeleton's prompts of section 一, one sentence each."""
    sentences = iter(GENERAL)
    lines = [
        next(sentences, GENERAL[0]) if line.startswith(compute.PLACEHOLDER) else line
        for line in text.split("\n")
    ]
    return "\n".join(lines)


def load_demo() -> list[str]:
    organ = Organ.objects.filter(slug=ORGAN).first()
    users = get_user_model().objects
    officer = users.filter(username=f"{ORGAN}_officer").first()
    head = users.filter(username=f"{ORGAN}_head").first()
    if organ is None or officer is None or head is None:
        return ["年度报告：未找到示范区发改局（fgj）或其账户，未加载演示年度报告"]
    done = AnnualReportDraft.objects.filter(organ=organ, year=YEAR, status=Status.PUBLISHED)
    if done.exists():
        return [f"年度报告：{organ.name}{YEAR}年度报告已发布"]
    if services.today() <= PUBLISHED_ON:
        return []
    draft = services.open_draft(organ, YEAR, officer)
    texts = {**TEXTS, "1": _fill_general(draft.sections.get("1", ""))}
    draft = services.save_sections(draft, officer, texts, version=draft.version)
    figures = {c: services.Table2Input(v, src) for c, (v, src) in TABLE2.items()}
    draft = services.enter_table2(draft, officer, figures, version=draft.version)
    try:
        services.publish(draft, head, on=PUBLISHED_ON)
    except services.ReportsError as exc:
        return [f"年度报告：{organ.name}{YEAR}年度报告未能发布：{exc}"]
    return [f"年度报告：{organ.name}{YEAR}年度报告已发布（公众网站 /reports/{ORGAN}/{YEAR}/）"]
