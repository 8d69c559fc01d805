"""Where the flat reading (``flat_tables``) and the table reader both read a table, the
one kept never hides what the other doubted: an item number is no row's run, a reading
that only leaves out cells the other read is not kept, and a row both leave null keeps
its warning (issue 13, shape 5: never silently guess)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text

from .test_flat_red_team import HEADER, _values

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
HYPHENED = (
    FIXTURES
    / "redteam10"
    / "rt10-html-table3-flattened-header-and-labels-levels-joined-by-hyphen-spreadsheet-export.html"
)


def _grouped_table3(values: dict[str, tuple[int | None, ...]], own: str) -> str:
    """Table 三 on one line, each row printed under its group's heading joined by a
    hyphen (``（六）其他处理-3.其他0 0 0 0 0 0 0``), row other.other's words ``own``."""
    parts = [HEADER]
    for row in s.TABLE3_ROWS:
        group = row.full_label.removesuffix(row.label)
        label = row.label if row.key != "other.other" else f"3.{own}"
        head = f"{group}-" if group else ""
        cells = " ".join("" if v is None else str(v) for v in values[row.key])
        parts.append(f"{head}{label}{cells}")
    return "".join(parts)


def _codes_on(items: object, row: str) -> list[str]:
    return [str(d["code"]) for d in items or () if d.get("row") == row]  # type: ignore[attr-defined]


def test_an_item_whose_words_are_no_label_of_the_row_is_not_read_as_its_run() -> None:
    """``（六）其他处理-3.另行事项0 0 0 0 0 0 0``: the 3 is the item's number. Read as the
    row's only number it was 总计 3 with six blanks, and no word said so."""
    flat = read_flat(normalize_text(_grouped_table3(_values(), "另行事项")))
    assert flat.table3 is not None
    assert flat.table3.rows["other.other"] == (None,) * 7
    assert _codes_on(flat.diagnostics, "table3.other.other") == ["ROW_NOT_FOUND"]
    assert flat.table3.rows["handled_total"] == (36, 1, 2, 0, 0, 0, 39)
    assert flat.table3.rows["other.fee_unpaid"] == (0,) * 7


def test_the_rows_own_words_after_its_group_and_a_hyphen_are_read() -> None:
    flat = read_flat(normalize_text(_grouped_table3(_values(), "其他")))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == _values()
    assert not flat.diagnostics


def test_a_row_printed_blank_before_the_next_items_number_stays_blank() -> None:
    """``1.属于国家秘密2.其他法律…``: the 2 is the next row's, this row is printed blank."""
    values = _values()
    values["withheld.state_secret"] = (None,) * 7
    text = HEADER + "".join(
        f"{r.label}{''.join('' if v is None else str(v) for v in values[r.key])}"
        for r in s.TABLE3_ROWS
    )
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == values


@pytest.mark.skipif(not HYPHENED.exists(), reason="红队第十轮的样例不在")
def test_a_whole_report_keeps_the_warning_on_a_row_neither_reading_found() -> None:
    html = HYPHENED.read_text(encoding="utf-8").replace("其他处理-3.其他<", "其他处理-3.另行事项<")
    assert "另行事项" in html
    report = parse_bytes(html.encode("utf-8"), "表三标签层级连写.html")
    table3 = report.to_dict()["table3"]
    assert table3["other.other"] == [None] * 7
    assert "ROW_NOT_FOUND" in _codes_on(report.diagnostics, "table3.other.other")
    assert table3["other.fee_unpaid"] == [0] * 7
