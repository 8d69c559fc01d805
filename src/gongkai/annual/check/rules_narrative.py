"""The narrative (sections 一 to 六) against the tables and the report year.

Only what a text states plainly is compared: "共收到政府信息公开申请13件",
"新收到自然人提交的信息公开申请4件", "本年度内本单位未收到依申请公开信息" (0),
"上年结转2件", "结转下年度1件", numbers in digits or Chinese numerals. Statements about
reconsideration, litigation, consultations or cases forwarded to other organs are left
alone. A table cell that is blank makes the comparison a notice, never a warning.

Years: a clause that opens on an earlier year ("2022年，我局…") or a statistical period
of another year in a report on a later year was most likely copied from an old report.
Years in comparisons ("比2022年增加"), plan periods ("2021—2025年"), titles in 《》 and
document numbers (〔2022〕) are references and are not reported.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from .. import schema as s
from ..findings import Finding, Rule, Severity
from ..model import AnnualReport, Count
from .base import CARRIED_OVER, FORWARD, HANDLED, RECEIVED, Check, Context, emit, num, quote, rule
from .numbers import NUMBER, fold_lines, to_int

_TOTAL: Final = s.TABLE3_TOTAL_COLUMN.index
_APPLICANT_INDEXES: Final = tuple(c.index for c in s.TABLE3_APPLICANT_COLUMNS)
_WHO: Final[dict[str, tuple[int, ...]]] = {
    **{c.label: (c.index,) for c in s.TABLE3_APPLICANT_COLUMNS if c.label != "其他"},
    s.TABLE3_ORGANISATION_HEADER: tuple(c.index for c in s.TABLE3_APPLICANT_COLUMNS[1:]),
}
"""Applicant types a text names, and the columns of table 三 they stand for (“其他”
is too common a word to be read as the column)."""
_WHO_RE: Final = "|".join(sorted(map(re.escape, _WHO), key=len, reverse=True))
_LABEL: Final = tuple(c.label for c in s.TABLE3_COLUMNS)
_FEES_CELL: Final = s.cell_key("table2", s.TABLE2_FEES_ROW)
_APPLICATION_SECTIONS: Final = ("1", "3")
"""Sections where reports state how many applications they received and handled."""
_FEE_SECTION: Final = s.SECTIONS[-1]

_SENTENCE = re.compile(r"[^。;!?]+")
_STOP = re.compile(r"复议|诉讼|咨询|留言|转办|督办|信访|来信|来电|建议|提案|热线")
_COUNTS = r"(?:共计|合计|共|累计)?"
_RECEIVED_RE = re.compile(
    rf"(?:共计?|累计|全年)?(?:新收到|新收|收到|接收|受理)(?P<mid>[^,。;:]{{0,30}}?)申请"
    rf"(?P<mid2>[^,。;:\d]{{0,8}}?){_COUNTS}(?P<n>{NUMBER})件"
)
_NONE_RECEIVED_RE = re.compile(r"(?:未|没有)(?:收到|接到|受理)[^,。;]{0,20}?申请[^,。;]*")
_WHO_ITEM_RE = re.compile(
    rf"(?:其中|、|,)(?P<who>{_WHO_RE})(?:提出|提交)?的?(?:申请)?{_COUNTS}(?P<n>{NUMBER})件"
)
_ALL_ONE_RE = re.compile(rf"(?:均|全部|都)(?:为|是|由|系)(?P<who>{_WHO_RE})")
_HANDLED_RE = re.compile(
    rf"(?:办结|答复|办理完毕|处理完毕)了?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?"
    rf"{_COUNTS}(?P<n>{NUMBER})件"
)
_FORWARD_RE = re.compile(
    rf"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?的?(?:政府信息公开|信息公开)?(?:申请)?"
    rf"{_COUNTS}(?P<n>{NUMBER})件"
)
_OVER_RE = re.compile(
    rf"上一?年度?结转(?:的|来)?(?:政府信息公开|信息公开)?(?:申请)?{_COUNTS}(?P<n>{NUMBER})件"
)
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})"
_OPENING_YEAR_RE = re.compile(rf"(?:^|(?<=[,:、)]))(?:在|自)?{_YEAR}年度?(?:,|以来|全年|我|本)")
_PERIOD_YEAR_RE = re.compile(
    rf"统计(?:期限|时限|期间|时段|区间|周期)?(?:为|是)?(?:自|从)?{_YEAR}年"
)
_PART = re.compile(r"其中|当场|按时|按期|延期|逾期")
_HISTORY = re.compile(r"施行|实施|颁布|公布|成立|印发|修订|出台|发布")
_FEE_RE = re.compile(
    r"收取[^,。;\d]{0,20}?(?:费|费用)(?:共计|合计|共|金额|为)*(?P<amount>\d+(?:\.\d+)?)(?P<unit>万元|元)"
)
_YUAN_PER_WAN: Final = Decimal(10000)

RECEIVED_STATED = rule(
    "NARR.W001",
    Severity.WARNING,
    "正文所述收到申请数与表三一致",
    f"第一、三部分正文写明本年收到的申请件数时，应等于表三“{RECEIVED.label}”的总计"
    f"（也接受与“{CARRIED_OVER.label}”相加后的数）。",
)
HANDLED_STATED = rule(
    "NARR.W002",
    Severity.WARNING,
    "正文所述办结申请数与表三一致",
    f"正文写明办结或答复的申请件数时，应等于表三“{HANDLED.label}”的总计（或本年新收总数）；"
    "含“转办”“督办”等字样的统计不比较。",
)
FORWARD_STATED = rule(
    "NARR.W003",
    Severity.WARNING,
    "正文所述结转下年度件数与表三一致",
    f"正文写明结转下年度的件数时，应等于表三“{FORWARD.label}”的总计。",
)
OVER_STATED = rule(
    "NARR.W004",
    Severity.WARNING,
    "正文所述上年结转件数与表三一致",
    f"正文写明上年结转的件数时，应等于表三“{CARRIED_OVER.label}”的总计。",
)
APPLICANT_STATED = rule(
    "NARR.W005",
    Severity.WARNING,
    "正文所述申请人类型与表三一致",
    f"正文按申请人类型写明收到的申请（如“自然人提交的申请4件”“均为自然人”）时，"
    f"应与表三“{RECEIVED.label}”行相应列一致。",
)
OTHER_YEAR = rule(
    "NARR.W006",
    Severity.WARNING,
    "正文提到的年份与报告年度一致",
    "正文以往年开头叙述工作（如2023年度报告写“2022年，我局……”）或写明往年的统计期限时，"
    "多半沿用了往年报告的文字。用于比较的年份（“比2022年增加”）、规划期（“2021—2025年”）、"
    "书名号内的标题和文号不计。",
)
FEE_STATED = rule(
    "NARR.W007",
    Severity.WARNING,
    "第六部分所述收费金额与表二一致",
    "第六部分写明收费金额（元或万元）时，应与表二“行政事业性收费”的本年收费金额（万元）一致。"
    "信息处理费与第二十条第（八）项的行政事业性收费不是同一事项，只写“未收取信息处理费”时不比较。",
)
UNCHECKABLE = rule(
    "NARR.N001",
    Severity.NOTICE,
    "正文所述数字无法与空白单元格核对",
    "正文写明了某个数字，而表中对应的单元格为空白时，报告“无法核对”。",
)

RULES = (
    RECEIVED_STATED,
    HANDLED_STATED,
    FORWARD_STATED,
    OVER_STATED,
    APPLICANT_STATED,
    OTHER_YEAR,
    FEE_STATED,
    UNCHECKABLE,
)


def _sentences(text: str) -> list[str]:
    return [sentence for line in fold_lines(text) for sentence in _SENTENCE.findall(line)]


def _where(key: str) -> str:
    section = s.SECTION_BY_KEY[key]
    return f"第{section.numeral}部分“{section.title}”"


def check_narrative(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    if not report.sections:
        return
    sections = {
        key: _sentences(text)
        for key, text in report.sections.items()
        if key in s.SECTION_BY_KEY and text
    }
    for key in _APPLICATION_SECTIONS:
        if key in sections:
            _applications(report, key, sections[key], out)
    if report.year is not None:
        for key, sentences in sections.items():
            _years(report.year, key, sentences, out)
    if _FEE_SECTION.key in sections:
        _fees(report, sections[_FEE_SECTION.key], out)


def _cell_total(report: AnnualReport, key: str) -> Count:
    return report.table3.row(key)[_TOTAL]


def _compare(
    report: AnnualReport,
    section: str,
    statement: str,
    stated: int,
    row: s.Table3Row,
    rule_: Rule,
    out: list[Finding],
    also: tuple[int, ...] = (),
) -> None:
    """Compare a number the text states with the 总计 column of ``row``."""
    value = _cell_total(report, row.key)
    cell = s.table3_cell(row.key, s.TABLE3_TOTAL_COLUMN.key)
    if value is None:
        emit(
            out,
            UNCHECKABLE,
            f"{_where(section)}称{quote(statement)}，而{s.describe_cell(cell)}为空白，无法核对。",
            (cell,),
            data={"rule": rule_.code, "stated": stated},
        )
        return
    if stated == value or stated in also:
        return
    emit(
        out,
        rule_,
        f"{_where(section)}称{quote(statement)}，而{s.describe_cell(cell)}为{value}。",
        (cell,),
        data={"section": section, "stated": stated, "table": value},
    )


def _applications(
    report: AnnualReport, section: str, sentences: list[str], out: list[Finding]
) -> None:
    received = report.table3.row(RECEIVED.key)
    over_total = _cell_total(report, CARRIED_OVER.key)
    received_total = received[_TOTAL]
    for sentence in sentences:
        if _STOP.search(sentence) and not _RECEIVED_RE.search(sentence):
            continue
        said_received = False
        for m in _RECEIVED_RE.finditer(sentence):
            span = m.group(0)
            stated = to_int(m.group("n"))
            if stated is None or _STOP.search(span):
                continue
            said_received = True
            who = _who_in(m.group("mid") + m.group("mid2"))
            if who is None:
                also = (
                    (received_total + over_total,)
                    if received_total is not None and over_total is not None
                    else ()
                )
                _compare(report, section, span, stated, RECEIVED, RECEIVED_STATED, out, also)
            else:
                _applicant(report, section, span, who, stated, out)
        if not said_received:
            m0 = _NONE_RECEIVED_RE.search(sentence)
            if m0 and not _STOP.search(m0.group(0)):
                said_received = True
                _compare(report, section, m0.group(0), 0, RECEIVED, RECEIVED_STATED, out)
        if said_received:
            for m in _WHO_ITEM_RE.finditer(sentence):
                stated = to_int(m.group("n"))
                if stated is not None:
                    _applicant(
                        report, section, m.group(0).lstrip("、,"), m.group("who"), stated, out
                    )
            for m in _ALL_ONE_RE.finditer(sentence):
                _only_type(report, section, m.group(0), m.group("who"), out)
        if _STOP.search(sentence):
            continue
        for regex, row, rule_ in (
            (_HANDLED_RE, HANDLED, HANDLED_STATED),
            (_FORWARD_RE, FORWARD, FORWARD_STATED),
            (_OVER_RE, CARRIED_OVER, OVER_STATED),
        ):
            for m in regex.finditer(sentence):
                stated = to_int(m.group("n"))
                if stated is None or (row is HANDLED and _is_part(sentence, m.start())):
                    continue
                also = (received_total,) if row is HANDLED and received_total is not None else ()
                _compare(report, section, m.group(0), stated, row, rule_, out, also)


def _is_part(sentence: str, at: int) -> bool:
    """Whether the clause holding position ``at`` counts a part ("其中当场答复2件")."""
    start = max(sentence.rfind(",", 0, at), sentence.rfind("、", 0, at)) + 1
    return bool(_PART.search(sentence, start, at))


def _who_in(text: str) -> str | None:
    m = re.search(_WHO_RE, text)
    return m.group(0) if m else None


def _received_cells(indexes: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(s.table3_cell(RECEIVED.key, s.TABLE3_COLUMNS[i].key) for i in indexes)


def _applicant(
    report: AnnualReport, section: str, statement: str, who: str, stated: int, out: list[Finding]
) -> None:
    received = report.table3.row(RECEIVED.key)
    indexes = _WHO[who]
    cells = _received_cells(indexes)
    values = [received[i] for i in indexes]
    where = f"表三“{RECEIVED.label}”行“{who}”" + ("" if len(indexes) == 1 else "各")
    if any(v is None for v in values):
        emit(
            out,
            UNCHECKABLE,
            f"{_where(section)}称{quote(statement)}，而{where}列有空白，无法核对。",
            cells,
            data={"rule": APPLICANT_STATED.code, "stated": stated},
        )
        return
    value = sum(v for v in values if v is not None)
    if value == stated:
        return
    others = [
        f"{_LABEL[i]}{received[i]}" for i in _APPLICANT_INDEXES if i not in indexes and received[i]
    ]
    emit(
        out,
        APPLICANT_STATED,
        f"{_where(section)}称{quote(statement)}，而{where}列为{value}"
        + (f"（其他申请人：{'、'.join(others)}）" if others else "")
        + "。",
        cells,
        data={"section": section, "stated": stated, "table": value, "who": who},
    )


def _only_type(
    report: AnnualReport, section: str, statement: str, who: str, out: list[Finding]
) -> None:
    received = report.table3.row(RECEIVED.key)
    indexes = _WHO[who]
    others = [i for i in _APPLICANT_INDEXES if i not in indexes]
    if any(received[i] is None for i in others):
        return
    nonzero = [i for i in others if received[i]]
    if nonzero:
        emit(
            out,
            APPLICANT_STATED,
            f"{_where(section)}称申请{quote(statement)}，而表三“{RECEIVED.label}”行"
            + "、".join(f"“{_LABEL[i]}”列为{received[i]}" for i in nonzero)
            + "。",
            _received_cells(tuple(nonzero)),
            data={"section": section, "who": who},
        )


def _years(year: int, section: str, sentences: list[str], out: list[Finding]) -> None:
    reported: set[int] = set()
    for sentence in sentences:
        hits = [(m, "opening") for m in _OPENING_YEAR_RE.finditer(sentence)]
        hits += [(m, "period") for m in _PERIOD_YEAR_RE.finditer(sentence)]
        for m, kind in hits:
            named = to_int(m.group("y"))
            if named is None or named >= year or named in reported:
                continue
            before = sentence[: m.start()]
            if before.count("《") > before.count("》"):
                continue
            if kind == "opening" and _HISTORY.search(sentence):
                continue
            reported.add(named)
            emit(
                out,
                OTHER_YEAR,
                f"{_where(section)}写有{quote(sentence[m.start() :], 30)}，"
                f"而本报告是{year}年度报告，这段文字可能沿用了{named}年度的报告。",
                hint=f"核对这段文字所述是否为{year}年的情况。",
                data={"section": section, "year": named},
            )


def _fees(report: AnnualReport, sentences: list[str], out: list[Finding]) -> None:
    table = report.table2.fees
    for sentence in sentences:
        for m in _FEE_RE.finditer(sentence):
            amount = Decimal(m.group("amount"))
            in_wan = amount / _YUAN_PER_WAN if m.group("unit") == "元" else amount
            where = s.describe_cell(_FEES_CELL)
            if table is None:
                emit(
                    out,
                    UNCHECKABLE,
                    f"{_where(_FEE_SECTION.key)}称{quote(m.group(0))}，而{where}为空白，无法核对。",
                    (_FEES_CELL,),
                    data={"rule": FEE_STATED.code},
                )
                continue
            if in_wan == table:
                continue
            hint = ""
            if table == amount and m.group("unit") == "元":
                hint = "表二的收费金额以万元计，可能误以元填写。"
            emit(
                out,
                FEE_STATED,
                f"{_where(_FEE_SECTION.key)}称{quote(m.group(0))}（即{num(in_wan)}万元），"
                f"而{where}为{num(table)}。",
                (_FEES_CELL,),
                hint=hint,
                data={"stated": str(in_wan), "table": str(table)},
            )


CHECKS: tuple[Check, ...] = (check_narrative,)
