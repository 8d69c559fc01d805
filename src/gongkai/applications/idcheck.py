"""The 18-digit resident identity number (GB 11643-1999): shape, birth date, check digit.

Plain Python (no Django). Organisations are checked by the platform's 统一社会信用代码
validator, not here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final

WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS: Final = "10X98765432"
_SHAPE = re.compile(r"^[1-9]\d{16}[0-9X]$")


class InvalidIdentity(ValueError):
    """The number is not a valid resident identity number; the message says why (Chinese)."""


def check_digit(first17: str) -> str:
    """The check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def validate_resident_id(value: str, *, today: date | None = None) -> str:
    """The number normalised (upper-case X, no spaces), or ``InvalidIdentity``."""
    number = value.strip().replace(" ", "").upper()
    if len(number) != 18:
        raise InvalidIdentity(f"居民身份证号码应为18位，输入的是{len(number)}位")
    if not _SHAPE.match(number):
        raise InvalidIdentity("居民身份证号码应为17位数字加1位数字或X，且首位不能为0")
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise InvalidIdentity(f"居民身份证号码中的出生日期“{number[6:14]}”不是有效日期") from None
    if born.year < 1900 or (today is not None and born > today):
        raise InvalidIdentity(f"居民身份证号码中的出生日期“{number[6:14]}”不合理")
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise InvalidIdentity(
            f"居民身份证号码校验位不正确：最后一位应为“{expected}”，输入的是“{number[17]}”"
        )
    return number
