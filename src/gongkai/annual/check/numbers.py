"""Numbers as Chinese report texts write them: ``13``, ``十三``, ``两``, ``二〇二三``.

``fold`` brings a narrative text to the form the narrative rules match against:
NFKC (full-width digits and punctuation become ASCII), no white space, doubled commas
collapsed. Traditional characters are not converted here; the parser converts whole
documents before their sections reach the checker.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_DIGITS: Final = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_TEN_THOUSAND: Final = "万"

NUMBER: Final = r"(?:\d+|[零〇○一二两三四五六七八九十百千万]+)"
"""A regular-expression fragment for one count written in digits or Chinese numerals."""

_SPACE = re.compile(r"\s+")
_DOUBLED = re.compile(r"([,，、;；。:：])[,，、;；。:：]+")


def to_int(text: str) -> int | None:
    """The value of ``text`` (digits or Chinese numerals), or ``None`` when it is neither.

    >>> [to_int(t) for t in ("13", "十三", "两", "二十一", "一百零五", "二〇二三", "一万二千")]
    [13, 13, 2, 21, 105, 2023, 12000]
    """
    if not text:
        return None
    if text.isdigit():
        return int(unicodedata.normalize("NFKC", text))
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return _DIGITS[text]
        if "两" in text:  # 两 is never positional
            return None
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        elif ch == _TEN_THOUSAND:
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def fold(text: str) -> str:
    """``text`` as the narrative rules read it (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _SPACE.sub("", folded)
    return _DOUBLED.sub(r"\1", folded)


def fold_lines(text: str) -> list[str]:
    """The lines of ``text``, each folded as ``fold`` does (NFKC runs once over the whole)."""
    folded = unicodedata.normalize("NFKC", text)
    return [_DOUBLED.sub(r"\1", _SPACE.sub("", line)) for line in folded.splitlines()]
