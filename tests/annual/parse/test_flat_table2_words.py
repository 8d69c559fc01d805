"""Table 二 of a page crawled onto one line whose row labels go on in words of their own
before the run (``行政许可决定1058``, ``行政强制措施4``): the run after those words is the
row's. A row whose label has no run after it (a blank cell) stays null and is said, and never
takes the next row's number."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from tests.conftest import FIXTURES

NAME = "crawled-one-line"


def _fixture() -> tuple[str, dict[str, Any]]:
    text = (FIXTURES / "flat" / f"{NAME}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / "flat" / f"{NAME}.expected.json").read_text("utf-8"))
    return text, expected


@pytest.mark.parametrize(
    ("printed", "typed"),
    [
        ("行政许可1058", "行政许可决定1058"),
        ("行政强制4", "行政强制措施4"),
        ("行政处罚37", "行政处罚决定数量37"),
    ],
)
def test_words_after_a_table2_label_before_its_run_are_the_rows_own(
    printed: str, typed: str
) -> None:
    text, expected = _fixture()
    assert printed in text
    report = parse_bytes(text.replace(printed, typed).encode("utf-8"), "crawled.txt")
    assert report.to_dict()["table2"] == expected["table2"]
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"ROW_NOT_FOUND", "ROW_TOO_FEW"}


def test_a_table2_row_printed_without_its_number_is_a_blank_cell_said_as_such() -> None:
    text, expected = _fixture()
    report = parse_bytes(text.replace("行政许可1058", "行政许可").encode("utf-8"), "crawled.txt")
    table2 = report.to_dict()["table2"]
    assert table2["licensing"] is None
    assert table2["punishment"] == expected["table2"]["punishment"]
    said = [d for d in report.diagnostics or () if d["code"] == "CELL_BLANK"]
    assert [d.get("row") for d in said] == ["table2.licensing"]
