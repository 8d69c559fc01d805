"""统一社会信用代码 validation (GB 32100-2015)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from gongkai.organs.uscc import check_digit, problems, validate_uscc

# Published codes: 国务院办公厅's, and the example printed in GB 32100-2015.
REAL_CODES = [
    "11100000000013127D",
    "91350100M000100Y43",
]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code: str) -> None:
    assert problems(code) == []
    validate_uscc(code)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("1110000000001312", "统一社会信用代码应为18位，读到16位"),
        ("11100000000013127E", "校验码（第18位）应为“D”，读到“E”，请核对代码是否抄错"),
        (
            "1110000000001312IO",
            "第17位“I”不是统一社会信用代码允许的字符（数字或除 I、O、S、V、Z 以外的大写字母）",
        ),
    ],
)
def test_invalid_codes_name_the_problem(code: str, message: str) -> None:
    assert problems(code)[0] == message
    with pytest.raises(ValidationError) as info:
        validate_uscc(code)
    assert info.value.code == "invalid_uscc"
    assert message in info.value.messages[0]


def test_every_single_character_change_is_caught() -> None:
    """The check digit catches every one-character substitution in the first 17 positions."""
    code = "11100000000013127D"
    for position in range(17):
        for replacement in "0123456789ABCDEFGHJKLMNPQRTUWXY":
            if replacement == code[position]:
                continue
            changed = code[:position] + replacement + code[position + 1 : 17]
            assert check_digit(changed) != "D", (position, replacement)
