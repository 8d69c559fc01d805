"""A report about to be published from the platform: blanks and contradictions block it,
and the deadline follows whose report it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gongkai.annual import Severity, check
from gongkai.annual.deadline import Publisher, deadline, publisher_from_name
from tests.annual.check_reports import sound_report

SOUND = sound_report()


def _errors(report, **options) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(f.code, f.message) for f in check(report, **options) if f.severity is Severity.ERROR]


def test_a_sound_report_publishes_without_errors() -> None:
    assert _errors(SOUND, publishing=True) == []


def test_a_blank_cell_blocks_publishing_and_names_the_cell() -> None:
    report = SOUND.with_cell("table2.licensing", None).with_cell("table2.fees", None)
    [(code, message)] = _errors(report, publishing=True)
    assert code == "CELL.E001"
    assert "表二“行政许可”的“本年处理决定数量”" in message
    assert "表二“行政事业性收费”" in message
    finding = next(f for f in check(report, publishing=True) if f.code == "CELL.E001")
    assert finding.cells == ("table2.licensing", "table2.fees")


def test_a_blank_cell_in_a_read_report_is_no_error() -> None:
    report = SOUND.with_cell("table2.licensing", None)
    assert _errors(report) == []


def test_many_blank_cells_are_counted_not_all_named() -> None:
    report = SOUND
    for key in ("received.natural_person", "received.commercial", "received.research"):
        report = report.with_cell(f"table3.{key}", None)
    report = replace(report, table3=replace(report.table3, rows={}))
    [(_code, message)] = [e for e in _errors(report, publishing=True) if e[0] == "CELL.E001"]
    assert message.endswith("等175个单元格为空白，发布前应填写数字（没有的填0）。")


def test_text_contradicting_table_three_blocks_only_when_publishing() -> None:
    sections = dict(SOUND.sections or {})
    sections["3"] = "本年度共收到政府信息公开申请99件。"
    report = replace(SOUND, sections=sections)
    read = {f.code: f.severity for f in check(report)}
    assert read["NARR.W001"] is Severity.WARNING
    published = [f for f in check(report, publishing=True) if f.code == "NARR.W001"]
    assert published[0].severity is Severity.ERROR
    assert "改正后才能发布" in published[0].hint


def test_an_empty_section_blocks_publishing_but_a_table_section_may_be_only_its_table() -> None:
    sections = {**(SOUND.sections or {}), "5": "", "2": "", "3": "", "4": ""}
    codes = [code for code, _ in _errors(replace(SOUND, sections=sections), publishing=True)]
    assert codes == ["SEC.W003"]


def test_deadlines_by_publisher() -> None:
    assert deadline(2024, Publisher.DEPARTMENT) == date(2025, 1, 31)
    assert deadline(2024, Publisher.GOVERNMENT) == date(2025, 3, 31)
    assert publisher_from_name("示范区人民政府") is Publisher.GOVERNMENT
    assert publisher_from_name("示范区发展和改革局") is Publisher.DEPARTMENT
    assert publisher_from_name("示范区人民政府办公室") is Publisher.DEPARTMENT
    assert publisher_from_name("某某街道") is None


def test_the_publisher_given_wins_over_the_name() -> None:
    report = replace(SOUND, published="2025-03-01")
    assert "RPT.W003" in {f.code for f in check(report)}
    assert "RPT.W003" not in {f.code for f in check(report, publisher=Publisher.GOVERNMENT)}
