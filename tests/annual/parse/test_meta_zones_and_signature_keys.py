"""Organ: a place a 管委会 runs (``X新区``, ``X经开区``) named alone is kept as printed
unless the report prints its governing body's full name; a signature after its key
(``单位：X局``); an organ read from the page's 发布机构 field alone is noted."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes, parse_file
from gongkai.annual.parse.meta import read_meta
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings
from tests.conftest import FIXTURES

BODY = (
    "一、总体情况\n2025年，本单位依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)
LONG_BODY = BODY.replace("二、", "依法公开。\n" * 16 + "二、")
"""A body long enough that its last rows are not among the first rows, where the page's
fields (``发布单位：``) are read."""
TITLE = "2025年政府信息公开工作年度报告\n"


def _read(text: str) -> tuple[str | None, list[dict[str, object]]]:
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    return report.organ, list(report.diagnostics or ())


def _organ(text: str) -> str | None:
    return _read(text)[0]


# --- 1. a zone or new district named alone ---------------------------------------------


def test_the_new_district_fixture_is_kept_as_the_title_prints_it() -> None:
    """The body names 党工委、管委会 together after the place: no name of one organ."""
    name = "new_district_named_alone_in_title_party_and_committee_named_together_no_signature"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    assert (report.organ, report.year) == ("岚溪新区", 2025)


def test_the_new_district_fixture_takes_the_committees_full_name_from_the_signature() -> None:
    """The body says 栖凤新区管委会 twice, the signature 栖凤新区管理委员会 once: the full form."""
    name = "new_district_named_alone_in_title_body_and_signature_spell_its_committee"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    assert (report.organ, report.year) == ("栖凤新区管理委员会", 2025)


@pytest.mark.parametrize(
    "place",
    [
        "某某新区",
        "某某经开区",
        "某某高新区",
        "某某经济技术开发区",
        "某某自贸区",
        "某某综合保税区",
        "某某风景名胜区",
        "某某出口加工区",
    ],
)
def test_a_zone_named_alone_in_the_title_is_kept_as_printed(place: str) -> None:
    assert _organ(f"{place}2025年政府信息公开工作年度报告\n{BODY}") == place


@pytest.mark.parametrize(
    ("place", "printed"),
    [
        ("某某新区", "某某新区管委会"),
        ("某某新区", "某某新区人民政府"),  # a new district with a government of its own
        ("某某经开区", "某某经开区管理委员会"),
        ("某某风景名胜区", "某某风景名胜区管理局"),
    ],
)
def test_a_zone_takes_the_governing_body_the_signature_prints(place: str, printed: str) -> None:
    text = f"{place}2025年政府信息公开工作年度报告\n{BODY}{printed}\n2026年1月20日\n"
    assert _organ(text) == printed


def test_a_zone_under_its_city_takes_the_governing_body_printed_without_the_city() -> None:
    body = BODY.replace("本单位", "某某新区管委会")
    text = f"某某市某某新区2025年政府信息公开工作年度报告\n{body}"
    assert _organ(text) == "某某市某某新区管委会"


def test_the_full_form_is_preferred_to_its_short_form_printed_more_often() -> None:
    body = BODY.replace("本单位", "某某新区管委会") + "某某新区管委会未收取费用。\n"
    text = f"某某新区2025年政府信息公开工作年度报告\n{body}某某新区管理委员会\n2026年1月20日\n"
    assert _organ(text) == "某某新区管理委员会"


def test_a_department_of_the_zone_named_in_the_body_is_not_its_governing_body() -> None:
    body = BODY.replace("本单位", "某某新区建设局、某某新区财政局")
    assert _organ(f"某某新区2025年政府信息公开工作年度报告\n{body}") == "某某新区"


@pytest.mark.parametrize(
    ("place", "organ"),
    [
        ("某某区", "某某区人民政府"),
        ("某某市某某区", "某某市某某区人民政府"),
        ("某某县", "某某县人民政府"),
        ("某某镇", "某某镇人民政府"),
        ("某某街道", "某某街道办事处"),
        ("某某市矿区", "某某市矿区人民政府"),  # a district, though it ends like a zone's word
    ],
)
def test_a_place_with_a_government_named_alone_is_still_its_government(
    place: str, organ: str
) -> None:
    assert _organ(f"{place}2025年政府信息公开工作年度报告\n{BODY}") == organ


# --- 2. a signature after its key --------------------------------------------------------


def test_the_fixture_signed_after_danwei_names_its_organ() -> None:
    name = "signature_after_its_key_danwei_and_date_key_no_organ_in_title"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    assert (report.organ, report.year) == ("青禾市岚溪区市场监督管理局", 2025)
    assert "ORGAN_NOT_FOUND" not in {d["code"] for d in report.diagnostics or ()}


@pytest.mark.parametrize(
    "signature",
    [
        "单位：某市某区教育局\n2026年1月20日\n",
        "单位:某市某区教育局\n2026年1月20日\n",
        "单位： 某市某区教育局\n日期：2026年1月20日\n",
        "发布单位：某市某区教育局\n2026年1月20日\n",
        "报告单位：某市某区教育局 2026年1月20日\n",
        "报告单位：某市某区教育局（盖章）\n报告日期：2026年1月20日\n【打印本页】【关闭窗口】\n",
        "单位名称：某市某区教育局\n2026年1月20日\n",
    ],
)
def test_a_signature_after_its_key_is_the_signature(signature: str) -> None:
    assert _organ(f"{TITLE}{LONG_BODY}{signature}") == "某市某区教育局"


def test_a_signature_after_its_key_on_a_page_flattened_to_one_line() -> None:
    text = (
        "当前位置：首页 > 年报 " + TITLE.strip() + " " + BODY.replace("\n", " ")
        + "单位：某市某区教育局 2026年1月20日 分享到： 打印本页 关闭窗口"
    )  # fmt: skip
    assert _organ(text) == "某市某区教育局"


def test_the_pages_field_under_a_signature_does_not_replace_it() -> None:
    """A crawled page's metadata under the report names who put it online."""
    text = (
        f"{TITLE}{LONG_BODY}某市某区教育局\n2026年1月20日\n"
        "发布单位：某市某区人民政府办公室\n发布日期：2026-01-21\n"
    )
    assert _organ(text) == "某市某区教育局"


def test_a_tables_unit_after_danwei_is_no_signature() -> None:
    organ, found = _read(f"{TITLE}{LONG_BODY}（单位：万元）\n")
    assert organ is None
    assert "ORGAN_NOT_FOUND" in {d["code"] for d in found}


# --- 3. an organ from the page's 发布机构 field alone --------------------------------------


def _meta_of(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    rows = document_rows(read_document(text.encode(), "样本.txt"))
    meta = read_meta(rows, find_headings(rows))
    note = meta.organ_note
    if note is None:
        return meta.organ, None, None, None
    return meta.organ, note.code, note.severity, note.field


@pytest.mark.parametrize("field", ["发布机构", "发布单位", "信息来源"])
def test_an_organ_from_the_publisher_field_alone_carries_a_note(field: str) -> None:
    organ, code, severity, named = _meta_of(
        f"{field}：某市某区教育局\n发布时间：2026-01-21\n{TITLE}{LONG_BODY}"
    )
    assert organ == "某市某区教育局"
    assert (code, severity, named) == ("ORGAN_FROM_PUBLISHER", "info", field)


@pytest.mark.parametrize(
    "text",
    [
        # the title names the organ
        f"发布机构：某市某区教育局\n某市某区教育局{TITLE}{LONG_BODY}",
        # the signature names it, the field agrees or is the portal's owner
        f"发布机构：某市某区教育局\n{TITLE}{LONG_BODY}某市某区教育局\n2026年1月20日\n",
        f"发布机构：某市某区人民政府办公室\n{TITLE}{LONG_BODY}某市某区教育局\n2026年1月20日\n",
        # the opening text names it in full before its short form
        f"发布机构：某市某区教育局\n{TITLE}某市某区教育局（以下简称区教育局）编制本报告。\n"
        f"{LONG_BODY}",
    ],
)
def test_an_organ_other_evidence_names_carries_no_note(text: str) -> None:
    organ, code, _, _ = _meta_of(text)
    assert organ is not None
    assert code is None


def test_the_publisher_fixture_says_the_organ_came_from_the_field() -> None:
    name = "crawler_publisher_field_alone_names_the_organ_no_title_organ_no_signature"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    assert (report.organ, report.year) == ("青禾市卫生健康委员会", 2025)
    [note] = [d for d in report.diagnostics or () if d["code"] == "ORGAN_FROM_PUBLISHER"]
    assert note["severity"] == "info"
    assert note["field"] == "发布机构"
    assert "青禾市卫生健康委员会" in str(note["message"])
    assert "请核对" in str(note["message"])


def test_the_publisher_fixture_names_the_organ_the_field_gives() -> None:
    name = "crawler_publisher_field_alone_names_the_organ_no_title_organ_no_signature"
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    assert (report.organ, report.year) == ("青禾市卫生健康委员会", 2025)
