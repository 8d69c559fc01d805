"""Bilingual pages: each label followed by its English (``规章<br>Rules``, ``总计 Total``).
A short label the form matches only as a whole cell is still the label when the Latin
words after its Chinese are set aside; Chinese with more after it is not."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.labels import table2_labels, table3_labels
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_batch import sample_report


@pytest.mark.parametrize("cell", ["规章 Rules", "规章Rules", "规章 Departmental rules"])
def test_guizhang_with_its_translation_is_the_row(cell: str) -> None:
    assert [(lb.kind, lb.key) for lb in table2_labels().match(cell)] == [("row", "regulations")]


def test_zongji_with_its_translation_is_the_total() -> None:
    keys = {(lb.kind, lb.key) for lb in table3_labels().match("总计 Total")}
    assert ("column", "total") in keys


@pytest.mark.parametrize("cell", ["规章A", "规章制度 Rules", "Rules 规章"])
def test_other_words_beside_a_generic_label_are_no_label(cell: str) -> None:
    assert not [lb for lb in table2_labels().match(cell) if lb.key == "regulations"]


def test_a_bilingual_table_two_reads_its_guizhang_row() -> None:
    report = sample_report().with_cell("table2.regulations.in_force", 7)
    text = report_text(report).replace("\n规章 |", "\n规章 Rules |")
    assert "规章 Rules |" in text
    read = parse_bytes(text.encode(), "bilingual.txt")
    assert read.cell("table2.regulations.in_force") == 7
    codes = {d["code"] for d in read.diagnostics or ()}
    assert not codes & {"ROW_INFERRED", "ROW_NOT_FOUND", "VALUES_UNASSIGNED"}
