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


@pytest.mark.parametrize(
    ("head", "organ", "year"),
    [
        # a place is its people's government; a 街道 its office; a zone stays as printed
        ("甲县2024年政府信息公开工作年度报告\n", "甲县人民政府", 2024),
        ("2024年甲县政府信息公开工作年度报告\n", "甲县人民政府", 2024),
        ("甲县丁乡2024年政府信息公开工作年度报告\n", "甲县丁乡人民政府", 2024),
        ("甲区丙街道2024年政府信息公开工作年度报告\n", "甲区丙街道办事处", 2024),
        ("甲市高新区2024年政府信息公开工作年度报告\n", "甲市高新区", 2024),
        ("甲县人民政府办公室2024年政府信息公开工作年度报告\n", "甲县人民政府办公室", 2024),
        # ``…工作的报告`` after 关于
        ("甲市人民政府关于2024年度政府信息公开工作的报告\n", "甲市人民政府", 2024),
        # a title wrapped over three lines, inside the organ's name or after it
        ("甲市乙区\n人民政府2024年政府信息公开\n工作年度报告\n", "甲市乙区人民政府", 2024),
        ("甲市乙区人民政府\n2024年政府信息公开\n工作年度报告\n", "甲市乙区人民政府", 2024),
        ("甲市乙区司法局\n政府信息公开工作年度报告\n（2024年度）\n", "甲市乙区司法局", 2024),
        # the year between the words and 报告
        ("甲市乙区司法局政府信息公开工作2024年度报告\n", "甲市乙区司法局", 2024),
        # the year in financial numerals
        ("甲市乙区司法局贰零贰肆年政府信息公开工作年度报告\n", "甲市乙区司法局", 2024),
        # a column's name or a document number before the organ
        ("公开年报｜甲县水利局2024年政府信息公开工作年度报告\n", "甲县水利局", 2024),
        ("【公开年报】甲县水利局2024年政府信息公开工作年度报告\n", "甲县水利局", 2024),
        ("甲市人民政府门户网站-甲市乙局2024年政府信息公开工作年度报告\n", "甲市乙局", 2024),
        # 年报 for 年度报告; the organ in brackets after the words
        ("甲市乙局2024年政府信息公开年报\n", "甲市乙局", 2024),
        ("2024年政府信息公开工作年度报告（甲市乙局）\n", "甲市乙局", 2024),
        ("甲市乙局2024年政府信息公开工作年度报告（全文）\n", "甲市乙局", 2024),
        # a cover page: the title, the organ under it, the month
        ("2024年政府信息公开工作年度报告\n甲市乙局\n二〇二五年一月\n", "甲市乙局", 2024),
        # the page's 来源 field when the title names no organ
        (
            "2024年政府信息公开工作年度报告\n发布时间：2025-01-20 来源：甲市乙局 浏览次数：12\n",
            "甲市乙局",
            2024,
        ),
        ("2024年政府信息公开工作年度报告\n来源：本网\n", None, 2024),
        # words between the year and the report's name that name no organ
        ("2024年政务信息公开工作年度报告\n", None, 2024),
        ("2024年全市政府信息公开工作年度报告\n", None, 2024),
        ("中华人民共和国甲海关2024年政府信息公开工作年度报告\n", "中华人民共和国甲海关", 2024),
        # an office's notice publishing another organ's report: the report's organ
        (
            "甲市人民政府办公室关于印发甲市2024年政府信息公开工作年度报告的通知\n",
            "甲市人民政府",
            2024,
        ),
        (
            "甲市人民政府办公室关于公布甲市乙局2024年政府信息公开工作年度报告的通知\n",
            "甲市乙局",
            2024,
        ),
        # links to other reports under the title are not titles
        (
            "甲市乙局2024年政府信息公开工作年度报告\n上一篇：甲市丙局2024年政府信息公开工作年度报告\n"
            "相关阅读：甲市乙局2023年政府信息公开工作年度报告\n",
            "甲市乙局",
            2024,
        ),
        (
            "甲政办〔2025〕3号甲县人民政府办公室2024年政府信息公开工作年度报告\n",
            "甲县人民政府办公室",
            2024,
        ),
    ],
)
def test_title_shapes_of_published_reports(head: str, organ: str | None, year: int) -> None:
    assert meta_of(head + HEADINGS) == (organ, year)


def test_year_without_title_year_is_not_the_year_compared_with() -> None:
    text = (
        "甲市乙局政府信息公开工作年度报告\n"
        "一、总体情况\n2024年，本局扎实推进政务公开，与2023年相比，依申请公开数量较2023年增加，"
        "2023年同期为12件，2023年度报告提出的问题已整改。\n"
        "二、主动公开政府信息情况\n六、其他需要报告的事项\n无。\n"
    )
    assert meta_of(text) == ("甲市乙局", 2024)


def test_year_without_title_year_is_the_one_before_the_signing_date() -> None:
    text = (
        "甲市乙局政府信息公开工作年度报告\n"
        "一、总体情况\n本局扎实推进政务公开，2023年的问题已整改，2023年底前完成了网站改版，"
        "2024年完成了目录更新。\n"
        "二、主动公开政府信息情况\n六、其他需要报告的事项\n无。\n甲市乙局\n二〇二五年一月二十日\n"
    )
    assert meta_of(text) == ("甲市乙局", 2024)


def test_a_traditional_report_naming_information_zixun() -> None:
    text = (
        "甲縣水利局2024年政府資訊公開工作年度報告\n一、總體情況\n2024年，本局認真貫徹條例，"
        "積極推進資訊公開，進一步規範依申請公開辦理流程，廣泛聽取群眾意見。\n"
        "二、主動公開政府資訊情況\n六、其他需要報告的事項\n無。\n"
    )
    assert meta_of(text) == ("甲县水利局", 2024)
