"""A crude splitter of the seed texts into their six sections, for calibrating the checker.

Not a parser: it converts traditional characters (opencc), drops the pinyin some copies
carry ("数(shù)据"), collapses doubled punctuation, and cuts the text at the lines that
open with the next expected section numeral (一、 … 六、) and name that section.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from gongkai.annual import AnnualReport
from gongkai.annual import schema as s

_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
_DOUBLED = re.compile(r"([,，、;；。:：])[,，、;；。:：]+")


def _simplified(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("t2s").convert(text))


def split_sections(text: str) -> dict[str, str]:
    text = _DOUBLED.sub(r"\1", _PINYIN.sub("", _simplified(text)))
    sections: dict[str, list[str]] = {}
    current: str | None = None
    pending = list(s.SECTIONS)
    for line in text.splitlines():
        head = re.sub(r"\s+", "", line)
        if pending and re.match(f"{pending[0].numeral}[、,，]", head):
            section = pending[0]
            folded = s.normalize_label(head).replace(",", "、")
            named = any(v in folded for v in section.variants)
            if named or section.key == "1":
                current = section.key
                sections[current] = []
                pending.pop(0)
                continue
        if current is not None:
            sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def seed_report(seeds: Path, seed: str) -> AnnualReport:
    """The expected tables of a seed with the section texts of its document."""
    report = AnnualReport.load(seeds / "expected" / f"{seed}.json")
    text = (seeds / f"{seed}.txt").read_text("utf-8")
    return replace(report, sections=split_sections(text))
