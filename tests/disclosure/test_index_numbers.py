"""索引号 patterns and the 统一社会信用代码 they start with."""

from __future__ import annotations

import pytest

from gongkai.disclosure.index_numbers import IndexPattern, PatternError, credit_code_problem


def test_default_pattern_gives_the_seed_number() -> None:
    pattern = IndexPattern.parse()
    number = pattern.format(code="11330524MB15359635", year=2024, serial=7)
    assert number == "11330524MB15359635/2024-00007"
    assert pattern.read(number) == {"code": "11330524MB15359635", "year": "2024", "serial": "00007"}
    assert pattern.yearly and pattern.scope_year(2024) == 2024


def test_pattern_without_year_counts_across_years() -> None:
    pattern = IndexPattern.parse("{code}-{serial:06d}")
    assert not pattern.yearly
    assert pattern.scope_year(2024) == pattern.scope_year(2025) == 0
    assert pattern.format(code="X", year=2024, serial=12) == "X-000012"


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{统一社会信用代码}/{year}", "缺少流水号 {serial}：没有流水号，索引号会重复"),
        ("{code}/{yr}-{serial}", "中的“{yr}”无法识别"),
        ("{code}/{serial}-{serial}", "中“{serial}”出现了两次"),
        ("{code}/{serial:x}", "中流水号格式“x”无效：应如“05d”"),
        ("{code}/{serial", "的花括号不配对"),
    ],
)
def test_bad_patterns_are_refused(template: str, message: str) -> None:
    with pytest.raises(PatternError) as err:
        IndexPattern.parse(template)
    assert message in str(err.value)
    assert f"索引号规则“{template}”" in str(err.value)


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("11330524MB15359635", None),
        ("11330524MB15359636", "统一社会信用代码“11330524MB15359636”的校验位应为“5”，实际为“6”"),
        ("1133052", "统一社会信用代码“1133052”应为18位，实际为7位"),
        (
            "11330524MB1535963I",
            "统一社会信用代码“11330524MB1535963I”含有不允许的字符“I”（不使用 I、O、Z、S、V）",
        ),
    ],
)
def test_credit_code_check_digit(code: str, problem: str | None) -> None:
    assert credit_code_problem(code) == problem
