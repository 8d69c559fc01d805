"""The common web page read from its markup, without building its tree.

``scan_page`` collects what ``read_html``'s walk of lxml's tree collects (the same texts,
lines, tables and source lines), in one pass over the markup: building the tree and
walking it element by element through lxml's Python API cost most of an HTML report's
read. It reads the pages whose tree it can tell for certain from their tags: one
``<body>``, tables that hold no tables and whose cells sit in rows, end tags that close
what is open. A page it cannot tell for certain (a Word export's list numbers, cells
that print values they keep elsewhere, rows a page may hide, a script that writes the
page, markup after ``</html>``, an end tag nothing opened…) gets ``None``: ``read_html``
then builds the tree. It follows libxml2's HTML parser as of 2.14, whose tokenizer is
HTML5's (``SCANS``: older versions build the tree every time); the tests compare the two
readings over every page the project holds and over generated ones.
"""

from __future__ import annotations

import html
import re

import lxml.etree

from .html_blocks import (
    BLOCK,
    CLUTTER_RE,
    NOT_IN_CELL,
    PAGE_FRAME,
    REPORT_MARKS,
    SCRIPT_TABLES,
    SECTIONING,
    SKIP,
    Collector,
    Table,
    collapse_spaces,
    marks_report,
)
from .normalize import join_wrapped

SCANS = lxml.etree.LIBXML_VERSION >= (2, 14)
"""Whether the markup is scanned: libxml2 2.14 tokenizes HTML as HTML5 does."""

_START_RE = re.compile(
    r"<([A-Za-z][A-Za-z0-9:_.-]*)(?=[\t\n\f\r />])((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>"
)
_END_RE = re.compile(r"</([A-Za-z][A-Za-z0-9:_.-]*)[\t\n\f\r ]*>")
"""Tags whose names are letters, digits and ``:_.-`` (``<o:p>``); any other tag (a name
with ``&`` in it, a ``<`` among the attributes) is not scanned."""
_ATTRIBUTE_RE = re.compile(
    r"([^\t\n\f\r />=][^\t\n\f\r />=]*)"
    r"(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:\"([^\"]*)\"|'([^']*)'|([^\t\n\f\r >]+)))?"
)
_DOCTYPE_RE = re.compile(r"<!doctype[^>]*>", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_RAW_ENDS = {
    name: re.compile(rf"</{name}[\t\n\f\r />]", re.IGNORECASE)
    for name in ("script", "style", "textarea", "title", "iframe")
}
"""Elements whose content is text up to their end tag (``<script>``'s ``a < b``)."""
_UNSURE_RAW = frozenset({"xmp", "noembed", "noframes", "plaintext", "pre", "listing"})
_VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_CLOSED_BY = {
    "a": frozenset({"a", "fieldset", "table", "td", "th"}),
    "address": frozenset({"dd", "dl", "dt", "form", "li", "ul"}),
    "b": frozenset({"center", "p", "td", "th"}),
    "big": frozenset({"p"}),
    "caption": frozenset({"col", "colgroup", "tbody", "tfoot", "thead", "tr"}),
    "col": frozenset({"col", "colgroup", "tbody", "tfoot", "thead", "tr"}),
    "colgroup": frozenset({"colgroup", "tbody", "tfoot", "thead", "tr"}),
    "dd": frozenset({"dt"}),
    "dir": frozenset({"dd", "dl", "dt", "form", "ul"}),
    "dl": frozenset({"form", "li"}),
    "dt": frozenset({"dd", "dl"}),
    "font": frozenset({"center", "td", "th"}),
    "form": frozenset({"form"}),
    "h1": frozenset({"fieldset", "form", "li", "p", "table"}),
    "h2": frozenset({"fieldset", "form", "li", "p", "table"}),
    "h3": frozenset({"fieldset", "form", "li", "p", "table"}),
    "h4": frozenset({"fieldset", "form", "li", "p", "table"}),
    "h5": frozenset({"fieldset", "form", "li", "p", "table"}),
    "h6": frozenset({"fieldset", "form", "li", "p", "table"}),
    "hr": frozenset({"form"}),
    "i": frozenset({"center", "p", "td", "th"}),
    "legend": frozenset({"fieldset"}),
    "li": frozenset({"li"}),
    "listing": frozenset({"dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"}),
    "menu": frozenset({"dd", "dl", "dt", "form", "ul"}),
    "ol": frozenset({"form"}),
    "option": frozenset({"optgroup", "option"}),
    "p": frozenset(
        {
            "address",
            "blockquote",
            "body",
            "caption",
            "center",
            "col",
            "colgroup",
            "dd",
            "dir",
            "div",
            "dl",
            "dt",
            "fieldset",
            "form",
            "frameset",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "head",
            "hr",
            "li",
            "listing",
            "menu",
            "ol",
            "p",
            "pre",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "title",
            "tr",
            "ul",
            "xmp",
        }
    ),
    "pre": frozenset({"dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"}),
    "s": frozenset({"p"}),
    "small": frozenset({"p"}),
    "span": frozenset({"td", "th"}),
    "strike": frozenset({"p"}),
    "tbody": frozenset({"tbody", "tfoot"}),
    "td": frozenset({"tbody", "td", "tfoot", "th", "tr"}),
    "tfoot": frozenset({"tbody"}),
    "th": frozenset({"tbody", "td", "tfoot", "th", "tr"}),
    "thead": frozenset({"tbody", "tfoot"}),
    "tr": frozenset({"tbody", "tfoot", "tr"}),
    "tt": frozenset({"p"}),
    "u": frozenset({"p", "td", "th"}),
    "ul": frozenset({"address", "form", "menu", "pre"}),
    "xmp": frozenset({"dd", "dl", "dt", "fieldset", "form", "li", "table", "ul"}),
}
"""The start tags that close the element open before them, as libxml2's HTML parser has
them (``<p>a<div>``: the paragraph ends where the division starts)."""
_END_PRIORITY = {
    "div": 150,
    "td": 160,
    "th": 160,
    "tr": 170,
    "thead": 180,
    "tbody": 180,
    "tfoot": 180,
    "table": 190,
    "head": 200,
    "body": 200,
    "html": 220,
}
"""How far an end tag reaches in libxml2: it closes what is open inside the element it
names only when none of that ranks above it (``</span>`` does not close a ``<div>``
opened inside the span; the end tag is then ignored). Elements not listed rank 100."""
_NOT_IN_TABLE = frozenset({"caption", "input", "html", "head", "body", "title"})
_IN_HEAD = frozenset({"title", "meta", "link", "style", "script", "base", "noscript"})
_TABLE_FRAME = frozenset({"tbody", "thead", "tfoot", "colgroup", "col"})
_CELLS = frozenset({"td", "th"})
_ROLES = frozenset({"navigation", "banner", "contentinfo", "search"})
_USED = frozenset({"class", "id", "role", "style", "hidden", "rowspan", "colspan", "srcdoc"})
_TABLE_PART_RE = re.compile(r"</?table(?=[\t\n\f\r />])|<t[dh](?=[\t\n\f\r />])", re.IGNORECASE)
_CAPTION_END_RE = re.compile(r"</caption[\t\n\f\r ]*>", re.IGNORECASE)
_ROW_START_RE = re.compile(r"<(?:tr|td|th|table)[\t\n\f\r />]", re.IGNORECASE)
_SPAN_RE = re.compile(r"\s*(\d{1,6})(?!\d)")
_UNSURE_MARKS = ("本年", "申请人", "第二十条", "&#")
"""What an element dropped as page furniture must not hold for the scan to be sure it
holds no table of the report (``read_html._holds_report`` reads its text)."""


class _Unsure(Exception):
    """The page is not one the scan can read for certain: lxml builds its tree."""


class _Open:
    """An element open at the scan's position."""

    __slots__ = ("block", "line", "name", "start")

    def __init__(self, name: str, line: int, block: bool, start: int) -> None:
        self.name = name
        self.line = line
        self.block = block
        self.start = start


class _Cell:
    """A table cell being read: its text as ``read_html._cell_text`` makes it."""

    __slots__ = ("children", "colspan", "current", "open", "parts", "rowspan", "skip")

    def __init__(self, rowspan: str | None, colspan: str | None) -> None:
        self.parts: list[str] = []
        self.current: list[str] = []
        self.children = False
        self.rowspan = rowspan
        self.colspan = colspan
        self.open: list[str] = []
        """The elements open inside the cell."""
        self.skip = -1
        """The depth in ``open`` of the element whose text is left out (``<sup>``)."""

    def add(self, text: str) -> None:
        if self.skip < 0:
            self.current.append(html.unescape(text) if "&" in text else text)

    def start(self, name: str, empty: bool) -> None:
        """An element starts inside the cell (``read_html._cell_text``'s visit)."""
        self.children = True
        self.close_implied(name)
        opened = self.open
        if self.skip >= 0:
            if not empty:
                opened.append(name)
            return
        if name in NOT_IN_CELL:
            if not empty:
                self.skip = len(opened)
                opened.append(name)
            return
        block = name in BLOCK
        if block:
            self.split()
        if empty:
            if block:
                self.split()
            return
        opened.append(name)

    def close_implied(self, name: str) -> None:
        opened = self.open
        while opened:
            closed = _CLOSED_BY.get(opened[-1])
            if closed is None or name not in closed:
                return
            self.close_last()

    def close_last(self) -> None:
        name = self.open.pop()
        if self.skip >= 0:
            if len(self.open) == self.skip:
                self.skip = -1
            return
        if name in BLOCK:
            self.split()

    def end(self, name: str) -> None:
        """An end tag inside the cell: it closes what it names, if nothing that ranks
        above it is open inside that (``_END_PRIORITY``); else, or when nothing it names
        is open (``</p>``, ``</br>``), libxml2 ignores it."""
        opened = self.open
        reach = _END_PRIORITY.get(name, 100)
        for depth in range(len(opened) - 1, -1, -1):
            if opened[depth] == name:
                while len(opened) > depth:
                    self.close_last()
                return
            if _END_PRIORITY.get(opened[depth], 100) > reach:
                return
        if reach >= 160:
            raise _Unsure

    def finish(self) -> None:
        """The cell ends: what is open inside it ends with it."""
        while self.open:
            self.close_last()

    def text(self) -> str:
        if not self.children:
            return "".join(self.current)
        self.parts.append("".join(self.current))
        pieces = [collapse_spaces(p) for p in self.parts]
        return "\n".join(p for p in pieces if p) if len(pieces) > 1 else join_wrapped(pieces)

    def split(self) -> None:
        self.parts.append("".join(self.current))
        self.current = []


def scan_page(markup: str, spans: bool, hides: bool) -> Collector | None:
    """The page's texts and tables as ``read_html`` collects them walking lxml's tree, or
    ``None`` when the page is not one the scan reads for certain."""
    if not SCANS or "\x00" in markup or _CONTROL_RE.search(markup) is not None:
        return None
    if "\r" in markup:
        if markup.count("\r") != markup.count("\r\n"):
            return None
        markup = markup.replace("\r\n", "\n")
    scan = _Scan(markup, Collector(spans=spans, hides=hides))
    try:
        scan.run()
    except _Unsure:
        return None
    return scan.out


class _Scan:
    __slots__ = (
        "articles",
        "at",
        "body",
        "clutter",
        "counted",
        "ended",
        "last",
        "line",
        "markup",
        "out",
        "skip",
        "stack",
    )

    def __init__(self, markup: str, out: Collector) -> None:
        self.markup = markup
        self.out = out
        self.at = 0
        self.line = 1
        self.counted = 0
        self.stack: list[_Open] = []
        self.skip = -1
        """The depth in ``stack`` of the element whose content is skipped; -1: none."""
        self.clutter = False
        """Whether that element is page furniture, to be checked for the report's words."""
        self.articles = 0
        self.last = 1
        """The source line lxml gives the next text: its element's or previous sibling's."""
        self.body = False
        self.ended = False
        """Whether ``</html>`` has been read: libxml2 drops what follows it."""

    def line_at(self, position: int) -> int:
        self.line += self.markup.count("\n", self.counted, position)
        self.counted = position
        return self.line

    def run(self) -> None:
        markup = self.markup
        end = len(markup)
        text_from = 0
        at = 0
        while True:
            at = markup.find("<", at)
            if at < 0:
                break
            following = markup[at + 1 : at + 2]
            if following == "!" or following == "/" or following == "?" or _letter(following):
                if text_from < at:
                    self.text(markup[text_from:at])
                at = self.token(at, following)
                text_from = at
            else:  # a ``<`` that starts no tag is text
                at += 1
        if text_from < end:
            self.text(markup[text_from:end])
        if not self.body:
            raise _Unsure
        while self.stack:
            self.close(self.stack[-1])

    def text(self, text: str) -> None:
        if self.ended or not self.body:
            if text.strip():
                raise _Unsure
            return
        if self.skip >= 0:
            return
        if "&" in text:
            text = html.unescape(text)
        out = self.out
        if out.line is None and text.strip():
            out.line = self.last
        out.pieces.append(text)

    def token(self, at: int, following: str) -> int:
        """Read the tag, comment or declaration at ``at``; the position after it."""
        markup = self.markup
        if following == "!":
            if markup.startswith("<!--", at):
                close = markup.find("-->", at + 4)
                if close < 0 or markup.startswith(">", at + 4) or markup.startswith("->", at + 4):
                    raise _Unsure
                self.last = self.line_at(close)
                return close + 3
            match = _DOCTYPE_RE.match(markup, at)
            if match is None or self.stack:
                raise _Unsure
            return match.end()
        if following == "?":
            raise _Unsure
        if following == "/":
            match = _END_RE.match(markup, at)
            if match is None:
                raise _Unsure
            self.end_tag(match.group(1).lower(), match.end())
            return match.end()
        match = _START_RE.match(markup, at)
        if match is None:
            raise _Unsure
        return self.start_tag(match.group(1).lower(), match.group(2), match.end())

    def end_tag(self, name: str, after: int) -> None:
        if self.ended:
            raise _Unsure
        if name == "html":
            self.ended = True
            return
        if name == "body" or (name == "head" and not self.body):
            if name == "head":
                self.close_to("head", after)
            return
        stack = self.stack
        reach = _END_PRIORITY.get(name, 100)
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth].name == name:
                while len(stack) > depth:
                    self.close(stack[-1], after)
                return
            if _END_PRIORITY.get(stack[depth].name, 100) > reach:
                return

    def close_to(self, name: str, after: int) -> None:
        stack = self.stack
        if not any(element.name == name for element in stack):
            return
        while stack:
            closed = stack[-1]
            self.close(closed, after)
            if closed.name == name:
                return

    def close(self, element: _Open, after: int = -1) -> None:
        stack = self.stack
        stack.pop()
        depth = len(stack)
        if element.name in SECTIONING:
            self.articles -= 1
        if self.skip >= 0:
            if depth > self.skip:
                return
            if self.clutter:
                dropped = self.markup[element.start : after if after >= 0 else len(self.markup)]
                if any(mark in dropped for mark in _UNSURE_MARKS):
                    raise _Unsure
            self.skip = -1
            self.clutter = False
        elif element.block and self.out.pieces:
            self.out.flush()
        self.last = element.line

    def start_tag(self, name: str, attributes: str, after: int) -> int:
        if self.ended:
            raise _Unsure
        markup = self.markup
        line = self.line_at(after - 1)
        empty = attributes.endswith("/")
        if name in _UNSURE_RAW:
            raise _Unsure
        if name == "html":
            if self.stack or self.body:
                raise _Unsure
            self.push(name, line, after, attributes)
            return after
        if name == "body":
            if self.body:
                raise _Unsure
            self.close_to("head", after)
            if len(self.stack) != (1 if self.stack else 0):
                raise _Unsure
            self.body = True
            self.push(name, line, after, attributes)
            return after
        if not self.body:
            if name == "head":
                if self.stack and (len(self.stack) > 1 or self.stack[0].name != "html"):
                    raise _Unsure
            elif name not in _IN_HEAD or not any(e.name == "head" for e in self.stack):
                raise _Unsure
        elif name == "head" or name == "title":
            raise _Unsure
        skipping = self.skip >= 0
        raw = _RAW_ENDS.get(name)
        if raw is not None:
            close = raw.search(markup, after)
            if close is None:
                raise _Unsure
            if not skipping:
                self.raw_element(name, markup[after : close.start()], attributes, line)
            else:
                self.last = line
            tag_end = markup.find(">", close.end() - 1)
            self.line_at(close.start())
            self.last = line
            return tag_end + 1
        self.close_implied(name)
        if name == "table" and self.skip < 0:
            found = _attributes(attributes) if attributes.strip(" \t\n\f\r/") else None
            if found is None or not self.drops(name, found):
                read = self.table(after, line)
                if read >= 0:
                    return read
        self.push(name, line, after, attributes)
        if empty or name in _VOID:
            self.close(self.stack[-1], after)
        return after

    def close_implied(self, name: str) -> None:
        """Close the elements the start tag ``name`` ends (``_CLOSED_BY``)."""
        stack = self.stack
        while stack:
            closed = _CLOSED_BY.get(stack[-1].name)
            if closed is None or name not in closed:
                return
            self.close(stack[-1])

    def push(self, name: str, line: int, after: int, attributes: str) -> None:
        """Open an element: what ``read_html._walk`` does on entering it."""
        block = name in BLOCK
        self.stack.append(_Open(name, line, block, after))
        if name in SECTIONING:
            self.articles += 1
        self.last = line
        if self.skip >= 0:
            return
        if name in SKIP:
            if name == "noscript" or name == "template":
                self.out.dropped_hidden = True
            self.skip = len(self.stack) - 1
            return
        if attributes.strip(" \t\n\f\r/"):
            if self.drops(name, _attributes(attributes)):
                self.skip = len(self.stack) - 1
                return
        elif name in PAGE_FRAME and self.articles == 0:
            self.skip = len(self.stack) - 1
            return
        if block and self.out.pieces:
            self.out.flush()

    def drops(self, name: str, found: dict[str, str]) -> bool:
        """Whether an element printing attributes is left out: page furniture, or what
        the page hides (``read_html._is_clutter``, ``_hidden``); furniture is checked for
        the report's words when it closes."""
        in_article = self.articles > (1 if name in SECTIONING else 0)
        if name in PAGE_FRAME and not in_article:
            return True
        if found.get("role") in _ROLES:
            return True
        names = f"{found.get('class') or ''} {found.get('id') or ''}"
        if names.strip() and CLUTTER_RE.search(names):
            self.clutter = True
            return True
        style = found.get("style")
        if "hidden" in found or (style and "display:none" in style.replace(" ", "").lower()):
            self.out.dropped_hidden = True
            return True
        return False

    def raw_element(self, name: str, content: str, attributes: str, line: int) -> None:
        """A ``<script>``, ``<style>``, ``<textarea>``, ``<title>`` or ``<iframe>``: its
        content is text, not markup."""
        out = self.out
        if name == "script":
            if "document.write" in content and (
                "<td" in content or "<TD" in content or "<th" in content or marks_report(content)
            ):
                raise _Unsure
            if any(mark in content for mark in SCRIPT_TABLES):
                out.dropped_hidden = out.script_markup = True
        elif name == "textarea":
            out.dropped_hidden = True
        elif name == "iframe":
            if attributes.strip(" \t\n\f\r/"):
                srcdoc = _attributes(attributes).get("srcdoc")
                if srcdoc and "<" in srcdoc:
                    raise _Unsure
        elif name == "title":
            raise _Unsure
        self.last = line

    def table(self, after: int, line: int) -> int:
        """Read a table of the page (not in page furniture) as ``read_html._table_cells``
        does; the position after its end tag."""
        markup = self.markup
        out = self.out
        if out.hides:
            raise _Unsure
        rows: list[list[_Cell]] = []
        row: list[_Cell] | None = None
        cell: _Cell | None = None
        at = after
        text_from = after
        while True:
            at = markup.find("<", at)
            if at < 0:
                raise _Unsure
            following = markup[at + 1 : at + 2]
            if following == "?":
                raise _Unsure
            if not (following == "!" or following == "/" or _letter(following)):
                at += 1
                continue
            if text_from < at:
                piece = markup[text_from:at]
                if cell is not None:
                    cell.add(piece)
                elif piece.strip():
                    raise _Unsure
            if following == "!":
                if not markup.startswith("<!--", at):
                    raise _Unsure
                close = markup.find("-->", at + 4)
                if close < 0 or markup.startswith(">", at + 4) or markup.startswith("->", at + 4):
                    raise _Unsure
                if cell is not None:
                    cell.children = True
                at = text_from = close + 3
                continue
            if following == "/":
                match = _END_RE.match(markup, at)
                if match is None:
                    raise _Unsure
                name = match.group(1).lower()
                at = text_from = match.end()
                if name == "table":
                    if cell is not None:
                        cell.finish()
                    break
                if name in _CELLS or name == "tr":
                    if cell is not None:
                        cell.finish()
                        cell = None
                    if name == "tr":
                        row = None
                    continue
                if cell is not None:
                    cell.end(name)
                    continue
                if name not in _TABLE_FRAME and name != "caption":
                    raise _Unsure
                continue
            match = _START_RE.match(markup, at)
            if match is None:
                raise _Unsure
            name = match.group(1).lower()
            attributes = match.group(2)
            at = text_from = match.end()
            if name == "table":
                if _cells_in_table(markup, at) < 2:
                    raise _Unsure  # (perhaps a box drawn around one cell's content)
                return -1  # (it lays out other tables: read as a container)
            if name in _UNSURE_RAW:
                raise _Unsure
            if name == "caption" and cell is None and row is None:
                ending = _CAPTION_END_RE.search(markup, at)
                if ending is None or _ROW_START_RE.search(markup, at, ending.start()):
                    raise _Unsure
                at = text_from = ending.end()  # (not read, as the tree's walk reads none)
                continue
            if name == "tr":
                if cell is not None:
                    cell.close_implied(name)
                    if cell.open:
                        raise _Unsure  # (the row starts inside the cell's content)
                    cell = None
                row = []
                rows.append(row)
                continue
            if name in _CELLS:
                if cell is not None:
                    cell.close_implied(name)
                    if cell.open:
                        raise _Unsure  # (the cell starts inside the other's content)
                if row is None:
                    raise _Unsure  # (a cell outside any row: lxml's walk gives it one)
                found = _attributes(attributes) if attributes.strip(" \t\n\f\r/") else {}
                cell = _Cell(found.get("rowspan"), found.get("colspan"))
                row.append(cell)
                continue
            if cell is None:
                if name in _TABLE_FRAME:
                    continue
                raise _Unsure
            if name in _TABLE_FRAME or name in _NOT_IN_TABLE:
                raise _Unsure
            raw = _RAW_ENDS.get(name)
            if raw is not None:
                if name != "script" and name != "style":
                    raise _Unsure
                ending = raw.search(markup, at)
                if ending is None:
                    raise _Unsure
                cell.children = True  # (its content is left out: ``NOT_IN_CELL``)
                at = text_from = markup.find(">", ending.end() - 1) + 1
                continue
            cell.start(name, attributes.endswith("/") or name in _VOID)
        if not any(len(r) > 1 for r in rows):
            return -1  # (a frame around text: its cells are read as paragraphs)
        out.flush()
        self.line_at(at)
        texts = out.texts
        first = len(texts)
        widths: list[int] = []
        merged: dict[int, tuple[int, int]] = {}
        for cells in rows:
            widths.append(len(cells))
            for read in cells:
                texts.append(read.text())
                if out.spans and (read.rowspan is not None or read.colspan is not None):
                    spans = (_span(read.rowspan), _span(read.colspan))
                    if spans != (1, 1):
                        merged[len(texts) - 1] = spans
        out.blocks.append((Table(first, widths, merged), line))
        self.last = line
        return at


def _cells_in_table(markup: str, after: int) -> int:
    """How many cells the table whose start tag ends at ``after`` holds, those of the
    tables inside it included (at most 2 are counted)."""
    depth = 1
    cells = 0
    for match in _TABLE_PART_RE.finditer(markup, after):
        part = match.group(0).lower()
        if part == "<table":
            depth += 1
        elif part == "</table":
            depth -= 1
            if depth == 0:
                return cells
        else:
            cells += 1
            if cells >= 2:
                return cells
    return cells


def _letter(character: str) -> bool:
    return ("a" <= character <= "z") or ("A" <= character <= "Z")


def _attributes(written: str) -> dict[str, str]:
    """The attributes a start tag prints that the reader reads, by their names in lower
    case (the first of a name, as a browser keeps it)."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE_RE.finditer(written):
        name = match.group(1).lower()
        if name not in _USED or name in found:
            if name.startswith(('"', "'", "<")):
                raise _Unsure
            continue
        value = match.group(2)
        if value is None:
            value = match.group(3)
        if value is None:
            value = match.group(4) or ""
        if "&" in value:
            raise _Unsure
        found[name] = value
    return found


def _span(value: str | None) -> int:
    if not value:
        return 1
    digits = _SPAN_RE.match(value)
    return int(digits.group(1)) if digits else 1


__all__ = ["REPORT_MARKS", "SCANS", "scan_page"]
