"""Organ and year: the report's own title among other titles, and the report year
rather than the year it was published."""

from __future__ import annotations

import pytest

from gongkai.annual.parse.meta import read_meta
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings

HEADINGS = "一、总体情况\n正文。\n二、主动公开政府信息情况\n"


def meta_of(text: str) -> tuple[str | None, int | None]:
    rows = document_rows(read_document(text.encode(), "样本.txt"))
    meta = read_meta(rows, find_headings(rows))
    return meta.organ, meta.year


@pytest.mark.parametrize(
    ("head", "organ", "year"),
    [
        # links to earlier years' reports in a sidebar come before the report's own title
        (
            "政府信息公开年报\n甲市乙局2023年政府信息公开工作年度报告\n"
            "甲市乙局2022年政府信息公开工作年度报告\n甲市乙局2024年政府信息公开工作年度报告\n",
            "甲市乙局",
            2024,
        ),
        # the organ on its own line above the year and the words
        ("当前位置：首页 > 年报\n甲市乙局\n2024年政府信息公开工作年度报告\n", "甲市乙局", 2024),
        # the year after the words
        ("甲市乙局政府信息公开工作年度报告（2024年度）\n", "甲市乙局", 2024),
        # a sentence naming the report is not its title
        (
            "甲市乙局2024年政府信息公开工作年度报告\n"
            "根据条例规定，现公布甲市乙局2023年政府信息公开工作年度报告。\n",
            "甲市乙局",
            2024,
        ),
    ],
)
def test_title_is_the_last_one_before_the_text(head: str, organ: str, year: int) -> None:
    assert meta_of(head + HEADINGS) == (organ, year)


def test_year_from_mentions_does_not_count_dates_of_writing() -> None:
    text = (
        "甲市乙局政府信息公开工作年度报告\n"
        "一、总体情况\n2024年，本局扎实推进政务公开。\n"
        "二、主动公开政府信息情况\n六、其他需要报告的事项\n"
        "本报告于2025年1月20日编制，2025年1月24日发布。\n"
    )
    assert meta_of(text) == ("甲市乙局", 2024)
