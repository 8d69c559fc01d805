"""Text with HTML tables inside: the Markdown a PDF converter or OCR tool writes when it
keeps each table as ``<table>`` markup (often wrapped, table by table, in its own
``<html><body>``) between the report's lines and ``#`` headings.

Read as a web page, the lines between the tables would run together into one paragraph
(a page's line breaks are spaces) and the six parts would be lost. Instead each table is
read by the HTML reader and every other line as plain text, in order, with the lines'
numbers in the file.
"""

from __future__ import annotations

import dataclasses
import re

from .detect import Decoded
from .document import Document, Grid
from .normalize import looks_traditional, normalize_text
from .read_html import read_html
from .read_text import encoding_notes, strip_markdown, text_lines, traditional_note

_TABLE_TAG_RE = re.compile(r"<(/?)table\b[^>]*>", re.IGNORECASE)
_WRAPPER_RE = re.compile(r"</?(?:html|body|head)\b[^>]*>", re.IGNORECASE)
_OTHER_TAG_RE = re.compile(r"</?[a-zA-Z!][^>\n]*>")
_STARTS_WITH_TAG_RE = re.compile(r"\s*(?:<|$)")
_MIN_LINES = 3


def is_text_with_tables(text: str) -> bool:
    """Whether a document detected as HTML is text whose only markup is tables (and the
    ``<html><body>`` a converter wraps each in): it starts with text, not a tag, and
    holds at least a few lines of text outside its tables."""
    if _STARTS_WITH_TAG_RE.match(text):  # a page (every page read comes here: no copy)
        return False
    segments = _segments(text)
    if not any(is_table for _, _, is_table in segments):
        return False
    outside = "".join(text[a:b] for a, b, is_table in segments if not is_table)
    outside = _WRAPPER_RE.sub("", outside)
    if _OTHER_TAG_RE.search(outside):  # a page's own markup: a web page after some lines
        return False
    return sum(1 for line in outside.split("\n") if line.strip()) >= _MIN_LINES


def read_text_with_tables(decoded: Decoded, source: str) -> Document:
    """The lines as plain text (Markdown stripped), each table as the HTML reader reads it."""
    document = Document(source=source, kind="text")
    document.diagnostics.extend(encoding_notes(decoded, source))
    text = decoded.text
    simplify = looks_traditional(text)
    if simplify:
        document.diagnostics.append(traditional_note(source))
    for start, end, is_table in _segments(text):
        first_line = text.count("\n", 0, start) + 1
        part = text[start:end]
        if not is_table:
            lines = normalize_text(strip_markdown(_WRAPPER_RE.sub("", part)), simplify=simplify)
            document.blocks.extend(text_lines(lines.split("\n"), first=first_line))
            continue
        table = read_html(Decoded(part, decoded.encoding), source)
        said = {note.get("code") for note in document.diagnostics}
        document.diagnostics.extend(n for n in table.diagnostics if n.get("code") not in said)
        for block in table.blocks:
            if isinstance(block, Grid) and block.number is not None:
                block = dataclasses.replace(block, number=block.number + first_line - 1)
            document.blocks.append(block)
    return document


def _segments(text: str) -> list[tuple[int, int, bool]]:
    """``(start, end, is_table)`` spans covering the text: each outermost ``<table>``
    element (nested tables inside it) and the text between them. An unclosed table runs
    to the end."""
    spans: list[tuple[int, int, bool]] = []
    depth = 0
    at = 0
    table_start = 0
    for match in _TABLE_TAG_RE.finditer(text):
        closing = match.group(1) == "/"
        if not closing:
            if depth == 0:
                if match.start() > at:
                    spans.append((at, match.start(), False))
                table_start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((table_start, match.end(), True))
                at = match.end()
    if depth:
        spans.append((table_start, len(text), True))
    elif at < len(text):
        spans.append((at, len(text), False))
    return spans
