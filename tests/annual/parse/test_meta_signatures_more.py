"""Organ from the signature: a place named alone as the signature (``X高新区`` over the
date), and a joint signature after its key (``单位：X市财政局 X市税务局``).

A title that does not name the organ leaves it to the signature. A place's name alone on
the signature's line, a date after it, signs the report the way a place named alone in a
title does: a zone a 管委会 runs is kept as printed (or takes the governing body's name the
report prints), a county or district is its people's government. Sentences, table units
and a place with no date after it are no signature. A signature after its key naming two
organs is a joint report, read as one printed without its key: the first signer is the
organ, both are the signers (``ORGAN_JOINT``).
"""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.meta import read_meta
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings

BODY = (
    "一、总体情况\n2025年，本单位依法做好政府信息公开工作。\n二、主动公开政府信息情况\n"
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)
LONG_BODY = BODY.replace("二、", "依法公开。\n" * 16 + "二、")
TITLE = "2025年政府信息公开工作年度报告\n"


def _meta(text: str) -> tuple[str | None, tuple[str, ...]]:
    rows = document_rows(read_document(text.encode(), "样本.txt"))
    meta = read_meta(rows, find_headings(rows))
    return meta.organ, meta.signers


def _codes(text: str) -> dict[str, dict[str, object]]:
    report = parse_bytes(text.encode(), "样本.txt")
    return {str(d["code"]): dict(d) for d in report.diagnostics or ()}


# --- 1. a place named alone as the signature -------------------------------------------


@pytest.mark.parametrize(
    ("signature", "organ"),
    [
        ("某某高新区\n2026年1月20日\n", "某某高新区"),
        ("某某经开区\n2026年1月20日\n", "某某经开区"),
        ("某某市某某高新区\n2026年1月20日\n", "某某市某某高新区"),
        ("某某经济技术开发区\n2026年1月\n", "某某经济技术开发区"),
        ("某某高新区 2026年1月20日\n", "某某高新区"),
        ("某某高新区\n2026年1月20日\n（此件主动公开）\n", "某某高新区"),
        ("某某高新区\n二〇二六年一月二十日\n", "某某高新区"),
        # a place with a government of its own is its government, as in a title
        ("某某县\n2026年1月20日\n", "某某县人民政府"),
        ("某某市某某区\n2026年1月20日\n", "某某市某某区人民政府"),
    ],
    ids=[
        "high_tech_zone",
        "development_zone",
        "zone_under_its_city",
        "zone_full_name_month_only",
        "date_on_its_line",
        "note_below",
        "date_in_chinese_numerals",
        "county",
        "district",
    ],
)
def test_a_place_alone_over_the_date_signs_the_report(signature: str, organ: str) -> None:
    assert _meta(f"{TITLE}{LONG_BODY}{signature}") == (organ, ())


def test_a_zone_signing_alone_takes_the_governing_body_the_report_prints() -> None:
    body = LONG_BODY.replace("本单位", "某某高新区管理委员会")
    assert _meta(f"{TITLE}{body}某某高新区\n2026年1月20日\n")[0] == "某某高新区管理委员会"


def test_a_zone_signing_alone_is_found_on_a_page_flattened_to_one_line() -> None:
    text = (
        "当前位置：首页 > 年报 " + TITLE.strip() + " " + BODY.replace("\n", " ")
        + "某某高新区 2026年1月20日 分享到： 打印本页 关闭窗口"
    )  # fmt: skip
    assert _meta(text)[0] == "某某高新区"


def test_a_zone_signing_alone_reports_no_missing_organ() -> None:
    found = _codes(f"{TITLE}{LONG_BODY}某某高新区\n2026年1月20日\n")
    assert "ORGAN_NOT_FOUND" not in found
    assert "ORGAN_JOINT" not in found


def test_the_title_still_names_the_organ_over_a_place_signing() -> None:
    text = f"某某高新区财政金融局{TITLE}{LONG_BODY}某某高新区\n2026年1月20日\n"
    assert _meta(text) == ("某某高新区财政金融局", ())


@pytest.mark.parametrize(
    "ending",
    [
        # no date after it: the body's last words, not a signature
        "某某高新区\n",
        # a table's unit, a sentence, a field above the date
        "（单位：万元）\n2026年1月20日\n",
        "单位：件\n2026年1月20日\n",
        "详情请见某某高新区\n2026年1月20日\n",
        "本年度工作在某某区开展，\n2026年1月20日\n",
        "地址：某某市某某区\n2026年1月20日\n",
        # a place that is no particular one
        "全区\n2026年1月20日\n",
        "本县\n2026年1月20日\n",
    ],
    ids=[
        "undated",
        "table_unit",
        "keyed_unit",
        "sentence",
        "sentence_with_comma",
        "address_field",
        "whole_district",
        "this_county",
    ],
)
def test_what_is_no_place_signing_is_no_signature(ending: str) -> None:
    organ, _ = _meta(f"{TITLE}{LONG_BODY}{ending}")
    assert organ is None
    assert "ORGAN_NOT_FOUND" in _codes(f"{TITLE}{LONG_BODY}{ending}")


# --- 2. a joint signature after its key ---------------------------------------------------


@pytest.mark.parametrize(
    "signature",
    [
        "单位：某某市财政局 某某市税务局\n2026年1月20日\n",
        "单位：某某市财政局  某某市税务局\n2026年1月20日\n",
        "单位：某某市财政局、某某市税务局\n2026年1月20日\n",
        "单位： 某某市财政局 某某市税务局\n日期：2026年1月20日\n",
        "报告单位：某某市财政局 某某市税务局 2026年1月20日\n",
        "落款单位：某某市财政局、某某市税务局（盖章）\n2026年1月20日\n",
    ],
    ids=["spaces", "two_spaces", "pause", "space_after_key", "date_on_its_line", "seal_note"],
)
def test_a_keyed_joint_signature_is_read_as_a_joint_report(signature: str) -> None:
    assert _meta(f"{TITLE}{LONG_BODY}{signature}") == (
        "某某市财政局",
        ("某某市财政局", "某某市税务局"),
    )


def test_a_keyed_joint_signature_is_noted_as_the_unkeyed_one_is() -> None:
    keyed = _codes(f"{TITLE}{LONG_BODY}单位：某某市财政局 某某市税务局\n2026年1月20日\n")
    unkeyed = _codes(f"{TITLE}{LONG_BODY}某某市财政局 某某市税务局\n2026年1月20日\n")
    assert keyed["ORGAN_JOINT"]["signers"] == ["某某市财政局", "某某市税务局"]
    assert keyed["ORGAN_JOINT"]["message"] == unkeyed["ORGAN_JOINT"]["message"]
    assert "ORGAN_NOT_FOUND" not in keyed


def test_a_keyed_joint_signature_under_a_title_naming_the_organ() -> None:
    text = f"某某市税务局{TITLE}{LONG_BODY}单位：某某市财政局、某某市税务局\n2026年1月20日\n"
    assert _meta(text) == ("某某市税务局", ("某某市财政局", "某某市税务局"))


@pytest.mark.parametrize(
    ("signature", "organ"),
    [
        # one organ after its key, as before
        ("单位：某某市财政局\n2026年1月20日\n", "某某市财政局"),
        # an organ's name printed with a space inside: one organ, not two
        ("单位：国家税务总局 某某县税务局\n2026年1月20日\n", "国家税务总局某某县税务局"),
    ],
)
def test_a_keyed_signature_of_one_organ_stays_one(signature: str, organ: str) -> None:
    assert _meta(f"{TITLE}{LONG_BODY}{signature}") == (organ, ())


def test_the_pages_field_under_a_joint_signature_does_not_replace_it() -> None:
    text = (
        f"{TITLE}{LONG_BODY}某某市财政局 某某市税务局\n2026年1月20日\n"
        "发布单位：某某市人民政府办公室 某某市大数据中心\n发布日期：2026-01-21\n"
    )
    assert _meta(text) == ("某某市财政局", ("某某市财政局", "某某市税务局"))
