"""Plain text (UTF-8, GB18030/GBK, Big5, UTF-16) → ``Document`` of numbered lines.

Tables in plain text stay inside the lines (``|`` or tab separated, or one cell per line);
the recognizer rebuilds them. This reader only normalises the text, drops blank lines and
page numbers, and joins vertical labels printed one character per line.

Text that went through a web-to-Markdown converter (the usual shape of crawled pages)
loses its Markdown: heading marks (``## 一、总体情况``), bold (``**…**``), the rule
lines under a table's first row (``| --- | --- |``, ``---|---``), grid-table borders
(``+-----+-----+``) and horizontal rules. A rule line is blanked, not removed, so line
numbers stay those of the file. The inline tags a converter leaves in a Markdown table
(``行政规范性<br>文件``, ``<span>``) are taken out: a ``<br>`` becomes a space, which labels
ignore and which keeps two numbers apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .detect import Decoded
from .document import Document, Line
from .normalize import (
    glyph_codes,
    is_page_number,
    is_vertical_piece,
    looks_traditional,
    normalize_text,
)

ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8（带 BOM）",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    "gb18030": "GB18030（GBK）",
    "big5hkscs": "Big5",
}


_MD_HEADING_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_MD_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
# Matched against a line stripped of its outer spaces: a "^[ \t]*" before the
# alternatives would try every split of a long run of spaces between it and the first
# "[ \t]*" inside them (quadratic: 20,000 spaces took 8 s, 200,000 nine minutes)
_MD_RULE_RE = re.compile(
    r"\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?)?"  # | --- | --- |
    r"|:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)+"  # ---|---
    r"|\+(?:[-=]{3,}\+)+"  # +-----+-----+
    r"|-{3,}|\*{3,}|(?:\*[ \t]){2,}\*|_{3,}"  # horizontal rules
)


_INLINE_TAG_RE = re.compile(r"<br\s*/?>|</?span(?:\s[^<>\n]*)?>|&nbsp;", re.IGNORECASE)


def strip_markdown(text: str) -> str:
    """Text without Markdown marks (see the module docstring); line breaks are kept."""
    if "<" in text or "&nbsp;" in text:
        text = _INLINE_TAG_RE.sub(" ", text)
    if "#" in text:
        text = _MD_HEADING_RE.sub("", text)
    if "**" in text or "__" in text:
        text = _MD_BOLD_RE.sub(_bold_text, text)
    if "---" in text or "***" in text or "* *" in text or "___" in text:
        lines = text.split("\n")
        for number, line in enumerate(lines):
            if _MD_RULE_RE.fullmatch(line.strip(" \t")):
                lines[number] = ""
        text = "\n".join(lines)
    return text


def _bold_text(match: re.Match[str]) -> str:
    return match.group(1) or match.group(2)


def read_text(decoded: Decoded, source: str) -> Document:
    """A decoded plain-text document as numbered, normalised lines."""
    document = Document(source=source, kind="text")
    document.diagnostics.extend(encoding_notes(decoded, source))
    glyphs = glyph_codes(decoded.text)
    if glyphs:
        document.diagnostics.append(
            {
                "code": "GLYPHS_UNMAPPED",
                "severity": "info",
                "message": f"{source}：有 {glyphs} 处字形无法映射为文字（转换工具印作 (cid:N)），"
                "各按一个未知字 � 读取",
            }
        )
    simplify = looks_traditional(decoded.text)
    if simplify:
        document.diagnostics.append(traditional_note(source))
    text = normalize_text(strip_markdown(decoded.text), simplify=simplify)
    document.blocks.extend(text_lines(text.split("\n")))
    return document


def text_lines(raw: Iterable[str], *, first: int = 1, page: int | None = None) -> list[Line]:
    """Numbered lines without blanks and page numbers; vertical one-character lines joined.

    ``raw`` are already normalised lines; ``first`` is the number of the first of them.
    """
    return numbered_lines(enumerate(raw, start=first), page=page)


def numbered_lines(raw: Iterable[tuple[int | None, str]], *, page: int | None = None) -> list[Line]:
    """Like ``text_lines`` for lines that carry their own numbers (or ``None``)."""
    lines: list[Line] = []
    pending: list[tuple[int | None, str]] = []
    for number, text in raw:
        stripped = text.strip()
        if not stripped:
            continue
        if len(stripped) == 1 and is_vertical_piece(stripped):
            pending.append((number, stripped))
            continue
        if len(stripped) <= 24 and "|" not in stripped and is_page_number(stripped):
            continue  # (no page number holds "|": table lines skip the pattern)
        if pending:
            _flush(pending, lines, page)
        lines.append(Line(text, number, page))
    _flush(pending, lines, page)
    return lines


def _flush(pending: list[tuple[int | None, str]], lines: list[Line], page: int | None) -> None:
    """The one-character lines ``pending`` joined as one line of ``lines``; ``pending``
    emptied. (A function, not a closure: compiled, a closure and the function that made
    it refer to each other, so the lines would wait for the garbage collector.)"""
    if len(pending) >= 2:
        lines.append(Line("".join([c for _, c in pending]), pending[0][0], page))
    elif pending:
        lines.append(Line(pending[0][1], pending[0][0], page))
    pending.clear()


def encoding_notes(decoded: Decoded, source: str) -> list[dict[str, object]]:
    """Diagnostics about how the bytes were decoded (nothing for plain UTF-8)."""
    notes: list[dict[str, object]] = []
    name = ENCODING_NAMES.get(decoded.encoding, decoded.encoding)
    if decoded.encoding not in ("utf-8", "utf-8-sig"):
        notes.append(
            {
                "code": "ENCODING",
                "severity": "info",
                "message": f"{source}：不是 UTF-8 编码，按 {name} 读取",
                "encoding": name,
            }
        )
    if decoded.replaced:
        notes.append(
            {
                "code": "DECODE_REPLACED",
                "severity": "warning",
                "message": f"{source}：有 {decoded.replaced} 处字节无法按 {name} 解码，已替换为 �",
            }
        )
    return notes


def traditional_note(source: str) -> dict[str, object]:
    return {
        "code": "TRADITIONAL",
        "severity": "info",
        "message": f"{source}：文档为繁体字，已转换为简体后识别",
    }
