"""The 18-digit resident identity number."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.applications.idcheck import InvalidIdentity, check_digit, validate_resident_id

# GB 11643-1999 appendix example.
VALID = "11010519491231002X"


def test_the_standards_example_is_valid_and_normalised() -> None:
    assert validate_resident_id(" 11010519491231002x ") == VALID
    assert check_digit(VALID[:17]) == "X"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1101051949123100", "居民身份证号码应为18位，输入的是16位"),
        ("01010519491231002X", "居民身份证号码应为17位数字加1位数字或X，且首位不能为0"),
        ("1101051949123100AX", "居民身份证号码应为17位数字加1位数字或X，且首位不能为0"),
        ("110105194913310029", "居民身份证号码中的出生日期“19491331”不是有效日期"),
        ("110105180001010029", "居民身份证号码中的出生日期“18000101”不合理"),
        (
            "110105194912310021",
            "居民身份证号码校验位不正确：最后一位应为“X”，输入的是“1”",
        ),
    ],
)
def test_bad_numbers_are_refused_with_the_reason(value: str, message: str) -> None:
    with pytest.raises(InvalidIdentity) as info:
        validate_resident_id(value)
    assert str(info.value) == message


def test_a_birth_date_in_the_future_is_refused() -> None:
    number = "11010520300101" + "001"
    number += check_digit(number)
    assert validate_resident_id(number) == number
    with pytest.raises(InvalidIdentity, match="不合理"):
        validate_resident_id(number, today=date(2026, 1, 1))
