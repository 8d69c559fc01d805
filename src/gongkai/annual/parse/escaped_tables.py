"""Tables a web page shows as their own markup: ``&lt;table&gt;…&lt;/table&gt;``.

A CMS that escapes what an editor pasted prints the table's tags as text (``<table
border="1"><tr><td>规章</td>…``) instead of the table. The markup is all there, escaped
once more than it should be: each such run, from ``&lt;table`` to ``&lt;/table&gt;``, is
unescaped and read as the table it describes, and ``TABLE_MARKUP_ESCAPED`` (info) says so.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import Final

from .detect import Decoded

_ESCAPED_TABLE_RE: Final = re.compile(r"&lt;table\b.*?&lt;/table\s*&gt;", re.IGNORECASE | re.DOTALL)
_HINT: Final = "&lt;"


def _shown(text: str) -> list[re.Match[str]]:
    """The escaped tables of ``text`` shown as text: not inside a tag, where an attribute
    (an iframe's ``srcdoc``) holds markup escaped as it should be, nor inside a
    ``<textarea>`` or ``<script>``, whose content is markup kept for a script to show
    (read as such where the page is read)."""
    lowered = text.lower() if "<" in text else text
    return [
        m
        for m in _ESCAPED_TABLE_RE.finditer(text)
        if text.rfind("<", 0, m.start()) <= text.rfind(">", 0, m.start())
        and not any(_inside(lowered, m.start(), name) for name in _RAW_TEXT)
    ]


_RAW_TEXT: Final = ("textarea", "script")


def _inside(lowered: str, at: int, name: str) -> bool:
    return lowered.rfind(f"<{name}", 0, at) > lowered.rfind(f"</{name}", 0, at)


def may_hold_escaped_tables(text: str) -> bool:
    """Whether ``text`` shows a table's markup as text (a cheap look first: most pages
    have no escaped ``<`` at all)."""
    return _HINT in text and bool(_shown(text))


def unescape_tables(decoded: Decoded) -> tuple[Decoded, int]:
    """``decoded`` with each escaped table shown as text unescaped, and how many there
    were."""
    text = decoded.text
    found = _shown(text)
    pieces: list[str] = []
    at = 0
    for m in found:
        pieces += [text[at : m.start()], html.unescape(m.group(0))]
        at = m.end()
    pieces.append(text[at:])
    return replace(decoded, text="".join(pieces), utf8=None), len(found)


def escaped_tables_note(count: int, source: str) -> dict[str, object]:
    return {
        "code": "TABLE_MARKUP_ESCAPED",
        "severity": "info",
        "message": f"{source}：页面把 {count} 张表格的标记当作文字显示（“&lt;table&gt;”），"
        "已按标记还原为表格读取，请核对",
        "tables": count,
    }
