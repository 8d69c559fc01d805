"""Text laid out in columns by spaces (``pdftotext -layout``): each column's numbers
right-aligned, a blank cell printed as spaces only. A row with fewer numbers than the
table's full rows puts each in the column its right edge falls in; the others are
blank (null, ``CELL_BLANK``), never read as 0 nor shifted."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

LABEL = 12
"""The labels' column, in characters (a label padded with ideographic spaces)."""
CELL = 10
"""Each number's column, in characters, the number at its right."""
BLANKS = {
    "withheld.state_secret": (2, 3, 4),
    "not_processed.excessive": (1,),
    "other.fee_unpaid": (5,),
}


def numbers(i: int, key: str) -> tuple[int | None, ...]:
    own: list[int | None] = [i % 4, 1, 0, 0, 0, 0]
    for at in BLANKS.get(key, ()):
        own[at] = None
    return (*own, sum(n for n in own if n is not None))


def document(slack: int = 0) -> bytes:
    """A report whose table 三 is laid out by spaces, each label cut at ``LABEL``
    characters and its rest on the line under its numbers; ``slack``: the blank rows'
    numbers moved this many characters left (a column they no longer fall in)."""
    lines = [
        "某某局2025年政府信息公开工作年度报告",
        "一、总体情况",
        "本局坚持以公开为常态、不公开为例外，" * 8,
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "\u3000" * LABEL + "  自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计",
    ]
    group = ""
    for i, row in enumerate(s.TABLE3_ROWS):
        own = row.full_label[: len(row.full_label) - len(row.label)]
        if own and own != group:
            lines.append(own)
        group = own
        label = row.label[:LABEL]
        cells = "".join(("" if n is None else str(n)).rjust(CELL) for n in numbers(i, row.key))
        text = label.ljust(LABEL, "\u3000") + cells
        if row.key in BLANKS and slack:
            text = text.replace(" " * slack, "", 1)
        lines.append(text)
        if row.label[LABEL:]:
            lines.append(row.label[LABEL:])
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return "\n".join(lines).encode()


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_a_row_with_blank_cells_puts_its_numbers_by_their_right_edges() -> None:
    report = parse_bytes(document(), "layout.txt")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == numbers(i, row.key), row.key
    said = codes(report)
    assert "CELL_BLANK" in said
    assert not set(said) & {"ROW_TOO_FEW", "ROW_TOO_MANY", "ROW_INFERRED", "VALUES_UNASSIGNED"}


def test_numbers_off_the_columns_leave_their_row_null() -> None:
    report = parse_bytes(document(slack=3), "askew.txt")
    for i, row in enumerate(s.TABLE3_ROWS):
        got = report.table3.row(row.key)
        if row.key in BLANKS:
            assert all(v is None for v in got), row.key
        else:
            assert got == numbers(i, row.key), row.key
    assert "ROW_TOO_FEW" in codes(report)
