"""What a web page's elements are to the reader, and what it collects from them.

Shared by the two ways a page is read: the tree lxml builds (``read_html``) and the scan
of the common page's markup that builds none (``html_scan``). Both collect the same
``Collector``: the page's raw texts in reading order, and the lines and tables they make.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "select",
        "option",
        "button",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "head",
        "input",
        "textarea",
        "map",
    }
)
"""Elements whose content is never the report's text. Not ``form``: an ASP.NET page wraps
its whole body in one (``<form id="form1" runat="server">``); a search form's inputs,
buttons and options are skipped one by one."""
UNSHOWN = frozenset({"noscript", "template", "textarea"})
"""Skipped elements that may hold the page's only copy of the report, for a script to
show: read when the shown page has no report (``read_html``)."""
PAGE_FRAME = frozenset({"header", "footer"})
SECTIONING = frozenset({"article", "main", "section"})
"""Elements whose ``<header>`` and ``<footer>`` are their own (an article's title, its
signature), not the page's frame."""
BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "tr",
        "td",
        "th",
        "table",
        "caption",
        "center",
        "address",
        "figure",
        "figcaption",
        "body",
        "html",
        "title",
        "tbody",
        "thead",
        "tfoot",
    }
)
CLUTTER_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|footer|foot|"
    r"sidebar|share|toolbar|topbar|login|copyright|friendlinks?|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")
SCRIPT_TABLES = ("<table", "\\u003ctable", "\\u003Ctable", "\\x3ctable", "&lt;table")
"""How a table's markup appears inside a script's string (as is, or escaped)."""


REPORT_MARKS = ("本年新收", "申请人情况", "第二十条第")
"""Words of the form's tables that no menu, footer or share bar prints."""


def marks_report(text: str) -> bool:
    return any(mark in text for mark in REPORT_MARKS)


NOT_IN_CELL = frozenset({"script", "style", "sup"})
"""What a cell's text leaves out: ``<sup>`` is a footnote mark after a label or figure
(``12<sup>注1</sup>``; the form's tables print no powers)."""


class Table(NamedTuple):
    """A table's cells as indexes into ``Collector.texts``: its first cell, the number of
    cells of each row, and the spans of the cells that print ``rowspan``/``colspan``."""

    first: int
    widths: list[int]
    spans: dict[int, tuple[int, int]]


@dataclass
class Collector:
    """Raw (not yet normalised) texts, and the lines and tables they make in reading order.

    Every paragraph is one text and every table cell one text of ``texts``, in reading
    order, so that the whole page is normalised in one pass."""

    texts: list[str] = field(default_factory=list)
    blocks: list[tuple[int | Table, int | None]] = field(default_factory=list)
    """A paragraph (the index of its text) or a table, with its source line."""
    pieces: list[str] = field(default_factory=list)
    line: int | None = None
    spans: bool = True
    """Whether the page has merged cells anywhere (``rowspan``, ``colspan``)."""
    word_lists: bool = False
    """Whether the page is a Word export with list numbers (``mso-list:Ignore``)."""
    hides: bool = False
    """Whether the page may hide an element inline (``display:none``, ``hidden``)."""
    show_hidden: bool = False
    """Read what the page hides too (its only copy of the report is hidden)."""
    dropped_hidden: bool = False
    """Whether an element was left out because the page hides it."""
    script_markup: bool = False
    """Whether a script holds a table's markup as data (perhaps escaped beyond a search
    for the report's words)."""
    stored_numbers: bool = False
    """Whether the page is an Excel export whose cells keep their values (``x:num``)."""

    def text(self, text: str | None, line: int | None) -> None:
        if text:
            if self.line is None and text.strip():
                self.line = line
            self.pieces.append(text)

    def flush(self) -> None:
        if self.pieces:
            text = collapse_spaces("".join(self.pieces))
            if text:
                self.blocks.append((len(self.texts), self.line))
                self.texts.append(text)
        self.pieces = []
        self.line = None

    def raw_line(self, text: str, line: int | None) -> None:
        self.flush()
        self.blocks.append((len(self.texts), line))
        self.texts.append(text)


def collapse_spaces(text: str) -> str:
    """``text`` with every run of ASCII white space as one space, trimmed: a paragraph
    of Chinese text usually has none but single spaces, and a few substring searches (in
    C, at memory speed) cost far less than the regex's test of every character."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = SPACE_RE.sub(" ", text)
    return text.strip()
