"""Organ: a report two organs sign together, and a title printed (wholly or in one
character) in traditional characters inside a simplified document."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.meta import read_meta, simplified
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings

BODY = "一、总体情况\n2024年，依法做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n"
UNTITLED = "2024年政府信息公开工作年度报告\n" + BODY


def _meta(text: str) -> tuple[str | None, int | None, tuple[str, ...]]:
    rows = document_rows(read_document(text.encode(), "样本.txt"))
    meta = read_meta(rows, find_headings(rows))
    return meta.organ, meta.year, meta.signers


def _codes(text: str) -> dict[str, dict[str, object]]:
    report = parse_bytes(text.encode(), "样本.txt")
    return {str(d["code"]): d for d in report.diagnostics or ()}


@pytest.mark.parametrize(
    "signature",
    [
        "青禾市交通运输局\n青禾市公路事业发展中心\n2025年1月20日\n",
        "青禾市交通运输局\n青禾市公路事业发展中心\n2025年1月20日\n（此件主动公开）\n",
        "青禾市交通运输局    青禾市公路事业发展中心\n2025年1月20日\n",
        "青禾市交通运输局 青禾市公路事业发展中心 2025年1月20日\n",
    ],
    ids=["two_lines", "two_lines_and_a_note", "one_line_apart", "one_line_with_the_date"],
)
def test_without_an_organ_in_the_title_the_first_signer_is_the_organ(signature: str) -> None:
    assert _meta(UNTITLED + signature) == (
        "青禾市交通运输局",
        2024,
        ("青禾市交通运输局", "青禾市公路事业发展中心"),
    )


def test_the_county_government_office_above_a_bureau_signs_first() -> None:
    organ, _, signers = _meta(UNTITLED + "青禾县人民政府办公室\n青禾县财政局\n2025年1月20日\n")
    assert organ == "青禾县人民政府办公室"
    assert signers == ("青禾县人民政府办公室", "青禾县财政局")


def test_the_organ_the_title_names_wins_over_the_first_signer() -> None:
    text = "青禾县财政局2024年政府信息公开工作年度报告\n" + BODY
    organ, _, signers = _meta(text + "青禾县人民政府办公室\n青禾县财政局\n2025年1月20日\n")
    assert organ == "青禾县财政局"
    assert signers == ("青禾县人民政府办公室", "青禾县财政局")


def test_a_joint_signature_is_noted_with_its_organs() -> None:
    found = _codes(UNTITLED + "青禾县人民政府办公室\n青禾县财政局\n2025年1月20日\n")
    note = found["ORGAN_JOINT"]
    assert note["signers"] == ["青禾县人民政府办公室", "青禾县财政局"]
    assert "青禾县人民政府办公室" in str(note["message"])
    assert "ORGAN_SPELLING" not in found


@pytest.mark.parametrize(
    "signature",
    [
        "青禾县财政局\n2025年1月20日\n",
        # an organ's name wrapped over two lines, the first naming no place
        "国家税务总局\n青禾县税务局\n2025年1月20日\n",
        # the same organ printed twice (a seal's caption and the signature)
        "青禾县财政局\n青禾县财政局\n2025年1月20日\n",
        # the last sentence above the signature
        "特此报告。\n青禾县财政局\n2025年1月20日\n",
    ],
    ids=["one", "wrapped_name", "twice", "sentence_above"],
)
def test_one_signer_is_not_a_joint_signature(signature: str) -> None:
    _, _, signers = _meta(UNTITLED + signature)
    assert signers == ()
    assert "ORGAN_JOINT" not in _codes(UNTITLED + signature)


def test_a_place_and_its_government_on_one_line_are_one_signer() -> None:
    organ, _, signers = _meta(UNTITLED + "青禾县白石镇 人民政府\n2025年1月20日\n")
    assert signers == ()
    assert organ == "青禾县白石镇人民政府"


@pytest.mark.parametrize(
    ("title", "organ"),
    [
        ("青禾縣財政局2024年政府信息公開工作年度報告", "青禾县财政局"),
        ("青禾市發展和改革委員會2024年政府信息公开工作年度报告", "青禾市发展和改革委员会"),
        # one character left in traditional form by a converter
        ("青禾市交通運输局2024年政府信息公开工作年度报告", "青禾市交通运输局"),
        ("青禾縣2024年政府信息公開工作年度報告", "青禾县人民政府"),
    ],
)
def test_a_title_in_traditional_characters_names_the_organ_in_simplified(
    title: str, organ: str
) -> None:
    text = title + "\n" + BODY + "2025年1月20日\n"
    assert _meta(text)[:2] == (organ, 2024)


def test_a_signature_in_traditional_characters_matches_the_simplified_title() -> None:
    text = "青禾市交通运输局2024年政府信息公开工作年度报告\n" + BODY
    found = _codes(text + "青禾市交通運輸局\n2025年1月20日\n")
    assert "ORGAN_SPELLING" not in found


def test_simplified_keeps_place_names_that_print_qian() -> None:
    assert simplified("乾县人民政府") == "乾县人民政府"
    assert simplified("乾縣財政局") == "乾县财政局"
    assert simplified("青禾县财政局") == "青禾县财政局"


@pytest.mark.parametrize(
    "footer",
    [
        "主办单位 青禾县人民政府办公室\n",
        "青禾县人民政府办公室主办\n",
        "青禾县人民政府 版权所有\n",
        "主办：青禾县人民政府办公室 承办：青禾县大数据中心\n",
    ],
)
def test_the_sites_footer_after_the_signature_names_the_site_not_the_organ(footer: str) -> None:
    assert _meta(UNTITLED + "青禾县财政局\n2025年1月20日\n" + footer) == ("青禾县财政局", 2024, ())


def test_on_a_page_flattened_to_one_line_the_dated_signature_before_the_footer_counts() -> None:
    text = "2024年政府信息公开工作年度报告 一、总体情况 依法公开。 六、其他需要报告的事项 无。"
    assert _meta(text + " 青禾县财政局 2025年1月20日 版权所有 青禾县人民政府\n")[0] == (
        "青禾县财政局"
    )


@pytest.mark.parametrize(
    "signature",
    [
        "青禾县财政局\n青禾县统计局\n2025年1月\n",  # dated by the month only
        "青禾县财政局、青禾县统计局\n2025年1月20日\n",  # on one line apart by 、
    ],
)
def test_a_joint_signature_dated_by_month_or_listed_with_a_pause_mark(signature: str) -> None:
    assert _meta(UNTITLED + signature) == ("青禾县财政局", 2024, ("青禾县财政局", "青禾县统计局"))
