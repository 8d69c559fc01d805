"""The national annual-report form (国办公开办函〔2021〕30号): the one source of truth.

Every table, block, row, column and section heading of the form lives here with its key,
the label exactly as the national format prints it, and the variants real documents use.
The model, parser, checker, renderers, database statistics and templates all loop over
these records; nothing else spells a label or a key of the form.

Variants are *normalised* phrases (simplified characters, full-width brackets turned
half-width, spaces removed; see ``normalize_label``) that identify a row when it is read
back from a published document. They are matched against the normalised text of a cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

SCHEMA_ID: Final = "annual-report/1"

FORMAT_2021: Final = "2021"
"""国办公开办函〔2021〕30号, for reports on the year 2021 and later."""
FORMAT_2019: Final = "2019"
"""国办公开办函〔2019〕60号 (试行), for reports on the years 2019 and 2020."""

FORMAT_NAMES: Final = {
    FORMAT_2021: "国办公开办函〔2021〕30号",
    FORMAT_2019: "国办公开办函〔2019〕60号（试行）",
}


def format_for_year(year: int) -> str:
    """The national format a report on ``year`` is written in."""
    return FORMAT_2019 if year in (2019, 2020) else FORMAT_2021


_SPACE_RE = re.compile(r"\s+")
_HALF = str.maketrans(
    {"（": "(", "）": ")", "，": ",", "：": ":", "、": "、", "．": ".", "“": '"', "”": '"'}
)


def normalize_label(text: str) -> str:
    """Fold a printed label to the form variants are written in.

    NFKC (full-width digits and letters, Kangxi radicals), half-width brackets and
    punctuation, no white space. Traditional characters are *not* converted here; the
    parser converts whole documents before it looks at labels.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_HALF)
    folded = folded.replace("‘", '"').replace("’", '"').replace("「", '"').replace("」", '"')
    return _SPACE_RE.sub("", folded)


# ---------------------------------------------------------------------------- table 二


@dataclass(frozen=True)
class Table2Column:
    key: str
    label: str


@dataclass(frozen=True)
class Table2Row:
    """One row of table 二. ``key`` is the top-level key in ``table2`` of the JSON."""

    key: str
    label: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Table2Block:
    """One of the four blocks of table 二, headed by the article item it reports on."""

    key: str
    heading: str
    variants: tuple[str, ...]
    columns: tuple[Table2Column, ...]
    rows: tuple[Table2Row, ...]
    unit: str = "件"

    @property
    def is_counted_by_column(self) -> bool:
        """Blocks whose rows hold several columns (made / repealed / in force)."""
        return len(self.columns) > 1


TABLE2_CONTENT_HEADER: Final = "信息内容"

T2_MADE = Table2Column("made", "本年制发件数")
T2_REPEALED = Table2Column("repealed", "本年废止件数")
T2_IN_FORCE = Table2Column("in_force", "现行有效件数")
T2_DECISIONS = Table2Column("count", "本年处理决定数量")
T2_FEES = Table2Column("amount", "本年收费金额（单位：万元）")

TABLE2_BLOCKS: Final[tuple[Table2Block, ...]] = (
    Table2Block(
        key="item1",
        heading="第二十条第（一）项",
        variants=("第二十条第(一)项", "第二十条第一项"),
        columns=(T2_MADE, T2_REPEALED, T2_IN_FORCE),
        rows=(
            Table2Row("regulations", "规章", ("规章",)),
            Table2Row(
                "normative_documents",
                "行政规范性文件",
                ("行政规范性文件", "规范性文件"),
            ),
        ),
    ),
    Table2Block(
        key="item5",
        heading="第二十条第（五）项",
        variants=("第二十条第(五)项", "第二十条第五项"),
        columns=(T2_DECISIONS,),
        rows=(Table2Row("licensing", "行政许可", ("行政许可",)),),
    ),
    Table2Block(
        key="item6",
        heading="第二十条第（六）项",
        variants=("第二十条第(六)项", "第二十条第六项"),
        columns=(T2_DECISIONS,),
        rows=(
            Table2Row("punishment", "行政处罚", ("行政处罚",)),
            Table2Row("coercion", "行政强制", ("行政强制",)),
        ),
    ),
    Table2Block(
        key="item8",
        heading="第二十条第（八）项",
        variants=("第二十条第(八)项", "第二十条第八项"),
        columns=(T2_FEES,),
        rows=(Table2Row("fees", "行政事业性收费", ("行政事业性收费", "行政事业收费")),),
        unit="万元",
    ),
)

TABLE2_DOCUMENT_ROWS: Final = ("regulations", "normative_documents")
"""Rows of table 二 that hold made / repealed / in force."""
TABLE2_DOCUMENT_COLUMNS: Final = (T2_MADE, T2_REPEALED, T2_IN_FORCE)
TABLE2_COUNT_ROWS: Final = ("licensing", "punishment", "coercion")
"""Rows of table 二 that hold one count of decisions."""
TABLE2_FEES_ROW: Final = "fees"
"""The row of table 二 that holds an amount in 万元 (a decimal)."""


def table2_row(key: str) -> Table2Row:
    for block in TABLE2_BLOCKS:
        for row in block.rows:
            if row.key == key:
                return row
    raise KeyError(key)


def table2_block_of(key: str) -> Table2Block:
    for block in TABLE2_BLOCKS:
        if any(row.key == key for row in block.rows):
            return block
    raise KeyError(key)


# ---------------------------------------------------------------------------- table 三


@dataclass(frozen=True)
class Table3Column:
    key: str
    label: str
    variants: tuple[str, ...]
    index: int


TABLE3_COLUMNS: Final[tuple[Table3Column, ...]] = (
    Table3Column("natural_person", "自然人", ("自然人",), 0),
    Table3Column("commercial", "商业企业", ("商业企业",), 1),
    Table3Column("research", "科研机构", ("科研机构",), 2),
    Table3Column("social_welfare", "社会公益组织", ("社会公益组织",), 3),
    Table3Column("legal_services", "法律服务机构", ("法律服务机构",), 4),
    Table3Column("other", "其他", ("其他",), 5),
    Table3Column("total", "总计", ("总计", "合计"), 6),
)
TABLE3_COLUMN_KEYS: Final = tuple(c.key for c in TABLE3_COLUMNS)
TABLE3_APPLICANT_COLUMNS: Final = TABLE3_COLUMNS[:6]
TABLE3_TOTAL_COLUMN: Final = TABLE3_COLUMNS[6]
TABLE3_WIDTH: Final = len(TABLE3_COLUMNS)

TABLE3_APPLICANT_HEADER: Final = "申请人情况"
TABLE3_ORGANISATION_HEADER: Final = "法人或其他组织"
TABLE3_IDENTITY_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_NOTE_VARIANTS: Final = ("本列数据的勾稽关系", "勾稽关系")
"""Phrases that identify the top-left note cell of table 三 when read back."""


@dataclass(frozen=True)
class Table3Group:
    """A label cell of table 三 that spans several rows and has no numbers of its own."""

    key: str
    label: str
    variants: tuple[str, ...]


TABLE3_RESULTS_GROUP: Final = Table3Group(
    "results", "三、本年度办理结果", ("三、本年度办理结果", "本年度办理结果")
)
TABLE3_GROUPS: Final[tuple[Table3Group, ...]] = (
    Table3Group("withheld", "（三）不予公开", ("(三)不予公开", "不予公开")),
    Table3Group("unavailable", "（四）无法提供", ("(四)无法提供", "无法提供")),
    Table3Group("not_processed", "（五）不予处理", ("(五)不予处理", "不予处理")),
    Table3Group("other", "（六）其他处理", ("(六)其他处理", "其他处理")),
)


@dataclass(frozen=True)
class Table3Row:
    """One numeric row of table 三.

    ``label`` is the row's own cell as printed (e.g. ``1.属于国家秘密``); ``full_label``
    adds its group for places where the row stands alone (messages, long-form CSV).
    ``number`` is the printed numbering path, e.g. ``三（三）1``.
    """

    key: str
    label: str
    full_label: str
    number: str
    group: str | None
    is_outcome: bool
    variants: tuple[str, ...]
    index: int = field(default=-1)

    @property
    def short_label(self) -> str:
        """The label without its numbering, e.g. ``属于国家秘密``."""
        return re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七]）|\d+\.)", "", self.label)


def _r(
    key: str,
    label: str,
    number: str,
    group: str | None,
    variants: tuple[str, ...],
    *,
    outcome: bool = True,
) -> Table3Row:
    group_label = next((g.label for g in TABLE3_GROUPS if g.key == group), "")
    return Table3Row(
        key=key,
        label=label,
        full_label=f"{group_label}{label}" if group_label else label,
        number=number,
        group=group,
        is_outcome=outcome,
        variants=variants,
    )


_TABLE3_ROWS_UNINDEXED: Final = (
    _r(
        "received",
        "一、本年新收政府信息公开申请数量",
        "一",
        None,
        ("本年新收政府信息公开申请数量", "本年新收政府信息公开申请", "本年新收"),
        outcome=False,
    ),
    _r(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        "二",
        None,
        ("上年结转政府信息公开申请数量", "上年结转政府信息公开申请", "上年结转"),
        outcome=False,
    ),
    _r("granted", "（一）予以公开", "三（一）", None, ("予以公开", "予以全部公开", "全部公开")),
    _r(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "三（二）",
        None,
        ("部分公开(区分处理的,只计这一情形,不计其他情形)", "部分公开", "部分予以公开"),
    ),
    _r(
        "withheld.state_secret",
        "1.属于国家秘密",
        "三（三）1",
        "withheld",
        ("属于国家秘密", "国家秘密"),
    ),
    _r(
        "withheld.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "三（三）2",
        "withheld",
        ("其他法律行政法规禁止公开", "法律行政法规禁止公开"),
    ),
    _r(
        "withheld.security_stability",
        "3.危及“三安全一稳定”",
        "三（三）3",
        "withheld",
        (
            '危及"三安全一稳定"',
            "危及三安全一稳定",
            "三安全一稳定",
            # the words of the Regulation's article 14 in place of the form's shorthand
            "危及国家安全、公共安全、经济安全和社会稳定",
            "危及国家安全公共安全经济安全和社会稳定",
            "危及国家安全公共安全经济安全社会稳定",
        ),
    ),
    _r(
        "withheld.third_party_rights",
        "4.保护第三方合法权益",
        "三（三）4",
        "withheld",
        ("保护第三方合法权益", "第三方合法权益"),
    ),
    _r(
        "withheld.internal_affairs",
        "5.属于三类内部事务信息",
        "三（三）5",
        "withheld",
        ("属于三类内部事务信息", "三类内部事务信息", "内部事务信息"),
    ),
    _r(
        "withheld.process_information",
        "6.属于四类过程性信息",
        "三（三）6",
        "withheld",
        ("属于四类过程性信息", "四类过程性信息", "过程性信息"),
    ),
    _r(
        "withheld.enforcement_files",
        "7.属于行政执法案卷",
        "三（三）7",
        "withheld",
        ("属于行政执法案卷", "行政执法案卷", "属于行政执法卷宗", "行政执法卷宗"),
    ),
    _r(
        "withheld.query_matters",
        "8.属于行政查询事项",
        "三（三）8",
        "withheld",
        ("属于行政查询事项", "行政查询事项"),
    ),
    _r(
        "unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        "三（四）1",
        "unavailable",
        (
            "本机关不掌握相关政府信息",
            "不掌握相关政府信息",
            "本机关不掌握相关信息",
            "不掌握相关信息",
            "本机关不掌握该政府信息",
            "不掌握该政府信息",
        ),
    ),
    _r(
        "unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        "三（四）2",
        "unavailable",
        ("没有现成信息需要另行制作", "需要另行制作", "没有现成信息"),
    ),
    _r(
        "unavailable.still_unclear",
        "3.补正后申请内容仍不明确",
        "三（四）3",
        "unavailable",
        ("补正后申请内容仍不明确", "申请内容仍不明确"),
    ),
    _r(
        "not_processed.petition",
        "1.信访举报投诉类申请",
        "三（五）1",
        "not_processed",
        ("信访举报投诉类申请", "信访举报投诉"),
    ),
    _r(
        "not_processed.repeated",
        "2.重复申请",
        "三（五）2",
        "not_processed",
        ("重复申请", "重复提出申请"),
    ),
    _r(
        "not_processed.publication",
        "3.要求提供公开出版物",
        "三（五）3",
        "not_processed",
        ("要求提供公开出版物", "公开出版物"),
    ),
    _r(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        "三（五）4",
        "not_processed",
        ("无正当理由大量反复申请", "大量反复申请", "无正当理由大量重复申请", "大量重复申请"),
    ),
    _r(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "三（五）5",
        "not_processed",
        ("要求行政机关确认或重新出具已获取信息", "重新出具已获取信息"),
    ),
    _r(
        "other.no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "三（六）1",
        "other",
        ("申请人无正当理由逾期不补正", "逾期不补正", "申请人无正当理由逾期未补正", "逾期未补正"),
    ),
    _r(
        "other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "三（六）2",
        "other",
        ("申请人逾期未按收费通知要求缴纳费用", "未按收费通知要求缴纳费用", "收费通知"),
    ),
    _r("other.other", "3.其他", "三（六）3", "other", ("其他",)),
    _r(
        "handled_total",
        "（七）总计",
        "三（七）",
        None,
        ("(七)总计", "总计", "(七)合计", "合计", "(七)总数"),
        outcome=False,
    ),
    _r(
        "carried_forward",
        "四、结转下年度继续办理",
        "四",
        None,
        ("结转下年度继续办理", "结转下年度"),
        outcome=False,
    ),
)

TABLE3_ROWS: Final[tuple[Table3Row, ...]] = tuple(
    Table3Row(**{**row.__dict__, "index": i}) for i, row in enumerate(_TABLE3_ROWS_UNINDEXED)
)
TABLE3_ROW_KEYS: Final = tuple(r.key for r in TABLE3_ROWS)
TABLE3_OUTCOME_ROWS: Final = tuple(r for r in TABLE3_ROWS if r.is_outcome)
"""The 21 result rows whose sum is （七）总计."""
TABLE3_ROW_BY_KEY: Final = {r.key: r for r in TABLE3_ROWS}
TABLE3_COLUMN_BY_KEY: Final = {c.key: c for c in TABLE3_COLUMNS}

TABLE3_2019_OTHER: Final = Table3Row(
    key="other.other",
    label="（六）其他处理",
    full_label="（六）其他处理",
    number="三（六）",
    group=None,
    is_outcome=True,
    variants=("(六)其他处理", "其他处理"),
    index=TABLE3_ROW_BY_KEY["other.other"].index,
)
"""In the 2019 trial format （六）其他处理 is one row; it is read into ``other.other``
and the two rows the 2021 format split off it stay null."""
TABLE3_2019_ONLY_2021_ROWS: Final = ("other.no_correction", "other.fee_unpaid")

# ---------------------------------------------------------------------------- table 四


@dataclass(frozen=True)
class Table4Column:
    key: str
    label: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Table4Group:
    key: str
    label: str
    parent: str | None
    variants: tuple[str, ...]


TABLE4_COLUMNS: Final[tuple[Table4Column, ...]] = (
    Table4Column("upheld", "结果维持", ("结果维持", "维持")),
    Table4Column("corrected", "结果纠正", ("结果纠正", "纠正")),
    Table4Column("other", "其他结果", ("其他结果", "其他")),
    Table4Column("pending", "尚未审结", ("尚未审结", "未审结")),
    Table4Column("total", "总计", ("总计", "合计")),
)
TABLE4_COLUMN_KEYS: Final = tuple(c.key for c in TABLE4_COLUMNS)
TABLE4_PARTS: Final = TABLE4_COLUMNS[:4]

TABLE4_LITIGATION_HEADER: Final = "行政诉讼"
TABLE4_GROUPS: Final[tuple[Table4Group, ...]] = (
    Table4Group("reconsideration", "行政复议", None, ("行政复议", "行政法复议")),
    Table4Group(
        "litigation_direct",
        "未经复议直接起诉",
        TABLE4_LITIGATION_HEADER,
        ("未经复议直接起诉", "直接起诉", "直接向法院起诉", "直接向人民法院起诉"),
    ),
    Table4Group(
        "litigation_after_reconsideration",
        "复议后起诉",
        TABLE4_LITIGATION_HEADER,
        ("复议后起诉", "复议后向法院起诉", "复议后向人民法院起诉"),
    ),
)
TABLE4_GROUP_KEYS: Final = tuple(g.key for g in TABLE4_GROUPS)
TABLE4_GROUP_BY_KEY: Final = {g.key: g for g in TABLE4_GROUPS}

# ---------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class Section:
    key: str
    numeral: str
    title: str
    variants: tuple[str, ...]

    @property
    def heading(self) -> str:
        return f"{self.numeral}、{self.title}"


SECTIONS: Final[tuple[Section, ...]] = (
    Section("1", "一", "总体情况", ("总体情况",)),
    Section("2", "二", "主动公开政府信息情况", ("主动公开政府信息情况", "主动公开政府信息")),
    Section(
        "3",
        "三",
        "收到和处理政府信息公开申请情况",
        ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"),
    ),
    Section(
        "4",
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        ("政府信息公开行政复议、行政诉讼情况", "行政复议、行政诉讼情况", "行政复议、行政诉讼"),
    ),
    Section(
        "5",
        "五",
        "存在的主要问题及改进情况",
        (
            "存在的主要问题及改进情况",
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的主要问题及改进",
            "主要问题及改进情况",
        ),
    ),
    Section("6", "六", "其他需要报告的事项", ("其他需要报告的事项",)),
)
SECTION_KEYS: Final = tuple(s.key for s in SECTIONS)
SECTION_BY_KEY: Final = {s.key: s for s in SECTIONS}

GENERAL_SUBHEADINGS: Final = (
    "主动公开",
    "依申请公开",
    "政府信息管理",
    "政府信息公开平台建设",
    "监督保障",
)
"""The five sub-headings （一）–（五） of section 一 named by the format."""

# ---------------------------------------------------------------------------- 2019 table 二


TRIAL_TABLE2_BLOCKS: Final[tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]] = (
    (
        "item1",
        "第二十条第（一）项",
        ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        ("规章", "规范性文件"),
    ),
    (
        "item5",
        "第二十条第（五）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        ("行政许可", "其他对外管理服务事项"),
    ),
    (
        "item6",
        "第二十条第（六）项",
        ("上一年项目数量", "本年增/减", "处理决定数量"),
        ("行政处罚", "行政强制"),
    ),
    ("item8", "第二十条第（八）项", ("上一年项目数量", "本年增/减"), ("行政事业性收费",)),
    ("item9", "第二十条第（九）项", ("采购项目数量", "采购总金额"), ("政府集中采购",)),
)
"""Table 二 of the 2019 trial format: (block key, heading, column labels, row labels).
Its numbers do not map onto the 2021 keys; a trial-format report keeps ``table2`` null."""

# ---------------------------------------------------------------------------- cell keys


def cell_key(table: str, *parts: str) -> str:
    """The dotted key of one cell, as findings and diagnostics cite it.

    ``table3.received.natural_person``, ``table2.regulations.made``, ``table2.fees``,
    ``table4.reconsideration.total``.
    """
    return ".".join((table, *parts))


def table3_cell(row: str, column: str) -> str:
    return cell_key("table3", row, column)


def table4_cell(group: str, column: str) -> str:
    return cell_key("table4", group, column)


def all_cell_keys() -> tuple[str, ...]:
    """Every numeric cell of the form, in reading order."""
    keys: list[str] = []
    for row_key in TABLE2_DOCUMENT_ROWS:
        keys.extend(cell_key("table2", row_key, c.key) for c in TABLE2_DOCUMENT_COLUMNS)
    keys.extend(cell_key("table2", k) for k in (*TABLE2_COUNT_ROWS, TABLE2_FEES_ROW))
    keys.extend(table3_cell(r.key, c.key) for r in TABLE3_ROWS for c in TABLE3_COLUMNS)
    keys.extend(table4_cell(g.key, c.key) for g in TABLE4_GROUPS for c in TABLE4_COLUMNS)
    return tuple(keys)


def describe_cell(key: str) -> str:
    """The Chinese name of a cell for messages, e.g. ``表三“一、本年新收…”行“自然人”列``."""
    parts = key.split(".")
    table = parts[0]
    if table == "table3":
        row_key = ".".join(parts[1:-1])
        row = TABLE3_ROW_BY_KEY[row_key]
        column = TABLE3_COLUMN_BY_KEY[parts[-1]]
        return f"表三“{row.full_label}”行“{column.label}”列"
    if table == "table4":
        group = TABLE4_GROUP_BY_KEY[parts[1]]
        column4 = next(c for c in TABLE4_COLUMNS if c.key == parts[2])
        return f"表四“{group.label}”的“{column4.label}”"
    if table == "table2":
        row2 = table2_row(parts[1])
        if len(parts) == 3:
            col = next(c for c in TABLE2_DOCUMENT_COLUMNS if c.key == parts[2])
            return f"表二“{row2.label}”的“{col.label}”"
        block = table2_block_of(parts[1])
        return f"表二“{row2.label}”的“{block.columns[0].label}”"
    raise KeyError(key)
