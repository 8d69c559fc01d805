"""TXT.W001: garbled text in the narrative, found by how the damage is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual import check
from gongkai.annual.check.rules_text import garbled_spots
from tests.annual.check_reports import sound_report, with_section
from tests.annual.seed_sections import seed_report
from tests.conftest import seed_params

CLEAN = "本机关严格落实三审三校制度和保密审查制度，全年主动公开政府信息1234条，未发生泄密事件。"


def garbled(code: str) -> list[str]:
    report = with_section(sound_report(), "1", code)
    return [f.message for f in check(report) if f.code == "TXT.W001"]


def test_clean_text_has_no_finding() -> None:
    assert garbled(CLEAN) == []


@pytest.mark.parametrize(
    ("damaged", "where"),
    [
        (CLEAN.encode("utf-8").decode("gbk", errors="replace"), "第2字起"),  # UTF-8 read as GBK
        (CLEAN.encode("utf-8").decode("cp1252", errors="replace"), "第1字起"),  # as Latin-1
        ("本机关严格落实三审三?!敝贫群捅C軐彶橹贫?全年主动公开", "第11字起"),  # the example
        ("全年主动公开政府信息1234条，其中\ufffd\ufffd规范性文件", "第19字起"),  # U+FFFD
    ],
)
def test_each_kind_of_damage_is_found_with_its_position(damaged: str, where: str) -> None:
    messages = garbled(damaged)
    assert messages, damaged
    assert messages[0].startswith("第一部分“总体情况”" + where + "疑似乱码")


def test_a_long_garbled_paragraph_is_reported_a_few_times_not_per_character() -> None:
    damaged = (CLEAN * 20).encode("utf-8").decode("gbk", errors="replace")
    assert 1 <= len(garbled(damaged)) <= 3


def test_quoted_ascii_and_numbers_are_not_garbled() -> None:
    text = "依据《条例》第二十条（Regulations, Art. 20）公开“政府信息”共1,234条；网址https://example.gov.cn/?a=1。"
    assert garbled_spots(text) == []


GARBLED_IN_SEEDS = {"001": "?!敝贫群"}
"""Real damage in a real report (its “三審三校制度和保密審查制度” came through as mojibake);
every other seed is clean prose and must give no finding."""


@pytest.mark.parametrize("seed", seed_params())
def test_real_reports_are_flagged_only_where_the_text_is_damaged(
    seeds_dir: Path, seed: str
) -> None:
    report = seed_report(seeds_dir, seed)
    found = [f.message for f in check(report) if f.code == "TXT.W001"]
    damage = GARBLED_IN_SEEDS.get(seed[:3])
    if damage is None:
        assert found == []
    else:
        assert len(found) == 1 and damage in found[0]
