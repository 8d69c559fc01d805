"""Table 三's columns read in the order its header prints them (``tables.header_order``),
and a merged block label sharing a cell with a row label."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual import check
from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport, AppealCounts
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.shapes import Rows, pipes, report_text, tabs
from tests.conftest import FIXTURES
from tests.strategies import consistent_reports

FIXTURE = FIXTURES / "reports" / "table3_columns_swapped_in_header.txt"
NATIONAL = {
    "received": (5, 2, 1, 0, 0, 0, 8),
    "granted": (3, 2, 0, 0, 0, 0, 5),
    "unavailable.not_held": (2, 0, 1, 0, 0, 0, 3),
    "handled_total": (5, 2, 1, 0, 0, 0, 8),
}
SWAPPED_HEADER = "\t\t\t科研机构\t商业企业\t"


def parse(text: str, name: str = "列序.txt") -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), name)


def codes(report: AnnualReport) -> list[str]:
    return [d["code"] for d in report.diagnostics or ()]


def test_columns_are_read_in_the_order_the_header_prints_them() -> None:
    report = parse(FIXTURE.read_text(encoding="utf-8"))
    for key, values in NATIONAL.items():
        assert report.table3.row(key) == values, key
    assert report.diagnostics == (
        {
            "code": "COLUMNS_REORDERED",
            "severity": "info",
            "message": "列序.txt：表三表头的列顺序为“自然人、科研机构、商业企业、社会公益组织、"
            "法律服务机构、其他、总计”，与国家格式不同，各列按表头读取",
        },
    )
    assert [f.code for f in check(report)] == []


def test_national_header_keeps_the_printed_order() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert SWAPPED_HEADER in text
    report = parse(text.replace(SWAPPED_HEADER, "\t\t\t商业企业\t科研机构\t"))
    assert report.table3.row("received") == (5, 1, 2, 0, 0, 0, 8)
    assert "COLUMNS_REORDERED" not in codes(report)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(  # 总计 printed beside 申请人情况 (seed 004): order and place disagree
            "申请人情况\t\t\t\t\t\t\n\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
            "申请人情况\t\t\t\t\t\t总计\n\t\t自然人\t法人或其他组织\t\t\t\t\t",
            id="total-on-first-line",
        ),
        pytest.param(  # two labels in one column: no reading by place
            "\t\t\t科研机构\t商业企业\t社会公益组织",
            "\t\t\t科研机构\t商业企业\t商业企业",
            id="duplicate-column",
        ),
    ],
)
def test_doubtful_header_keeps_the_national_order(old: str, new: str) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    report = parse(text.replace(old, new))
    assert report.table3.row("received") == (5, 1, 2, 0, 0, 0, 8)
    assert "COLUMNS_REORDERED" not in codes(report)


def test_header_one_cell_per_line_has_no_columns_to_go_by() -> None:
    lines = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            lines.append(line)
            continue
        lines.append("|")
        lines.extend(f"{cell} |" for cell in line.split("\t") if cell)
        lines.append("||")
    report = parse("\n".join(lines) + "\n")
    assert report.table3.row("received") == (5, 1, 2, 0, 0, 0, 8)
    assert "COLUMNS_REORDERED" not in codes(report)


def _td(text: str, rowspan: int = 1, colspan: int = 1) -> str:
    return f"<td rowspan='{rowspan}' colspan='{colspan}'>{html.escape(text)}</td>"


def test_swapped_columns_in_an_html_table_with_merged_header_cells() -> None:
    order = ["natural_person", "research", "commercial", *s.TABLE3_COLUMN_KEYS[3:]]
    label = {c.key: c.label for c in s.TABLE3_COLUMNS}
    rows = [
        _td(s.TABLE3_IDENTITY_NOTE, 3, 3) + _td(s.TABLE3_APPLICANT_HEADER, 1, 7),
        _td(label[order[0]], 2) + _td(s.TABLE3_ORGANISATION_HEADER, 1, 5) + _td(label["total"], 2),
        "".join(_td(label[key]) for key in order[1:6]),
    ]
    values = dict.fromkeys((r.key for r in s.TABLE3_ROWS), (0,) * 7) | NATIONAL
    for row in s.TABLE3_ROWS:
        printed = [values[row.key][s.TABLE3_COLUMN_KEYS.index(key)] for key in order]
        rows.append(_td(row.full_label, 1, 3) + "".join(_td(str(v)) for v in printed))
    page = (
        "<html><body><p>某县商务局2024年度政府信息公开工作年度报告</p>"
        "<p>三、收到和处理政府信息公开申请情况</p><table>"
        + "".join(f"<tr>{r}</tr>" for r in rows)
        + "</table><p>四、政府信息公开行政复议、行政诉讼情况</p></body></html>"
    )
    report = parse_bytes(page.encode("utf-8"), "列序.html")
    for key, expected in NATIONAL.items():
        assert report.table3.row(key) == expected, key
    assert "COLUMNS_REORDERED" in codes(report)


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("（三）不予公开 1.属于国家秘密", "withheld.state_secret"),
        ("（三）不予公开1.属于国家秘密", "withheld.state_secret"),
        ("三、本年度办理结果（一）予以公开", "granted"),
        ("（六）其他处理 3.其他", "other.other"),
    ],
)
def test_block_label_and_row_label_in_one_cell_is_the_row(cell: str, key: str) -> None:
    line = " | ".join([cell, "1", "0", "0", "0", "0", "0", "1"]) + " |"
    text = "\n".join(
        [
            "三、收到和处理政府信息公开申请情况",
            " | ".join(["一、本年新收政府信息公开申请数量", *"0000000"]),
            line,
            "四、政府信息公开行政复议、行政诉讼情况",
        ]
    )
    report = parse(text)
    assert report.table3.row(key) == (1, 0, 0, 0, 0, 0, 1)
    assert "SUBTOTAL_IGNORED" not in codes(report)
    assert "TRIAL_FORMAT" not in codes(report)


@st.composite
def reports_with_column_order(draw: st.DrawFn) -> tuple[AnnualReport, list[int]]:
    return draw(consistent_reports()), draw(st.permutations(range(s.TABLE3_WIDTH)))


@settings(max_examples=60, deadline=None)
@given(case=reports_with_column_order())
def test_any_column_order_in_a_one_line_header_is_read_back(
    case: tuple[AnnualReport, list[int]],
) -> None:
    report, order = case

    def write(rows: Rows) -> list[str]:
        if rows[0][0] != s.TABLE3_IDENTITY_NOTE:
            return tabs(rows)
        header = ["", "", *(s.TABLE3_COLUMNS[i].label for i in order)]
        body = [
            [*row[: -s.TABLE3_WIDTH], *(row[-s.TABLE3_WIDTH + i] for i in order)]
            for row in rows[3:]
        ]
        return tabs([header, *body])

    back = parse(report_text(report, write))
    assert back.table3 == report.table3
    reordered = "COLUMNS_REORDERED" in codes(back)
    assert reordered == (order != list(range(s.TABLE3_WIDTH)))


@settings(max_examples=25, deadline=None)
@given(report=consistent_reports(), headed=st.lists(st.booleans(), min_size=3, max_size=3))
def test_table4_one_group_at_a_time_with_or_without_its_column_header(
    report: AnnualReport, headed: list[bool]
) -> None:
    """Table 四 printed group by group: the group's name on its own line, then (or not)
    the column header 结果维持 … 总计, then its five numbers. The header between the name
    and the numbers does not part them."""
    lines = report_text(report, pipes).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    columns = " | ".join(c.label for c in s.TABLE4_COLUMNS) + " |"
    table: list[str] = []
    for group, with_header in zip(s.TABLE4_GROUPS, headed, strict=True):
        counts = report.table4.group(group.key)
        values = [getattr(counts, c.key) for c in s.TABLE4_COLUMNS]
        table.append(f"{group.label} |")
        if with_header:
            table.append(columns)
        table.append(" | ".join("-" if v is None else str(v) for v in values) + " |")
    text = "\n".join([*lines[: start + 1], *table, *lines[end:]])
    parsed = parse(text, "表四分组.txt")
    assert parsed.table4 == report.table4


@settings(max_examples=20, deadline=None)
@given(report=consistent_reports())
def test_a_row_number_column_before_table3s_labels_is_not_read(report: AnnualReport) -> None:
    """Table 三 with a 序号 column: each row prints 1, 2, 3 … before its label. The
    number is not one of the row above's cells, nor of any row."""
    lines = report_text(report, pipes).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    numbered, n = [], 0
    for line in lines[start + 1 : end]:
        cells = line.split(" | ")
        if any(c[:1].isdigit() or c[:1] == "-" for c in cells[1:]):
            n += 1
            numbered.append(f"{n} | {line}")
        else:
            numbered.append(f"{'序号' if not numbered else ''} | {line}")
    text = "\n".join([*lines[: start + 1], *numbered, *lines[end:]])
    parsed = parse(text, "序号.txt")
    assert parsed.table3 == report.table3
    assert "ROW_NUMBERS_IGNORED" in codes(parsed)
    assert not {"ROW_TOO_MANY", "VALUES_UNASSIGNED"} & set(codes(parsed))


@settings(max_examples=25, deadline=None)
@given(report=consistent_reports(), before=st.booleans())
def test_an_organisation_subtotal_column_in_table3_is_left_out(
    report: AnnualReport, before: bool
) -> None:
    """Table 三 with a 小计 column for 法人或其他组织, before or after the five
    organisation columns: the column that adds them up is not read as one of them."""
    lines = report_text(report, pipes).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    place = 1 if before else 6
    out = []
    for line in lines[start + 1 : end]:
        cells = line.split(" | ")
        numbers = [i for i, c in enumerate(cells) if c.strip(" |").isdigit() or c == "-"]
        if len(numbers) >= s.TABLE3_WIDTH:
            first = numbers[0]
            parts = cells[first + 1 : first + 6]
            subtotal = "-" if "-" in parts else str(sum(int(p) for p in parts))
            cells.insert(first + place, subtotal)
        elif "商业企业" in cells:
            bare = [c.strip(" |") for c in cells]
            at = bare.index("商业企业") if before else bare.index("其他") + 1
            cells.insert(at, "小计")
        out.append(" | ".join(cells))
    parsed = parse("\n".join([*lines[: start + 1], *out, *lines[end:]]), "小计.txt")
    organisations = sum(sum(report.table3.row(k)[1:6]) for k in ("received", "carried_over"))
    if organisations:
        assert parsed.table3 == report.table3
        assert "SUBTOTAL_IGNORED" in codes(parsed)
    else:  # every subtotal 0: nothing shows which column it is, and no row is guessed
        assert "ROW_TOO_MANY" in codes(parsed)


_NUMBERING = re.compile(r"[一二三四]、|（[一二三四五六七]）|\d+\.")


@st.composite
def reports_with_wrapped_labels(draw: st.DrawFn) -> tuple[AnnualReport, str]:
    """A report in pipes whose every row label of tables 二 and 三 that is long enough
    is wrapped at a drawn place: its first part and the values on one line, the rest on
    the next line with the number cells blank (a grid table's cell, a converter that
    writes one row per printed line)."""
    report = draw(consistent_reports())
    labels = {row.label for block in s.TABLE2_BLOCKS for row in block.rows if len(row.label) > 2}
    labels |= {row.label for row in s.TABLE3_ROWS if len(row.label) > 4}

    def write(rows: Rows) -> list[str]:
        out: list[str] = []
        for row in rows:
            at = next((i for i, cell in enumerate(row) if cell in labels), None)
            if at is None or not any(c[:1].isdigit() for c in row[at + 1 :]):
                out.extend(pipes([row]))
                continue
            label = row[at]
            numbered = _NUMBERING.match(label)
            first_cut = (numbered.end() if numbered else 0) + 1  # a wrap keeps "1." whole
            cut = draw(st.integers(first_cut, len(label) - 1), label=label)
            first = [*row[:at], label[:cut], *row[at + 1 :]]
            rest = ["" if i != at else label[cut:] for i in range(len(row))]
            out.extend(pipes([first, rest]))
        return out

    return report, report_text(report, write)


@settings(max_examples=40, deadline=None)
@given(case=reports_with_wrapped_labels())
def test_row_labels_wrapped_onto_the_next_line_are_joined(case: tuple[AnnualReport, str]) -> None:
    report, text = case
    back = parse(text, "折行.txt")
    assert back.table3 == report.table3
    assert back.table2 == report.table2
    assert back.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_a_heading_or_numbered_label_under_a_row_is_not_its_wrapped_label() -> None:
    """The line after a row that holds only a group heading, or a numbered label whose
    numbers are printed on the line after it, in the label's column starts a row of its
    own: it is not the rest of the row's label."""
    rows = [
        "| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "| （四）无法提供 | | | | | | | |",
        "| 1.本机关不掌握相关政府信息 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
        "| 3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "| （七）总计 | | | | | | | |",
    ]
    from gongkai.annual.parse.labels import table3_labels
    from gongkai.annual.parse.rows import Row
    from gongkai.annual.parse.tables import tokens
    from gongkai.annual.parse.tables_text import split_cells

    built = [Row(i, split_cells(r), r) for i, r in enumerate(rows)]
    texts = [t.text for t in tokens(built, table3_labels()) if not t.value.is_value]
    assert texts == [
        "8.属于行政查询事项",
        "（四）无法提供",
        "1.本机关不掌握相关政府信息",
        "3.其他",
        "（七）总计",
    ]


def test_a_row_printed_blank_under_a_generic_label_is_its_own_row() -> None:
    """``规章`` with its numbers, then ``行政规范性文件`` with blank cells: two rows (the
    second printed blank), not one label wrapped over two lines."""
    text = (
        "样例县某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | | | |\n"
    )
    report = parse(text)
    assert report.table2.regulations.made == 0
    assert report.table2.normative_documents.made is None


def test_a_merged_number_repeated_in_every_column_it_spans_is_one_number() -> None:
    """A converter that expands merged cells writes table 二's single number into each
    column; three different numbers stay too many."""
    head = (
        "样例县某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
        "| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |\n"
    )
    report = parse(head + "| 行政许可 | 4210 | 4210 | 4210 |\n")
    assert report.table2.licensing == 4210
    assert "MERGED_CELL_REPEATED" in codes(report)
    other = parse(head + "| 行政许可 | 4210 | 421 | 4210 |\n")
    assert other.table2.licensing is None
    assert "ROW_TOO_MANY" in codes(other)


def test_a_blank_cell_in_the_numbers_line_under_a_label_is_read_by_its_column() -> None:
    """The label on one line, its numbers on the next under the next columns, one of
    them blank: the blank is null in its own column (not the row lost to too few)."""
    lines = [
        "三、收到和处理政府信息公开申请情况",
        "| 一、本年新收政府信息公开申请数量 | | | | | | | |",
        "| | 4 | 0 | 0 | 0 | 0 | 0 | 4 |",
        "| （二）部分公开 | | | | | | | |",
        "| | 3 | 0 | 0 | 0 | 0 | 0 |  |",
        "| 2.重复申请 | | | | | | | |",
        "| 5 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    ]
    report = parse("\n".join(lines))
    assert report.table3.row("received") == (4, 0, 0, 0, 0, 0, 4)
    assert report.table3.row("partially_granted") == (3, 0, 0, 0, 0, 0, None)
    assert ("CELL_BLANK", "table3.partially_granted") in [
        (d["code"], d.get("row")) for d in report.diagnostics or ()
    ]
    # a numbers line whose label column is not blank is no such line
    assert report.table3.row("not_processed.repeated") == (None,) * 7


def test_table4_in_three_tables_with_a_blank_total_under_its_group_name() -> None:
    """Table 四 as three tables, the group's name over its five columns, its numbers two
    lines below with 总计 left blank: null in its column, the other groups whole."""
    tables = []
    for name, numbers in (
        ("行政复议", "| 1 | 0 | 0 | 1 |  |"),
        ("行政诉讼（未经复议直接起诉）", "| 0 | 0 | 0 | 0 | 0 |"),
        ("行政诉讼（复议后起诉）", "| 0 | 1 | 0 | 0 | 1 |"),
    ):
        tables.append(
            f"| {name} | | | | |\n|---|---|---|---|---|\n"
            f"| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n{numbers}\n"
        )
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        + "\n".join(tables)
        + "五、存在的主要问题及改进情况\n"
    )
    report = parse(text)
    assert report.table4.reconsideration == AppealCounts(1, 0, 0, 1, None)
    assert report.table4.litigation_after_reconsideration == AppealCounts(0, 1, 0, 0, 1)
    assert ("CELL_BLANK", "table4.reconsideration") in [
        (d["code"], d.get("row")) for d in report.diagnostics or ()
    ]
    assert report.confidence is not None and report.confidence["table4"] == 1.0


STRAY_PIPE = FIXTURES / "converted" / "ocr_stray_pipe_inside_table3_labels.txt"


def _stray_pipe_report(printed: str, cut: str) -> AnnualReport:
    text = STRAY_PIPE.read_text(encoding="utf-8")
    assert printed in text
    return parse(text.replace(printed, cut), "断开的标签.md")


@pytest.mark.parametrize(
    ("printed", "cut", "table", "key", "values"),
    [
        (
            "| 行政规范性文件 | 3 |",
            "| 行政规范 | 性文件 | 3 |",
            "table2",
            "normative_documents",
            {"made": 3, "repealed": 0, "in_force": 34},
        ),
        ("| 行政许可 | 569 |", "| 行政 | 许可 | 569 |", "table2", "licensing", 569),
        (
            "|  | 2.其他法律行政法规禁止公开 |",
            "|  | 2.其他 | 法律行政法规禁止公开 |",
            "table3",
            "withheld.prohibited_by_law",
            [0, 0, 0, 0, 1, 0, 1],
        ),
        (
            "（四）无法提供 1.本机关不掌握相关政府信息 |",
            "（四）无法提供 1.本机关不掌 | 握相关政府信息 |",
            "table3",
            "unavailable.not_held",
            [0, 0, 0, 1, 0, 0, 1],
        ),
    ],
)
def test_a_label_cut_in_two_by_a_stray_pipe_is_joined(
    printed: str, cut: str, table: str, key: str, values: object
) -> None:
    report = _stray_pipe_report(printed, cut)
    assert report.to_dict()[table][key] == values
    assert codes(report) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_a_cut_label_with_a_cell_too_few_after_it_is_not_read_by_guess() -> None:
    """Joined, the pieces would leave six numbers for seven cells: nothing says which is
    missing, so the row stays blank and is said."""
    printed = "|  | 3.危及“三安全|一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    report = _stray_pipe_report(printed, printed.replace(" 0 |", "", 1))
    assert report.table3.row("withheld.security_stability") == (None,) * 7
    assert report.table3.row("withheld.third_party_rights") == (1, 0, 0, 0, 0, 0, 1)
    assert "ROW_INFERRED" not in codes(report)


def _token_texts(rows: list[str], table: str) -> list[str]:
    from gongkai.annual.parse import tables
    from gongkai.annual.parse.labels import table2_labels, table3_labels
    from gongkai.annual.parse.rows import Row
    from gongkai.annual.parse.tables_text import split_cells

    labels, widths = {
        "2": (table2_labels(), tables._TABLE2_WIDTHS),
        "3": (table3_labels(), tables._TABLE3_WIDTHS),
    }[table]
    built = [Row(i, split_cells(r), r) for i, r in enumerate(rows)]
    return [t.text for t in tables.tokens(built, labels, widths) if not t.value.is_value]


def test_two_labels_side_by_side_are_never_one_cut_label() -> None:
    assert _token_texts(["| 规章 | 行政规范性文件 |", "| 0 0 0 | 1 0 6 |"], "2") == [
        "规章",
        "行政规范性文件",
    ]
    row = "| 三、本年度办理结果 | （一）予以公开 | 3 | 1 | 0 | 1 | 0 | 0 | 5 |"
    assert _token_texts([row], "3") == ["三、本年度办理结果", "（一）予以公开"]


def test_a_cut_label_is_joined_only_with_text_beside_it() -> None:
    """The second piece is the cell right after the first, and no number."""
    assert _token_texts(["| 行政规范 | | 性文件 | 3 | 0 | 34 |"], "2") == ["行政规范", "性文件"]
    assert _token_texts(["| 行政规范 | 性文件 | 3 | 0 | 34 |"], "2") == ["行政规范性文件"]
    assert _token_texts(["| 行政规范 | 3 | 0 | 34 |"], "2") == ["行政规范"]


LABELS_ABOVE = (
    FIXTURES
    / "converted"
    / ("markdown_table3_labels_above_values_page_break_between_label_and_values")
)
HEADER_AGAIN = "\n\n— 5 —\n\n| （本列数据的勾稽关系为"


def test_the_header_printed_again_between_a_label_and_its_numbers_leaves_them_the_label() -> None:
    """Its 其他 column is no row 3.其他: the numbers after it are the label's above."""
    text = LABELS_ABOVE.with_suffix(".txt").read_text(encoding="utf-8")
    assert HEADER_AGAIN in text
    report = parse(text, "跨页.md")
    assert report.table3.row("unavailable.not_held") == (5, 1, 0, 0, 1, 0, 7)
    assert report.table3.row("other.other") == (0, 0, 1, 0, 0, 0, 1)
    assert codes(report) == []


def test_text_between_a_label_and_numbers_after_the_header_keeps_them_apart() -> None:
    """A line of text after the repeated header may be a row's own label, lost or
    misprinted: the numbers are not given to the label above it, and said."""
    text = LABELS_ABOVE.with_suffix(".txt").read_text(encoding="utf-8")
    header_end = "| 法律服务机构 | 其他 |  |\n"
    at = text.index(header_end, text.index(HEADER_AGAIN)) + len(header_end)
    report = parse(f"{text[:at]}| 说明 |  |  |  |  |  |  |  |  |\n{text[at:]}", "跨页.md")
    assert report.table3.row("unavailable.not_held") == (None,) * 7
    assert report.table3.row("other.other") == (0, 0, 1, 0, 0, 0, 1)
    assert "ROW_TOO_FEW" in codes(report)


def _table4_under_names(numbers: dict[str, str]) -> AnnualReport:
    """Table 四 as three tables, each group's name on a line of its own above its table."""
    tables = [
        f"{name}\n\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|\n"
        f"{line}\n"
        for name, line in numbers.items()
    ]
    text = (
        "四、政府信息公开行政复议、行政诉讼情况\n\n"
        + "\n".join(tables)
        + "\n五、存在的主要问题及改进情况\n"
    )
    return parse(text)


@pytest.mark.parametrize("blank_total", ["| 1 | 0 | 0 | 1 |  |", "1 | 0 | 0 | 1 | "])
def test_table4_tables_under_group_names_on_their_own_lines_keep_a_blank_total(
    blank_total: str,
) -> None:
    """The numbers' line has the five cells of its own table, with or without its outer
    pipes: the blank is the 总计."""
    report = _table4_under_names(
        {
            "行政复议": blank_total,
            "行政诉讼（未经复议直接起诉）": "| 0 | 0 | 0 | 0 | 0 |",
            "行政诉讼（复议后起诉）": "| 0 | 1 | 0 | 0 | 1 |",
        }
    )
    assert report.table4.reconsideration == AppealCounts(1, 0, 0, 1, None)
    assert report.table4.litigation_after_reconsideration == AppealCounts(0, 1, 0, 0, 1)
    assert ("CELL_BLANK", "table4.reconsideration") in [
        (d["code"], d.get("row")) for d in report.diagnostics or ()
    ]
    assert report.confidence is not None and report.confidence["table4"] == 1.0


def test_table4_numbers_line_that_lost_an_outer_pipe_is_not_read_by_guess() -> None:
    """``| 1 | 0 | 0 | 1`` under five columns: the blank may be any of them."""
    report = _table4_under_names(
        {
            "行政复议": "| 1 | 0 | 0 | 1",
            "行政诉讼（未经复议直接起诉）": "| 0 | 0 | 0 | 0 | 0 |",
            "行政诉讼（复议后起诉）": "| 0 | 1 | 0 | 0 | 1 |",
        }
    )
    assert report.table4.reconsideration == AppealCounts(None, None, None, None, None)
    assert "ROW_TOO_FEW" in codes(report)


def test_numbers_after_the_header_go_to_a_row_whose_label_is_lost_not_to_a_blank_row() -> None:
    """A row printed blank, the header printed again, then a row's numbers without its
    label: they are the lost row's (inferred and said), the blank row stays blank."""
    path = FIXTURES / "converted" / "markdown_table4_column_words_pending_before_other.txt"
    text = path.read_text(encoding="utf-8")
    printed = (
        "|  | 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n|  | 5.属于三类内部事务信息 | 0 |"
    )
    header = text[text.index("| （本列数据") : text.index("| 一、本年新收")]
    damaged = (
        "|  | 4.保护第三方合法权益 |  |  |  |  |  |  |  |\n\n— 4 —\n\n" + header + "|  |  | 0 |"
    )
    assert printed in text
    report = parse(text.replace(printed, damaged), "空行.md")
    assert report.table3.row("withheld.third_party_rights") == (None,) * 7
    assert report.table3.row("withheld.internal_affairs") == (0,) * 7
    assert ("ROW_INFERRED", "table3.withheld.internal_affairs") in [
        (d["code"], d.get("row")) for d in report.diagnostics or ()
    ]
