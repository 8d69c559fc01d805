"""A grid's column of row numbers (序号, 行次, or a first column counting 1, 2, 3 …) is
set aside before the table is read: a row with a blank cell keeps its blank in its own
column, and no row takes its number, or the next row's, as a cell."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

BLANKS = {"withheld.state_secret": (2, 3), "not_processed.excessive": (4,)}
"""Rows printed with blank cells, and where."""


def cells(i: int, key: str) -> list[str]:
    """Row ``i``'s seven cells: its applicants' numbers (blank where ``BLANKS`` says) and
    their total."""
    numbers = [i % 3, 1, 0, 0, 0, 0]
    for at in BLANKS.get(key, ()):
        numbers[at] = 0
    out = [str(n) for n in numbers] + [str(sum(numbers))]
    for at in BLANKS.get(key, ()):
        out[at] = "&nbsp;<o:p></o:p>"
    return out


def expected(i: int, key: str) -> tuple[int | None, ...]:
    numbers: list[int | None] = [i % 3, 1, 0, 0, 0, 0]
    for at in BLANKS.get(key, ()):
        numbers[at] = None
    total = sum(n for n in numbers if n is not None)
    return (*numbers, total)


def page(head: str, numbered: bool = True) -> bytes:
    """A report whose table 三 prints a first column ``head`` over the rows' numbers."""
    columns = "".join(f"<td>{c.label}</td>" for c in s.TABLE3_COLUMNS)
    rows = [
        f"<tr><td>{head}</td><td>（本列数据的勾稽关系为：第一项加第二项之和）</td>{columns}</tr>"
    ]
    for i, row in enumerate(s.TABLE3_ROWS):
        number = str(i + 1) if numbered else ""
        tds = "".join(f"<td>{c}</td>" for c in cells(i, row.key))
        rows.append(f"<tr><td>{number}</td><td>{row.full_label}</td>{tds}</tr>")
    return (
        "<html><body><h1>某某局2025年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>本局依法公开。</p>"
        "<p>二、主动公开政府信息情况</p>"
        "<p>三、收到和处理政府信息公开申请情况</p>"
        f"<table>{''.join(rows)}</table>"
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
        "<p>五、存在的主要问题及改进情况</p><p>无。</p>"
        "<p>六、其他需要报告的事项</p><p>无。</p></body></html>"
    ).encode()


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_a_serial_number_column_is_set_aside_and_blank_cells_stay_in_their_columns() -> None:
    report = parse_bytes(page("序号"), "serial.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == expected(i, row.key), row.key
    said = codes(report)
    assert "ROW_NUMBERS_IGNORED" in said
    assert "CELL_BLANK" in said
    assert not set(said) & {"ROW_TOO_FEW", "ROW_TOO_MANY", "ROW_INFERRED", "ROW_NOT_FOUND"}


def test_a_line_number_column_headed_hangci_is_set_aside_too() -> None:
    report = parse_bytes(page("行次"), "lines.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == expected(i, row.key), row.key
    assert "ROW_NUMBERS_IGNORED" in codes(report)


def test_an_unheaded_first_column_counting_down_the_rows_is_set_aside() -> None:
    report = parse_bytes(page(""), "counted.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == expected(i, row.key), row.key
    assert "ROW_NUMBERS_IGNORED" in codes(report)


def test_a_head_without_numbers_under_it_sets_nothing_aside() -> None:
    report = parse_bytes(page("序号", numbered=False), "empty.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == expected(i, row.key), row.key
    assert "ROW_NUMBERS_IGNORED" not in codes(report)
