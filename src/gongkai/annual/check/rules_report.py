"""The report as a whole: its year against its title, its publication date and its format."""

from __future__ import annotations

import re
from datetime import date

from .. import schema as s
from ..deadline import LATEST, Publisher, deadline, publisher_from_name, shown
from ..findings import Finding, Severity
from ..model import AnnualReport
from .base import Check, Context, emit, rule
from .numbers import fold, to_int

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年")

NO_YEAR = rule(
    "RPT.N001",
    Severity.NOTICE,
    "报告年度未知",
    "报告没有年度时，依赖年度的核对（标题、发布日期、正文年份、上年报告）不做。",
)
TITLE_YEAR = rule(
    "RPT.W001",
    Severity.WARNING,
    "标题中的年度与报告年度一致",
    "标题写明的年度应是报告所述年度。",
)
PUBLISHED_EARLY = rule(
    "RPT.W002",
    Severity.WARNING,
    "发布日期在报告年度结束之后",
    "年度报告报告上一年的工作，发布日期应在报告年度结束之后。",
)
PUBLISHED_LATE = rule(
    "RPT.W003",
    Severity.WARNING,
    "发布日期不晚于法定期限",
    "《条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本部门上一年度的年度报告，"
    "县级以上地方人民政府的政府信息公开工作主管部门应于每年3月31日前公布本级政府上一年度的年度报告。"
    "机关是本级政府还是政府部门由平台的机关设置决定；读取的报告按机关名称判断（“……人民政府”为本级政府），"
    "无法判断时按3月31日核对。",
)
PUBLISHED_AFTER_JANUARY = rule(
    "RPT.N002",
    Severity.NOTICE,
    "政府部门的报告应于1月31日前发布",
    "无法判断报告属于本级政府还是政府部门、且发布日期在次年2月1日至3月31日之间时提示：政府部门的报告应于1月31日前公布，"
    "本级政府的报告可到3月31日。",
)
BAD_DATE = rule(
    "RPT.N003",
    Severity.NOTICE,
    "发布日期无法识别",
    "发布日期（published）应写作 YYYY-MM-DD，否则不核对发布期限。",
)
TRIAL_FORMAT = rule(
    "RPT.W004",
    Severity.WARNING,
    "使用的格式与年度相符",
    f"2021年及以后的年度报告应使用{s.FORMAT_NAMES[s.FORMAT_2021]}格式，"
    f"不应再使用{s.FORMAT_NAMES[s.FORMAT_2019]}格式。",
)

RULES = (
    TITLE_YEAR,
    PUBLISHED_EARLY,
    PUBLISHED_LATE,
    TRIAL_FORMAT,
    NO_YEAR,
    PUBLISHED_AFTER_JANUARY,
    BAD_DATE,
)


def check_report(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    year = report.year
    if year is None:
        emit(out, NO_YEAR, "报告没有年度（year 为空），跳过依赖年度的核对。")
        return
    if report.title:
        named = {to_int(y) for y in _TITLE_YEAR.findall(fold(report.title))}
        if named and year not in named:
            emit(
                out,
                TITLE_YEAR,
                f"标题“{report.title}”写的是{'、'.join(str(n) for n in sorted(n for n in named if n))}年，"
                f"而报告年度为{year}年。",
            )
    if report.format == s.FORMAT_2019 and s.format_for_year(year) != s.FORMAT_2019:
        emit(
            out,
            TRIAL_FORMAT,
            f"{year}年度报告使用了{s.FORMAT_NAMES[s.FORMAT_2019]}格式，"
            f"应使用{s.FORMAT_NAMES[s.FORMAT_2021]}格式。",
        )
    if report.published:
        publisher = ctx.publisher or publisher_from_name(report.organ)
        _published(year, report.published, publisher, out)


def _published(year: int, published: str, publisher: Publisher | None, out: list[Finding]) -> None:
    try:
        when = date.fromisoformat(published.strip()[:10])
    except ValueError:
        emit(out, BAD_DATE, f"发布日期“{published}”无法识别（应为 YYYY-MM-DD），未核对发布期限。")
        return
    shown_day = shown(when)
    if when.year <= year:
        emit(out, PUBLISHED_EARLY, f"发布日期为{shown_day}，早于{year}年度结束。")
        return
    due = deadline(year, publisher or LATEST)
    if when > due:
        whose = f"（{publisher.label}的报告）" if publisher else ""
        emit(
            out,
            PUBLISHED_LATE,
            f"发布日期为{shown_day}，晚于{shown(due)}的法定期限{whose}，逾期{(when - due).days}天。",
            data={"deadline": due.isoformat(), "late_days": (when - due).days},
        )
    elif publisher is None and when > deadline(year, Publisher.DEPARTMENT):
        emit(
            out,
            PUBLISHED_AFTER_JANUARY,
            f"发布日期为{shown_day}：政府部门的报告应于{year + 1}年1月31日前公布，"
            f"本级政府的报告可到{year + 1}年3月31日。",
        )


CHECKS: tuple[Check, ...] = (check_report,)
