"""Personal data that must not be published: ID card numbers (with their check digit),
mobile numbers, bank card numbers (Luhn), and the admin's sensitive words."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date

_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![\d.])1[3-9]\d{9}(?![\d.])")
_CARD_RE = re.compile(r"(?<![\d.])(?:[456]\d{3})(?:[ -]?\d{4}){2}[ -]?\d{4,7}(?![\d.])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def valid_id(number: str) -> bool:
    """GB 11643: the 18th character is the check of the first 17; the birth date is real."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS, strict=True))
    if _CHECK[total % 11] != number[17].upper():
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2100


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def id_numbers(text: str) -> Iterator[str]:
    for m in _ID_RE.finditer(text):
        if valid_id(m.group(0)):
            yield m.group(0)


def mobiles(text: str) -> Iterator[str]:
    yield from (m.group(0) for m in _MOBILE_RE.finditer(text))


def cards(text: str) -> Iterator[str]:
    for m in _CARD_RE.finditer(text):
        digits = re.sub(r"[ -]", "", m.group(0))
        if 16 <= len(digits) <= 19 and luhn(digits) and not valid_id(digits[:18]):
            yield m.group(0)


def words_in(text: str, words: Sequence[str]) -> list[str]:
    return [w for w in words if w and w in text]


def masked(found: str) -> str:
    """What the problem list shows of a found number: its first and last characters."""
    return found[:3] + "*" * max(0, len(found) - 7) + found[-4:] if len(found) > 7 else "***"


def found_in(text: str) -> list[str]:
    """What a reviewer is shown before publishing: each kind found, numbers masked."""
    out = []
    for what, hits in (
        ("居民身份证号码", id_numbers(text)),
        ("手机号码", mobiles(text)),
        ("银行卡号", cards(text)),
    ):
        shown = sorted({masked(h) for h in hits})
        if shown:
            out.append(f"{what}{len(shown)}个（{'、'.join(shown)}）")
    return out
