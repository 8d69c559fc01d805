"""Placeholders in table 三 read as 0 only when the document says no application came in
(``parse/placeholders``); everywhere else they stay null."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.placeholders import none_received
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "reports" / "table3_placeholders_none_received.txt"
SENTENCE = "本年度没有收到公民、法人或其他组织提出的政府信息公开申请。"
PRINTED = (None, 0, None, None, None, 0, None)
"""A table 三 row of the fixture as printed: ``- | 0 | / | — | 无 | 0 | -``."""


def parse(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "无申请.txt")


def codes(report: AnnualReport) -> list[str]:
    return [d["code"] for d in report.diagnostics or ()]


def test_placeholders_are_zero_when_the_text_says_no_application_came_in() -> None:
    report = parse(FIXTURE.read_text(encoding="utf-8"))
    assert all(report.table3.row(row.key) == (0,) * 7 for row in s.TABLE3_ROWS)
    assert report.diagnostics == (
        {
            "code": "PLACEHOLDER_AS_ZERO",
            "severity": "info",
            "message": "无申请.txt：表三有125个单元格印作“-”“/”“无”等占位符，其余均为0，"
            "正文写明“没有收到公民、法人或其他组织提出的政府信息公开申请”，"
            "这些占位符按 0 读取",
        },
    )
    regulations = report.table2.regulations
    assert (regulations.made, regulations.repealed, regulations.in_force) == (None, None, None)
    assert report.table2.licensing is None


@pytest.mark.parametrize(
    "change",
    [
        pytest.param((SENTENCE, ""), id="no-statement"),
        pytest.param((SENTENCE, "本年度未收到政府信息公开申请引发的行政复议。"), id="appeals-only"),
        pytest.param((SENTENCE, "本年度收到的政府信息公开申请较少。"), id="few-not-none"),
        pytest.param(
            (
                "一、本年新收政府信息公开申请数量 |  | - | 0 |",
                "一、本年新收政府信息公开申请数量 |  | - | 1 |",
            ),
            id="a-number",
        ),
    ],
)
def test_placeholders_stay_null_otherwise(change: tuple[str, str]) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert change[0] in text
    report = parse(text.replace(change[0], change[1]))
    assert report.table3.row("granted") == PRINTED
    assert "PLACEHOLDER_AS_ZERO" not in codes(report)


def test_a_blank_cell_stays_null_when_placeholders_become_zero() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    old = "| （一）予以公开 | - | 0 |"
    assert old in text
    report = parse(text.replace(old, "| （一）予以公开 |  | 0 |"))
    assert report.table3.row("granted") == (None, 0, 0, 0, 0, 0, 0)
    assert report.table3.row("received") == (0,) * 7
    assert "PLACEHOLDER_AS_ZERO" in codes(report)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("本年度内本单位未收到依申请公开信息。", "未收到依申请公开信息"),
        ("全年共收到政府信息公开申请0件。", "收到政府信息公开申请0件"),
        ("2024年无新受理的政府信息公开申请。", "无新受理的政府信息公开申请"),
        ("本年度无政府信息公开申请。", "无政府信息公开申请"),
        ("全年无依申请公开事项。", "无依申请公开事项"),
        ("本年度未收到政府信息公开申请引发的行政复议、行政诉讼。", None),
        ("无政府信息公开行政复议、行政诉讼。", None),
        ("未发生因政府信息公开引起的行政复议。", None),
        ("对无法提供的政府信息公开申请均已告知。", None),
        ("本年度收到政府信息公开申请较少。", None),
    ],
)
def test_none_received_sentences(text: str, found: str | None) -> None:
    assert none_received({"1": f"依申请公开方面，{text}"}) == found
