"""Garbled text in the narrative: what copying between encodings leaves behind.

Three signs, each found by a rule that follows how the damage is made rather than by a
list of bad strings:

- the replacement character U+FFFD (bytes a reader could not decode);
- UTF-8 read as GBK: the run of Chinese characters, encoded back to GBK, is mostly valid
  UTF-8 of other Chinese characters. Real prose almost never is (GBK's byte ranges make
  that rare): over the five seed reports no run of six or more characters scores above
  0.4, while every garbled run scores 0.6 or more;
- UTF-8 read as Latin-1 or Windows-1252: pairs and triples such as “å¹´”, a lead byte
  of U+00C2–U+00EF followed by continuation bytes.

An ASCII “?” between two Chinese characters (a character the copy lost) is the fourth.
"""

from __future__ import annotations

import re
from typing import Final

from .. import schema as s
from ..findings import Finding, Severity
from ..model import AnnualReport
from .base import Check, Context, emit, rule

GARBLED = rule(
    "TXT.W001",
    Severity.WARNING,
    "正文乱码",
    "正文中出现替换字符“\ufffd”、UTF-8 文字被当作 GBK 或 Latin-1 读取产生的乱码，"
    "或汉字之间的半角问号（复制时丢失的字）。",
)

RULES = (GARBLED,)

_CJK_RUN: Final = re.compile(r"[\u4e00-\u9fff]{4,}")
_CONTINUATION: Final = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
"""What UTF-8 continuation bytes (0x80–0xBF) look like in Latin-1 and Windows-1252."""
_LATIN1: Final = re.compile(rf"(?:[\u00c2-\u00ef][{_CONTINUATION}]{{1,2}}){{2,}}")
_LOST: Final = re.compile(r"(?<=[\u4e00-\u9fff])\?+(?=[\u4e00-\u9fff!])")
MOJIBAKE_SCORE: Final = 0.6
SHOWN_PER_SECTION: Final = 3
HINT: Final = "请从原始文档重新复制这段文字（或以正确的编码打开后再复制），核对后替换。"


def gbk_mojibake_score(run: str) -> float:
    """How much of ``run``, encoded as GBK, decodes as UTF-8 Chinese (0 to 1)."""
    raw = run.encode("gbk", errors="ignore")
    if not raw:
        return 0.0
    decoded = raw.decode("utf-8", errors="replace")
    chinese = sum(1 for ch in decoded if "\u4e00" <= ch <= "\u9fff")
    return chinese * 3 / len(raw)


def garbled_spots(text: str) -> list[tuple[int, str]]:
    """(position, excerpt) of each garbled spot in ``text``, in order, overlaps merged."""
    spots: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "\ufffd":
            spots.append((i, i + 1))
    spots += [(m.start(), m.end()) for m in _LATIN1.finditer(text)]
    spots += [(m.start(), m.end()) for m in _LOST.finditer(text)]
    spots += [
        (m.start(), m.end())
        for m in _CJK_RUN.finditer(text)
        if gbk_mojibake_score(m.group()) >= MOJIBAKE_SCORE
    ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spots):
        if merged and start <= merged[-1][1] + 2:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [(start, text[max(0, start - 4) : end + 4]) for start, end in merged]


def check_text(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    for sec in s.SECTIONS:
        text = (report.sections or {}).get(sec.key)
        if not text:
            continue
        for position, excerpt in garbled_spots(text)[:SHOWN_PER_SECTION]:
            emit(
                out,
                GARBLED,
                f"第{sec.numeral}部分“{sec.title}”第{position + 1}字起疑似乱码：“{excerpt.strip()}”。",
                hint=HINT,
                data={"section": sec.key, "position": position + 1},
            )


CHECKS: tuple[Check, ...] = (check_text,)
