"""A part's title alone on its line, numbered or not (``sections.title_key``): what the
recognizer leaves out of the sections' text over a table, and what the test mutators
take for a table's heading."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.recognize import recognize
from gongkai.annual.parse.sections import title_key, without_title_number
from tests.annual.parse.mutators import title_key as table_title_key
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("总体情况", "1"),
        ("二、主动公开政府信息情况", "2"),
        ("（三）收到和处理政府信息公开申请情况", "3"),
        ("4．政府信息公开行政复议、行政诉讼情况", "4"),
        ("第五部分 存在的主要问题及改进情况", "5"),
        ("六，其他需要报告的事项", "6"),
        ("表1：主动公开政府信息情况", "2"),
        ("附表 二 ：收到和处理政府信息公开申请情况", "3"),
        ("二 、 主 动 公 开 政 府 信 息 情 况", "2"),  # OCR's spaces between characters
        ("二、主动公开政府信息情况如下", None),
        ("二、主动公开政府信息", None),  # the title worded otherwise: find_headings'
        ("一是主动公开政府信息情况", None),
        ("表格说明：主动公开政府信息情况", None),
        ("附表二", None),
        ("行政复议", None),
    ],
)
def test_a_parts_title_alone_numbered_or_not(line: str, key: str | None) -> None:
    assert title_key(s.normalize_label(line)) == key


def test_the_number_is_taken_off_once_and_only_from_the_start() -> None:
    assert without_title_number("附表3:行政复议") == "行政复议"
    assert without_title_number("(二)2.总体情况") == "2.总体情况"
    assert without_title_number("总体情况二、") == "总体情况二、"


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("## 三、收到和处理政府信息公开申请情况", "3"),
        ("**附表3：政府信息公开行政复议、行政诉讼情况**", "4"),
        ("第二部分 主动公开政府信息情況", "2"),  # traditional 況
        ("附表二", "3"),
        ("一、总体情况", None),  # no table's part
        ("| 二、主动公开政府信息情况 | |", None),
    ],
)
def test_the_mutators_take_a_tables_heading_by_the_same_rule(line: str, key: str | None) -> None:
    assert table_title_key(line) == key


TITLED_AFTER_PART_SIX = (
    FIXTURES
    / "reports"
    / "part1-subheadings-worded-as-part-titles-tables-titled-after-part-six.txt"
)


@pytest.mark.parametrize(
    "numbered",
    [
        pytest.param("第{numeral}部分 {title}", id="di-n-bufen"),
        pytest.param("{numeral}，{title}", id="comma"),
    ],
)
def test_a_parts_title_over_its_table_in_the_appendix_is_no_text_of_part_six(
    numbered: str,
) -> None:
    """Regression: the appendix after part 六 titling its tables ``第二部分 主动公开政府
    信息情况`` (or ``二，…``) kept those lines in part 六's text, where ``二、主动公开…``
    was left out; every numbering a part's title takes is now read alike."""
    text = TITLED_AFTER_PART_SIX.read_text(encoding="utf-8")
    head, appendix = text.split("附表一\n", 1)
    for sec in s.SECTIONS[1:4]:
        appendix = appendix.replace(
            f"{sec.heading}\n", numbered.format(numeral=sec.numeral, title=sec.title) + "\n"
        )
    report = recognize(read_document(f"{head}附表一\n{appendix}".encode(), "附表.txt"))
    assert report.sections is not None
    assert report.sections["6"] == "本年度未收取信息处理费。\n样例市住房和城乡建设局\n2026年1月22日"
