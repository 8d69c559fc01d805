"""文号 of the notices to applicants: one series per organ and year, never reused.

The organ sets the pattern (``Organ.notice_number_pattern``) with ``{年}`` for the year and
``{号}`` for the serial, e.g. ``示范区发改〔{年}〕依申请第{号}号``; a blank pattern gives
``<机关简称>〔年度〕依申请第N号``. Serials come from ``DocumentSequence`` under a row lock,
like the case numbers: a serial handed out is never handed out again (a transaction that
rolls back may leave a gap, never a repeat).
"""

from __future__ import annotations

import re
from typing import Any, Final

from django.db.models import F

YEAR: Final = "{年}"
SERIAL: Final = "{号}"
DEFAULT_PATTERN: Final = "{简称}〔{年}〕依申请第{号}号"
"""What a blank pattern stands for (``{简称}``: the organ's short name)."""
MAX_LENGTH: Final = 100
"""``Notice.document_number`` holds at most this many characters."""

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def pattern_problems(pattern: str) -> list[str]:
    """Why ``pattern`` cannot number notices (empty when it can; a blank pattern can)."""
    text = pattern.strip()
    if not text:
        return []
    problems = []
    unknown = sorted({p for p in _PLACEHOLDER.findall(text) if p not in (YEAR, SERIAL)})
    if unknown:
        problems.append(f"只能使用“{YEAR}”和“{SERIAL}”，读到“{'”“'.join(unknown)}”")
    if text.count(SERIAL) != 1:
        problems.append(
            f"应含一个“{SERIAL}”（序号），读到{text.count(SERIAL)}个"
            "：如 示范区发改〔{年}〕依申请第{号}号"
        )
    if YEAR not in text:
        problems.append(f"应含“{YEAR}”（年度）：序号每年从1起编，文号须带年度才不会重复")
    leftover = _PLACEHOLDER.sub("", text)
    if "{" in leftover or "}" in leftover:
        problems.append("中的花括号只用于“{年}”和“{号}”，请删除多余的“{”或“}”")
    if not problems and len(format_number(text, "", 2026, 999999)) > MAX_LENGTH:
        problems.append(f"过长：生成的文号不能超过{MAX_LENGTH}个字，请缩短")
    return problems


def format_number(pattern: str, short_name: str, year: int, serial: int) -> str:
    """The 文号 for ``serial`` of ``year`` under ``pattern`` (blank: the default)."""
    text = pattern.strip() or DEFAULT_PATTERN.replace("{简称}", short_name.strip())
    return text.replace(YEAR, str(year)).replace(SERIAL, str(serial))


def number_for(organ: Any, year: int, serial: int) -> str:
    """The organ's 文号 for ``serial`` of ``year`` (the default pattern when its own is
    blank or unusable: a notice is never held up by a bad setting)."""
    pattern = str(getattr(organ, "notice_number_pattern", "") or "")
    if pattern_problems(pattern):
        pattern = ""
    return format_number(pattern, organ.short_name, year, serial)[:MAX_LENGTH]


def allocate(organ: Any, year: int) -> str:
    """The next 文号 of ``organ`` for ``year`` (call inside a transaction)."""
    from .models import DocumentSequence

    seq, _ = DocumentSequence.objects.select_for_update().get_or_create(organ=organ, year=year)
    DocumentSequence.objects.filter(pk=seq.pk).update(last=F("last") + 1)
    seq.refresh_from_db(fields=["last"])
    return number_for(organ, year, seq.last)
