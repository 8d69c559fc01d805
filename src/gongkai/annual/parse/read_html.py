"""HTML (any page that holds the report) → ``Document``.

Scripts, styles, navigation, menus, breadcrumbs and footers are dropped; block elements
become lines in reading order; every innermost ``<table>`` becomes a ``Grid`` with rowspan
and colspan expanded. Tables that only lay out the page (they contain other tables) are
read as containers, not as grids. The page's ``<meta name="ContentSource">`` (its CMS's
record of the article's source) becomes a first line ``ContentSource：X局``, which the meta
reader weighs as a crawler's ``发布机构`` field. The dropped furniture that may name the
organ (the breadcrumb, the footer's ``主办`` lines, the site's name after the report's in
``<title>``, the logo's ``alt``) is found by searching the markup for a few marks
(``_furniture``: not in the walk's nor the scanner's loops), and only on demand: the
document's ``furniture`` gives it as lines ``当前位置：…`` (``主办单位``, ``网站名称``),
which the meta reader asks for only when nothing else names the organ.
"""

from __future__ import annotations

import email
import html
import importlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

import lxml.etree

from .detect import Decoded, decode_text
from .document import Document, Grid
from .grid import RawCell, lay_out, plain_grid
from .meta import CMS_SOURCE_KEY, furniture_names_organ
from .normalize import (
    finish_cells_spaced,
    join_texts,
    join_wrapped,
    looks_traditional,
    normalize_joined,
    normalize_texts,
)
from .read_text import encoding_notes, numbered_lines, traditional_note

_SKIP = frozenset(
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
_UNSHOWN = frozenset({"noscript", "template", "textarea"})
"""Skipped elements that may hold the page's only copy of the report, for a script to
show: read when the shown page has no report (``read_html``)."""
_PAGE_FRAME = frozenset({"header", "footer"})
_SECTIONING = frozenset({"article", "main", "section"})
"""Elements whose ``<header>`` and ``<footer>`` are their own (an article's title, its
signature), not the page's frame."""
_BLOCK = frozenset(
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
_CLUTTER_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|footer|foot|"
    r"sidebar|share|toolbar|topbar|login|copyright|friendlinks?|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPAN_SPELLINGS = tuple(
    f"{kind}{span}"
    for kind in ("row", "col", "Row", "Col", "ROW", "COL")
    for span in ("span", "Span", "SPAN")
)
"""How ``rowspan`` and ``colspan`` are written in real pages: substring searches, since a
case-insensitive regex over a whole page costs several times more."""


_HTML_PARSER = lxml.etree.HTMLParser()
_ARCHIVE_STARTS = frozenset("MFCmfc")
"""How a web archive (MHT) begins: ``MIME-Version``, ``From:`` or ``Content-Type``."""


class _Table(NamedTuple):
    """A table's cells as indexes into ``_Collector.texts``: its first cell, the number of
    cells of each row, and the spans of the cells that print ``rowspan``/``colspan``."""

    first: int
    widths: list[int]
    spans: dict[int, tuple[int, int]]


@dataclass
class _Collector:
    """Raw (not yet normalised) texts, and the lines and tables they make in reading order.

    Every paragraph is one text and every table cell one text of ``texts``, in reading
    order, so that the whole page is normalised in one pass."""

    texts: list[str] = field(default_factory=list)
    blocks: list[tuple[int | _Table, int | None]] = field(default_factory=list)
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
            text = _collapse_spaces("".join(self.pieces))
            if text:
                self.blocks.append((len(self.texts), self.line))
                self.texts.append(text)
        self.pieces = []
        self.line = None

    def raw_line(self, text: str, line: int | None) -> None:
        self.flush()
        self.blocks.append((len(self.texts), line))
        self.texts.append(text)


def _collapse_spaces(text: str) -> str:
    """``text`` with every run of ASCII white space as one space, trimmed: a paragraph
    of Chinese text usually has none but single spaces, and a few substring searches (in
    C, at memory speed) cost far less than the regex's test of every character."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = _SPACE_RE.sub(" ", text)
    return text.strip()


def read_html(decoded: Decoded, source: str) -> Document:
    """A decoded HTML page as normalised lines and grids."""
    document = Document(source=source, kind="html")
    document.diagnostics.extend(encoding_notes(decoded, source))
    if decoded.text[:1] in _ARCHIVE_STARTS and "ime-version" in decoded.text[:512].lower():
        decoded = _web_archive(decoded) or decoded
    markup = _XML_DECL_RE.sub("", decoded.text, count=1)
    # the page's own UTF-8 when it is the markup as decoded (no XML declaration cut)
    utf8 = decoded.utf8 if len(markup) == len(decoded.text) else None
    marks = _page_marks(markup, utf8)
    spans, word_lists, stored = marks.spans, marks.word_lists, marks.stored
    hides = _has_hidden(markup, marks.isplay, marks.isplay_upper)
    root: lxml.etree._Element | None = None
    collector = None
    if _SCAN is not None and not hides:
        scanned = markup if utf8 is None else utf8
        collector = _scanned(_SCAN, scanned, spans, word_lists, stored)
    if collector is None:
        root = _tree(markup)
        if root is None:
            return document
        collector = _Collector(spans=spans, hides=hides, word_lists=word_lists)
        collector.stored_numbers = stored
        _walk(root, collector, in_article=False)
        collector.flush()
    if (
        collector.dropped_hidden
        and not _marks_report("".join(collector.texts))
        and (_marks_report(markup) or collector.script_markup)
        and (root := root if root is not None else _tree(markup)) is not None
        and _marks_report("".join((hidden := _read_hidden(root, spans, hides, word_lists)).texts))
    ):
        # the report is only in what the page hides (a 文字版 tab behind a 全真版 one,
        # markup in a <noscript>, <template> or <textarea> or a script's data that a
        # script shows): read that too, and say so
        collector = hidden
        document.diagnostics.append(
            {
                "code": "HIDDEN_TEXT",
                "severity": "info",
                "message": f"{source}：网页中的年报内容不直接显示（隐藏或由脚本显示），"
                "已读取这部分内容",
            }
        )
    _add_seal_lines(collector, markup)
    titled = False
    if (
        marks.names_report
        and not _shows_title(collector)
        and (root := root if root is not None else _tree(markup)) is not None
    ):
        # the page shows no title before its tables (an image, a script's): its own
        # title names the report
        title = _page_title(root)
        if title is not None:
            collector.blocks.insert(0, (len(collector.texts), title[1]))
            collector.texts.append(title[0])
            titled = True
    publisher = _content_source(markup)
    if publisher is not None:
        # the article's source as the site's CMS records it, as a field line first (after
        # the page's own title put first): the meta reader weighs it as a crawler's 发布机构
        collector.blocks.insert(1 if titled else 0, (len(collector.texts), publisher[1]))
        collector.texts.append(publisher[0])
    raw = collector.texts
    joined = join_texts(raw)
    # (one character looked for in the page's text: most pages never say 加载)
    if (
        "载" in joined
        and any(word in joined for word in _LOADING_WORDS)
        and _rendered_by_script(markup, collector)
    ):
        document.diagnostics.append(
            {
                "code": "HIDDEN_TEXT",
                "severity": "info",
                "message": f"{source}：网页中的表格由脚本显示（页面上只印着“数据加载中”），"
                "已按脚本中的数据和列名读取",
            }
        )
        joined = join_texts(raw)
    simplify = _looks_traditional(joined, raw, _sample_end(collector.blocks, len(raw)))
    if simplify:
        document.diagnostics.append(traditional_note(source))
    texts = normalize_joined(joined, raw, simplify=simplify)
    document.furniture = partial(_furniture_lines, markup, simplify)
    pending: list[tuple[int | None, str]] = []
    for content, number in collector.blocks:
        if isinstance(content, int):
            text = texts[content]
            if "\n" not in text:  # (a paragraph: one line)
                pending.append((number, text.rstrip(" ")))
                continue
            if text.endswith(" "):  # as normalize_text trims a text's lines
                text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
            pending.extend(
                (None if number is None else number + i, line)
                for i, line in enumerate(text.split("\n"))
            )
            continue
        document.blocks.extend(numbered_lines(pending))
        pending.clear()
        document.blocks.append(_grid(content, texts, number))
    document.blocks.extend(numbered_lines(pending))
    return document


_WIDGET_COLUMN_RE = re.compile(
    r"""\{\s*field\s*:\s*["'](\w+)["']\s*,\s*title\s*:\s*["']([^"'\n]*)["']"""
)
"""A script's table widget's column (layui, element): ``{field:"zrr",title:"自然人"}``."""
_WIDGET_DATA_RE = re.compile(r"=\s*(\[\s*\{[^;]*?\}\s*\])\s*;")
"""A script's array of row objects (``var data = [{"xm": "…", "zrr": 58}, …];``)."""
_LOADING_WORDS = ("加载中", "正在加载")


def _rendered_by_script(markup: str, collector: _Collector) -> bool:
    """A table the page shows only once its script renders it (its own table says
    ``数据加载中……``): a widget's columns (``field`` and ``title``) and an array of row
    objects holding those fields, in the page's scripts. The rows are laid out by the
    columns' fields, the titles as the header, as a table after the one saying it loads;
    whether one was. An object holding a field no column names is no row of it."""
    at = next(
        (
            k
            for k, (content, _) in enumerate(collector.blocks)
            if isinstance(content, _Table)
            and any(
                word in text
                for text in collector.texts[content.first : content.first + sum(content.widths)]
                for word in _LOADING_WORDS
            )
        ),
        None,
    )
    if at is None:
        return False
    columns = _WIDGET_COLUMN_RE.findall(markup)
    fields = [field for field, _ in columns]
    if len(set(fields)) != len(fields) or len(fields) < 2:
        return False
    for match in _WIDGET_DATA_RE.finditer(markup):
        try:
            data = json.loads(match.group(1))
        except ValueError:
            continue
        if not isinstance(data, list) or not all(
            isinstance(item, dict) and set(item) <= set(fields) for item in data
        ):
            continue
        texts = collector.texts
        first = len(texts)
        texts.extend(title for _, title in columns)
        for item in data:
            texts.extend(_widget_cell(item.get(field)) for field in fields)
        table = _Table(first, [len(fields)] * (len(data) + 1), {})
        collector.blocks.insert(at + 1, (table, collector.blocks[at][1]))
        return True
    return False


def _widget_cell(value: object) -> str:
    """A row object's value as its cell's text: a blank for none."""
    if value is None or isinstance(value, bool):
        return ""
    return str(value)


def _tree(markup: str) -> lxml.etree._Element | None:
    """The page's tree; ``None`` when lxml reads no element."""
    try:
        # etree's HTML parser builds plain elements; lxml.html's document_fromstring calls
        # back into Python for every element to pick its class, which costs a third of
        # the read.
        root: lxml.etree._Element | None = lxml.etree.fromstring(markup, _HTML_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None
    return root


_Scanned = tuple[list[str], list[tuple["int | _Table", "int | None"]], bool, bool]
_Scanner = Callable[[str | bytes, bool, type["_Table"], bool, bool], "_Scanned | None"]


def _scanner_module() -> Any:
    """The C module ``_html_scan`` (built by ``scripts/build_native.py`` beside the
    compiled modules); ``None`` when it is not built or not in use."""
    try:
        return importlib.import_module(__name__.rpartition(".")[0] + "._html_scan")
    except ImportError:
        return None


def _scanner() -> _Scanner | None:
    """The markup scanner (``_html_scan.scan``): ``None`` when it is not built or not in
    use, or when lxml's libxml2 is not the 2.14 whose tree rules it follows."""
    if lxml.etree.LIBXML_VERSION[:2] != (2, 14):
        return None
    module = _scanner_module()
    if module is None:
        return None
    scan: _Scanner = module.scan
    return scan


def _marker() -> Callable[[bytes], int] | None:
    """``_html_scan.marks``: what ``_PageMarks`` looks for, found in a page's UTF-8 in one
    pass; ``None`` when the module is not built or not in use."""
    module = _scanner_module()
    marker: Callable[[bytes], int] | None = getattr(module, "marks", None)
    return marker


class _PageMarks(NamedTuple):
    """What the whole page is searched for before it is read."""

    spans: bool
    """``_has_spans``."""
    isplay: bool | None
    """Whether ``isplay`` is in the page (``_has_hidden``); ``None``: not searched yet."""
    isplay_upper: bool | None
    """Whether ``ISPLAY`` is; ``None``: not searched yet."""
    word_lists: bool
    """A Word export's list numbers (``mso-list``)."""
    stored: bool
    """An Excel export's stored numbers (``x:num``)."""
    names_report: bool
    """``年度报告`` or ``年报``."""


def _page_marks(markup: str, utf8: bytes | None) -> _PageMarks:
    """The page's marks: from its UTF-8 in one pass in C when it has it (``_MARKS``), else
    by searching its text for each."""
    if utf8 is not None and _MARKS is not None:
        found = _MARKS(utf8)
        return _PageMarks(
            bool(found & 1),
            bool(found & 2),
            bool(found & 4),
            bool(found & 8),
            bool(found & 16),
            bool(found & 96),
        )
    return _PageMarks(
        _has_spans(markup),
        None,
        None,
        "mso-list" in markup,
        "x:num" in markup,
        "年度报告" in markup or "年报" in markup,
    )


def _scanned(
    scan: _Scanner, markup: str | bytes, spans: bool, word_lists: bool, stored: bool
) -> _Collector | None:
    """The common page read from its markup without building its tree: what ``_walk``
    collects, or ``None`` when the scanner cannot be certain the tree reads it so
    (hidden or furniture-wrapped parts, nested tables, a script that writes the page,
    markup beyond libxml2's simple implicit closes…). Told so, it reads a Word export's
    list numbers (``word_lists``) and an Excel export's stored numbers (``stored``) as
    the walk does."""
    read = scan(markup, spans, _Table, word_lists, stored)
    if read is None:
        return None
    texts, blocks, dropped_hidden, script_markup = read
    collector = _Collector(
        texts=texts,
        blocks=blocks,
        spans=spans,
        word_lists=word_lists,
        dropped_hidden=dropped_hidden,
        script_markup=script_markup,
    )
    collector.stored_numbers = stored
    return collector


_TITLE_WORDS = ("年度报告", "年报")
_TITLE_SEPARATORS_RE = re.compile(r"\s*(?:[_|｜]|--|——|\s[-－—]\s)\s*")
_TITLE_METAS = ("articletitle", "og:title", "title", "dc.title")
_ANY_SPACE_RE = re.compile(r"\s+")


def _shows_title(collector: _Collector) -> bool:
    """Whether a text before the page's first table names a report (``…年度报告``)."""
    texts = collector.texts
    for content, _ in collector.blocks:
        if not isinstance(content, int):
            return False
        if any(word in texts[content] for word in _TITLE_WORDS):
            return True
    return False


def _page_title(root: lxml.etree._Element) -> tuple[str, int | None] | None:
    """The report's title as the page names it (``<meta name="ArticleTitle">``, a
    site's ``og:title``, else ``<title>``), without the site's name the title joins to it
    (``…年度报告_某区人民政府``), and its source line; ``None`` when it names no report."""
    head = root.find("head")
    if head is None:
        return None
    candidates: list[tuple[str, int | None]] = []
    for meta in head.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").lower()
        content = meta.get("content")
        if name in _TITLE_METAS and content:
            candidates.append((content, meta.sourceline))
    title = head.find("title")
    if title is not None and title.text:
        candidates.append((title.text, title.sourceline))
    for text, line in candidates:
        # white space collapsed first: the separators' ``\s*`` over a long run of it (a
        # page's title padded with spaces) would be tried again from every position
        for part in _TITLE_SEPARATORS_RE.split(_ANY_SPACE_RE.sub(" ", text)):
            part = _SPACE_RE.sub(" ", part).strip()
            if any(word in part for word in _TITLE_WORDS) and len(part) <= 80:
                return part, line
    return None


_CMS_SOURCE_LOWER = CMS_SOURCE_KEY.lower()
_META_TAG_RE = re.compile(r"<meta\b[^<>]*>", re.IGNORECASE)
_ATTRIBUTE_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""")
MAX_PUBLISHER_CHARS = 60


def _content_source(markup: str) -> tuple[str, int] | None:
    """The line ``ContentSource：X局`` for the page's ``<meta name="ContentSource"
    content="X局">`` (where a government site's CMS records the article's source, beside
    ``ArticleTitle`` and ``SiteName``, which names the site's owner and is never read),
    and its source line; ``None`` when the page has none, or an empty or overlong one.
    Found by searching the page's head for the name, not by building the page's tree."""
    head = markup.find("</head")
    end = len(markup) if head == -1 else head
    for spelling in (CMS_SOURCE_KEY, _CMS_SOURCE_LOWER):
        at = markup.find(spelling, 0, end)
        while at != -1:
            start = markup.rfind("<", 0, at)
            tag = _META_TAG_RE.match(markup, start) if start != -1 else None
            if tag is not None and tag.end() > at:
                attributes = {
                    m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
                    for m in _ATTRIBUTE_RE.finditer(tag.group(0))
                }
                content = _SPACE_RE.sub(" ", attributes.get("content", "")).strip()
                if attributes.get("name", "").lower() == _CMS_SOURCE_LOWER and content:
                    if len(content) > MAX_PUBLISHER_CHARS:
                        return None
                    return f"{CMS_SOURCE_KEY}：{content}", markup.count("\n", 0, start) + 1
            at = markup.find(spelling, at + len(spelling), end)
    return None


_CRUMB_MARKS = ("位置", "crumb", "Crumb", "dqwz", "position", "location")
"""(most breadcrumbs say ``位置：``: one search of the page's top finds them)"""
"""How a breadcrumb shows: its words (``当前位置：``, ``您现在的位置：``) or its class or id."""
_CRUMB_WORDS_RE = re.compile(r"(?:\s|&nbsp;)*[:：]")
"""What follows a breadcrumb's ``位置``: a colon."""
_CRUMB_ITEMS = frozenset({"a", "li", "span", "div", "td", "p", "dd"})
"""Elements each holding one channel of a breadcrumb (its separators are often drawn)."""
_CRUMB_SPLIT_RE = re.compile(r"\0|[>＞›»→]+|\s/\s")
_BLOCK_ENDS = ("</div", "</DIV", "</p>", "</P>", "</td", "</TD", "</ul", "</UL", "<br", "<BR")
_BLOCK_STARTS = ("<div", "<DIV", "<p>", "<p ", "<P>", "<td", "<TD", "<li", "<br", "<BR", "<tr")
_BLOCK_BOUNDS = (*_BLOCK_STARTS, *_BLOCK_ENDS, "<footer", "<FOOTER", "<address", "</li")
_TAG_RE = re.compile(r"<[^<>]*>")
MAX_FURNITURE_CHARS = 200
FURNITURE_HITS = 3
"""How many of each mark are looked at: the furniture is one place of the page."""


def _furniture_lines(markup: str, simplify: bool) -> list[str]:
    """The page's furniture (``_furniture``) normalised as its text is."""
    return normalize_texts(_furniture(markup), simplify=simplify)


def _furniture(markup: str) -> list[str]:
    """The page's furniture that may name the organ, as ``当前位置：…``, ``主办单位：…``,
    ``网站名称：…`` texts: its breadcrumb (its channels apart by `` > ``), the lines of its
    footer saying ``主办``, its site's name after the report's in ``<title>`` and its
    logo's ``alt`` or ``title``. Found by searching the markup for their marks (the walk
    and the scanner drop them), a few at most; only what ``furniture_names_organ``
    allows is kept."""
    body = markup.find("<body")
    if body == -1:
        body = markup.find("<BODY")
    found: list[str] = []
    # the breadcrumb and the logo stand above the report's title (or end in it)
    title = markup.find("报告", max(body, 0))
    top = len(markup) if title == -1 else title + 1500
    crumb = _breadcrumb(markup, max(body, 0), top)
    if crumb:
        found.append(f"当前位置：{crumb}")
    for line in _host_lines(markup, max(body, 0)):
        if furniture_names_organ("主办单位", line, breadcrumb=bool(crumb)):
            found.append(f"主办单位：{line}")
    for name in (_title_site(markup, body), _logo_name(markup, max(body, 0), top)):
        if name and furniture_names_organ("网站名称", name, breadcrumb=bool(crumb)):
            found.append(f"网站名称：{name}")
    return found


def _in_tag(markup: str, at: int) -> int:
    """Where the tag ``at`` is inside begins; -1 when ``at`` is in text."""
    start = markup.rfind("<", 0, at)
    return start if start != -1 and markup.rfind(">", start, at) == -1 else -1


def _breadcrumb(markup: str, body: int, top: int) -> str | None:
    """The page's breadcrumb, its channels apart by `` > ``: from the element whose class
    or id names it (``breadcrumb``, ``position``, ``dqwz``), or from the words
    ``当前位置：``, to their block's end; the first found, when it names an organ."""
    for mark in _CRUMB_MARKS:
        at = markup.find(mark, body, top)
        hits = 0
        while at != -1 and hits < FURNITURE_HITS:
            hits += 1
            start = _in_tag(markup, at)
            if start == -1 and mark == "位置" and _CRUMB_WORDS_RE.match(markup, at + 2):
                start = at - 2  # (当前位置：, 您的位置：; not a sentence's 显著位置)
            elif start == -1 or not _in_class(markup[start:at]):
                at = markup.find(mark, at + len(mark), top)
                continue
            # (a page has one breadcrumb: its other marks are the same one's)
            text = _crumb_text(markup, start, markup.find(">", at) + 1)
            return text if text and furniture_names_organ("当前位置", text) else None
    return None


def _in_class(tag: str) -> bool:
    """Whether the end of a tag's markup is inside its ``class`` or ``id`` value."""
    equals = tag.rfind("=")
    if equals == -1 or any(c in tag[equals:] for c in ":;(/"):
        return False
    name = tag[:equals].rstrip().rsplit(None, 1)[-1].lower()
    return name in ("class", "id")


_CRUMB_ENDS = ("</div", "</DIV", "</ul", "</UL", "</ol", "</p>", "</P>", "</td", "</TD", "</nav")
_ITEM_TAG_RE = re.compile(r"<(/?)([a-zA-Z]+)[^<>]*>")


def _crumb_text(markup: str, start: int, after: int) -> str | None:
    """The channels of the breadcrumb from ``start`` to its block's first end after
    ``after``, apart by `` > ``: at its separators, and at the ends of its links and
    items (sites often draw the separators)."""
    ends = (markup.find(tag, after, after + 1500) for tag in _CRUMB_ENDS)
    end = min((e for e in ends if e != -1), default=after + 1500)
    text = _ITEM_TAG_RE.sub(_crumb_tag, markup[start:end])
    channels = (_collapse_spaces(p) for p in _CRUMB_SPLIT_RE.split(html.unescape(text)))
    joined = " > ".join(p for p in channels if p)
    return joined[:MAX_FURNITURE_CHARS] or None


def _crumb_tag(match: re.Match[str]) -> str:
    return "\0" if match.group(2).lower() in _CRUMB_ITEMS else ""


def _host_lines(markup: str, body: int) -> list[str]:
    """The lines saying ``主办`` the page prints last (its footer's), as text: from the
    block each is in, its tags left out."""
    lines: list[str] = []
    end = len(markup)
    while len(lines) < FURNITURE_HITS:
        at = markup.rfind("主办", body, end)
        if at == -1:
            break
        end = at
        if _in_tag(markup, at) != -1:
            continue
        start = max(markup.rfind(t, max(body, at - 300), at) for t in _BLOCK_BOUNDS)
        start = markup.find(">", start) + 1 if start != -1 else max(body, at - 300)
        stops = (markup.find(t, at, at + 300) for t in (*_BLOCK_ENDS, *_BLOCK_STARTS))
        stop = min((e for e in stops if e != -1), default=at + 300)
        text = _collapse_spaces(html.unescape(_TAG_RE.sub(" ", markup[start:stop])))
        if text and "。" not in text and len(text) <= MAX_FURNITURE_CHARS:
            lines.append(text)
    return lines


def _title_site(markup: str, body: int) -> str | None:
    """The site's name the page's ``<title>`` puts after the report's (``年报标题 - X局网站``,
    ``…年度报告_X县人民政府``)."""
    end = body if body != -1 else min(len(markup), 20000)
    at = markup.find("<title", 0, end)
    if at == -1:
        at = markup.find("<TITLE", 0, end)
    start = markup.find(">", at, end) + 1 if at != -1 else 0
    stop = markup.find("<", start, end) if start else -1
    if stop == -1:
        return None
    parts = _TITLE_SEPARATORS_RE.split(_collapse_spaces(html.unescape(markup[start:stop])))
    named = [n for n, part in enumerate(parts) if any(word in part for word in _TITLE_WORDS)]
    if not named:
        return None
    after = [part for part in parts[named[0] + 1 :] if part]
    return " | ".join(after)[:MAX_FURNITURE_CHARS] or None


def _logo_name(markup: str, body: int, top: int) -> str | None:
    """The site's name its logo gives (``<img class="logo" alt="X局">``, a logo link's
    ``title``, or the ``alt`` of the image in a logo's element)."""
    at = markup.find("logo", body, top)
    hits = 0
    while at != -1 and hits < FURNITURE_HITS:
        hits += 1
        start = _in_tag(markup, at)
        if start != -1:
            close = markup.find(">", at)
            tag = markup[start : close + 1]
            name = _attribute(tag, "alt") or _attribute(tag, "title")
            if not name and tag[1:4].lower() != "img":
                image = markup.find("<img", close, close + 500)
                if image != -1:
                    inner = markup[image : markup.find(">", image) + 1]
                    name = _attribute(inner, "alt") or _attribute(inner, "title")
            if name:
                return _collapse_spaces(name)[:MAX_FURNITURE_CHARS]
        at = markup.find("logo", at + 4, top)
    return None


def _attribute(tag: str, name: str) -> str | None:
    for match in _ATTRIBUTE_RE.finditer(tag):
        if match.group(1).lower() == name:
            return html.unescape(match.group(2) or match.group(3) or match.group(4) or "")
    return None


def _read_hidden(
    root: lxml.etree._Element, spans: bool, hides: bool, word_lists: bool
) -> _Collector:
    """The page read with what it hides or leaves to its scripts."""
    collector = _Collector(spans=spans, hides=hides, word_lists=word_lists, show_hidden=True)
    _walk(root, collector, in_article=False)
    collector.flush()
    return collector


def _web_archive(decoded: Decoded) -> Decoded | None:
    """The page inside a web archive (MHT: Word's "单个文件网页", and the ``.doc`` many
    sites offer for download): the first ``text/html`` part of the MIME message, its
    transfer encoding (quoted-printable, base64) undone and its charset read. ``None``
    when the text is not such a message."""
    if "multipart/" not in decoded.text[:2048].lower():
        return None
    # the envelope and encoded parts are ASCII; the preamble is in the encoding read
    raw = decoded.text.encode(decoded.encoding, "replace")
    message = email.message_from_bytes(raw)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        charset = part.get_content_charset()
        if charset and not _declares_charset(payload):
            # the part's header names the charset where the page itself does not
            payload = f'<meta charset="{charset}">'.encode("ascii") + payload
        return decode_text(payload)
    return None


def _declares_charset(page: bytes) -> bool:
    return b"charset" in page[:4096].lower()


def _has_spans(markup: str) -> bool:
    """Whether the page spells ``rowspan`` or ``colspan`` anywhere: two searches for
    the ending first (``pan`` is in ``span`` and ``Span``), since most pages have none."""
    if "pan" not in markup and "PAN" not in markup:
        return False
    return any(spelling in markup for spelling in _SPAN_SPELLINGS)


def _looks_traditional(joined: str, texts: list[str], end: int) -> bool:
    """Whether the first ``end`` texts look traditional, from the page's texts as
    ``join_texts`` joined them (the separator is no character the test counts): when the
    whole page does not, neither do they (the usual page: no second join)."""
    if not looks_traditional(joined):
        return False
    return end >= len(texts) or looks_traditional("".join(texts[:end]))


def _sample_end(blocks: list[tuple[int | _Table, int | None]], total: int) -> int:
    """How many texts, whole blocks from the start, make the first 400 or so: the sample
    that decides whether the page is traditional."""
    for content, _ in blocks:
        end = content + 1 if isinstance(content, int) else content.first + sum(content.widths)
        if end > 400:
            return end
    return total


def _grid(table: _Table, texts: list[str], number: int | None) -> Grid:
    if _may_hold_lines_as_rows(table, texts):
        split = _lines_as_rows(table, texts)
        if split is not None:
            table, texts = split
    end = table.first + sum(table.widths)
    flat, even = finish_cells_spaced(texts[table.first : end])
    if not table.spans:
        return plain_grid(flat, table.widths, number=number, even=even)
    rows: list[list[RawCell]] = []
    at = table.first
    for width in table.widths:
        row = []
        for i in range(at, at + width):
            rowspan, colspan = table.spans.get(i, (1, 1))
            row.append(RawCell(texts[i], rowspan, colspan))
        rows.append(row)
        at += width
    return lay_out(rows, flat, number=number, page=None)


def _may_hold_lines_as_rows(table: _Table, texts: list[str]) -> bool:
    """Whether a row's last cell holds lines (``<br>``): a label's cell often does, a
    number's hardly ever, unless the row is many rows pasted as one (``_lines_as_rows``)."""
    at = table.first
    for width in table.widths:
        at += width
        if width > 1 and "\n" in texts[at - 1]:
            return True
    return False


_NUMBER_LINE_RE = re.compile(r"\s*(?:\d[\d,]*(?:\.\d+)?|[-－—–/／])\s*")
"""A line of a number's cell: a number, or a dash or slash for none."""


def _lines_as_rows(table: _Table, texts: list[str]) -> tuple[_Table, list[str]] | None:
    """The table with each row pasted as one (a table copied from a PDF into a CMS: every
    cell one column, its lines apart by ``<br>``) made that many rows again: line i of
    every cell makes row i. Such a row's cells hold the same number of lines (more than
    one), its first cell labels and the others numbers (a header's cells broken over
    lines, ``结果<br>维持``, hold words); ``None`` when the table has no such row."""
    cells: list[str] = []
    widths: list[int] = []
    spans: dict[int, tuple[int, int]] = {}
    split = False
    at = table.first
    for width in table.widths:
        lines = _row_lines(table, texts, at, width)
        for line in range(len(lines[0])):
            for column, i in enumerate(range(at, at + width)):
                rowspan, colspan = table.spans.get(i, (1, 1))
                if (rowspan, colspan) != (1, 1):
                    spans[len(cells)] = (rowspan, colspan)
                cells.append(lines[column][line])
            widths.append(width)
        split = split or len(lines[0]) > 1
        at += width
    return (_Table(0, widths, spans), cells) if split else None


def _row_lines(table: _Table, texts: list[str], at: int, width: int) -> list[list[str]]:
    """The lines of each cell of the row at ``at``, when it is many rows pasted as one
    (``_lines_as_rows``); else each cell as one line."""
    row = texts[at : at + width]
    whole = [[cell] for cell in row]
    if width < 2 or any("\n" not in cell for cell in row):
        return whole
    if any(table.spans.get(i, (1, 1))[0] != 1 for i in range(at, at + width)):
        return whole  # (a cell spanning the rows below belongs to them too)
    lines = [cell.split("\n") for cell in row]
    if any(len(cell) != len(lines[0]) for cell in lines):
        return whole
    if not all(_NUMBER_LINE_RE.fullmatch(line) for cell in lines[1:] for line in cell):
        return whole
    return lines


def _walk(element: lxml.etree._Element, out: _Collector, *, in_article: bool) -> None:
    raw = element.tag
    if not isinstance(raw, str):  # a comment, processing instruction or entity
        return
    tag = raw.lower()
    if not tag or tag in _SKIP:
        if tag == "script":
            code = element.text
            if code and "document.write" in code and _writes_cells(code):
                # an old template's tables written by the page's script, where it stands
                _walk_markup(_script_strings(code), out)
            elif code and any(mark in code for mark in _SCRIPT_TABLES):
                # markup a script holds as data (a page's state for its script to render)
                if not out.show_hidden:
                    out.dropped_hidden = out.script_markup = True
                else:
                    markup = _script_strings(code, markup_only=True)
                    if _marks_report(markup):
                        _walk_markup(markup, out)
            return
        if tag == "iframe":
            # a frame shows its own page: the article a CMS sandboxes in ``srcdoc`` (a
            # frame's ``src`` is another file, not read)
            inline = element.get("srcdoc")
            if inline and "<" in inline:
                _walk_markup(inline, out)
            return
        if tag not in _UNSHOWN:
            return
        if not out.show_hidden:
            out.dropped_hidden = True
            return
        if tag == "textarea":  # markup kept as text, for a script to show
            _walk_markup(element.text or "", out)
            return
        # (a <noscript> or <template> read as a container)
    # most elements print no attribute at all: then only the page frame is clutter
    if element.keys():
        if _is_clutter(element, tag, in_article):
            return
        if not out.show_hidden and _hidden(element):
            out.dropped_hidden = True
            return
        if out.word_lists and _is_list_number(element):
            # Word's list number (``一、`` then spaces standing for its tab): one space after
            # the number, as a heading typed by hand prints it
            number = " ".join("".join(element.itertext()).split())
            if number:
                out.text(number + " ", element.sourceline)
            return
    elif tag in _PAGE_FRAME and not in_article:
        return
    line = element.sourceline
    if tag == "img":
        alt = element.get("alt")
        if alt and _names_part(alt):
            # a heading or title the page prints as an image
            out.text(alt, line)
        return
    if tag == "table" and not _has_nested_table(element) and not _one_column(element):
        out.flush()
        _caption(element, out)
        table = _table_cells(element, out)
        out.blocks.append((table, line))
        return
    if tag == "pre":
        out.flush()
        for offset, printed in enumerate("".join(element.itertext()).split("\n")):
            out.raw_line(printed, line + offset if line is not None else None)
        return
    block = tag in _BLOCK
    if block and out.pieces:
        out.flush()
    pieces = out.pieces
    text: str | None = element.text
    if text:  # ``_Collector.text``, inline: it runs for nearly every element
        if out.line is None and text.strip():
            out.line = line
        pieces.append(text)
    if len(element):  # (iterating over no children still builds an iterator)
        inside = in_article or tag in _SECTIONING
        for child in element:
            _walk(child, out, in_article=inside)
            tail = child.tail
            if tail:
                pieces = out.pieces  # (a flush inside the child replaced the list)
                if out.line is None and tail.strip():
                    out.line = child.sourceline
                pieces.append(tail)
    if block and out.pieces:
        out.flush()


def _caption(table: lxml.etree._Element, out: _Collector) -> None:
    """A table's ``<caption>`` (its title, often the section's heading:
    ``三、收到和处理政府信息公开申请情况``) as a line before its grid."""
    caption = table.find("caption")
    if caption is None:
        return
    if out.hides and not out.show_hidden and _hidden(caption):
        out.dropped_hidden = True
        return
    text = _collapse_spaces("".join(caption.itertext()))
    if text:
        out.raw_line(text, caption.sourceline)


def _walk_markup(markup: str, out: _Collector) -> None:
    """Markup kept as text (a ``<textarea>`` a script reads), walked as part of the page."""
    if "<" not in markup:
        out.text(markup, None)
        return
    try:
        root = lxml.etree.fromstring(markup, _HTML_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return
    if root is not None:
        out.flush()
        _walk(root, out, in_article=True)
        out.flush()


_JS_STRING_RE = re.compile(r"""'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\$]|\\.)*)`""")
_JS_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "", "b": "", "f": "", "v": "", "0": ""}


def _writes_cells(code: str) -> bool:
    """Whether a script's ``document.write`` writes table cells or the form's words."""
    return "<td" in code or "<TD" in code or "<th" in code or _marks_report(code)


_SCRIPT_TABLES = ("<table", "\\u003ctable", "\\u003Ctable", "\\x3ctable", "&lt;table")
"""How a table's markup appears inside a script's string (as is, or escaped)."""


def _script_strings(code: str, *, markup_only: bool = False) -> str:
    """The string literals of a script, in order and joined: the markup a
    ``document.write('<table>' + '<tr>…')`` writes (escapes undone); ``markup_only``:
    only the literals that hold markup (a page's data: its keys and other fields are
    not text of the page)."""
    out: list[str] = []
    for match in _JS_STRING_RE.finditer(code):
        text = _JS_ESCAPE_RE.sub(_js_escape, next(g for g in match.groups() if g is not None))
        if markup_only and "<" not in text:
            if "&lt;" not in text:
                continue
            text = html.unescape(text)
        out.append(text)
    return "".join(out)


def _js_escape(match: re.Match[str]) -> str:
    escape = match.group(1)
    if len(escape) > 1:
        return chr(int(escape[1:], 16))
    return _JS_ESCAPES.get(escape, escape)


_PART_HEADING_RE = re.compile(r"[一二三四五六七八九十]{1,2}、")


def _names_part(alt: str) -> bool:
    """Whether an image's ``alt`` text names a part of the report: its title (``……年度报告``)
    or a section's heading (``一、总体情况``). Other images (a site's logo, a photo) print
    no text of the report."""
    return "年度报告" in alt or _PART_HEADING_RE.match(alt.strip()) is not None


_SEAL_ALT_RE = re.compile(
    r"""<img\b[^>]*?\balt\s*=\s*(["'])\s*([^"'<>]{1,60}?[（(](?:印章|盖章|公章)[）)])\s*\1""",
    re.IGNORECASE,
)
"""A seal image's ``alt``: an organ's name followed by ``（印章）`` (``（盖章）``, ``（公章）``;
old pages write ``ALT=``)."""


def _add_seal_lines(collector: _Collector, markup: str) -> None:
    """A seal image's ``alt`` (``_SEAL_ALT_RE``) as a line where the image stands: the
    signature of a page that prints the organ's name only as its seal. Searched in the
    markup (one search for ``章`` first: most pages print none in a bracket), so that the
    walk and the markup scanner stay one reading of the page's text."""
    if "章）" not in markup and "章)" not in markup:
        return
    for match in _SEAL_ALT_RE.finditer(markup):
        text = _collapse_spaces(html.unescape(match.group(2)))
        line = markup.count("\n", 0, match.start()) + 1
        at = next(
            (
                k
                for k, (_, number) in enumerate(collector.blocks)
                if number is not None and number > line
            ),
            len(collector.blocks),
        )
        collector.blocks.insert(at, (len(collector.texts), line))
        collector.texts.append(text)


def _is_clutter(element: lxml.etree._Element, tag: str, in_article: bool) -> bool:
    if tag in _PAGE_FRAME and not in_article:
        return True
    if element.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_CLUTTER_RE.search(names)) and not _holds_report(element)


_REPORT_MARKS = ("本年新收", "申请人情况", "第二十条第")
"""Words of the form's tables that no menu, footer or share bar prints."""


def _holds_report(element: lxml.etree._Element) -> bool:
    """Whether an element named like page furniture holds the report's tables all the
    same (a template's content block called ``nav_con`` or ``main-menu-box``): it is
    read, not dropped with the menus."""
    return _marks_report("".join(element.itertext()))


def _marks_report(text: str) -> bool:
    return any(mark in text for mark in _REPORT_MARKS)


def _hidden(element: lxml.etree._Element) -> bool:
    """Whether the page does not show the element: ``hidden``, or an inline
    ``display:none`` (a Word export writes hidden text as ``display:none;mso-hide:all``)."""
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def _is_list_number(element: lxml.etree._Element) -> bool:
    """Whether the element is the number Word prints before a list item
    (``<span style='mso-list:Ignore'>一、<span>&nbsp;&nbsp;</span></span>``)."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return "mso-list:ignore" in style


_HIDING = ("display:none", "display: none", "display:None", "display :none")
_HIDING_RE = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def _has_hidden(markup: str, isplay: bool | None = None, isplay_upper: bool | None = None) -> bool:
    """Whether the page hides anything inline (``display:none``): a few substring
    searches, so that most pages read no row's or cell's ``style`` at all (a ``hidden``
    attribute on a table row is too rare to search every page for). Old pages write
    their styles in capitals (``STYLE="DISPLAY: none"``). ``isplay``, ``isplay_upper``:
    whether the page holds ``isplay``, ``ISPLAY``, when already known."""
    if isplay is None:
        isplay = "isplay" in markup
    if isplay:  # (CSS is mostly written in lower case)
        if any(spelling in markup for spelling in _HIDING):
            return True
    else:
        if isplay_upper is None:
            isplay_upper = "ISPLAY" in markup
        if not isplay_upper:  # (most pages: two searches)
            return False
    return _HIDING_RE.search(markup) is not None


def _has_nested_table(table: lxml.etree._Element) -> bool:
    """Whether the table lays out other tables: it holds a table that is more than a box
    around one cell's content (``_is_box``)."""
    return any(not _is_box(inner) for inner in table.iterdescendants("table"))


def _is_box(table: lxml.etree._Element) -> bool:
    """Whether a table nested in a cell only draws a box around that cell's content (an
    editor styling each figure as ``<td><table><tr><td>12</td></tr></table></td>``): it
    has one cell and the cell around it shows no text beside it. Its text is the cell's."""
    cells = table.iter("td", "th")
    if next(cells, None) is None or next(cells, None) is not None:
        return False
    outer = next((a for a in table.iterancestors("td", "th", "table")), None)
    if outer is None or outer.tag == "table":
        return False
    return "".join("".join(outer.itertext()).split()) == "".join("".join(table.itertext()).split())


class _ImpliedRow:
    """The row a page's cells stand in without a ``<tr>`` start tag (``<table><td>…``,
    ``</tr><td>…``): the parser leaves them in the table or its body, outside any row.
    Read like a ``tr`` element that prints no attribute."""

    tag = "tr"

    @staticmethod
    def get(name: str) -> None:
        return None


_IMPLIED_ROW = _ImpliedRow()
_SECTIONS = frozenset({"table", "tbody", "thead", "tfoot"})


def _has_rowless_cells(table: lxml.etree._Element) -> bool:
    """Whether the table (or its body) holds a cell outside any row: a search of their
    children in C, which makes an element only of a cell it finds."""
    if next(table.iterchildren("td", "th"), None) is not None:
        return True
    return any(
        next(section.iterchildren("td", "th"), None) is not None
        for section in table.iterchildren("tbody", "thead", "tfoot")
    )


def _with_implied_rows(
    cells: Iterable[lxml.etree._Element],
) -> Iterator[lxml.etree._Element | _ImpliedRow]:
    """Rows and cells in order, a run of cells outside any row preceded by the row they
    make (``_ImpliedRow``)."""
    in_implied = False
    for element in cells:
        if element.tag != "tr":
            parent = element.getparent()
            if parent is not None and parent.tag in _SECTIONS:
                if not in_implied:
                    in_implied = True
                    yield _IMPLIED_ROW
                yield element
                continue
        in_implied = False
        yield element


def _own_cells(table: lxml.etree._Element) -> Iterator[lxml.etree._Element]:
    """The table's own rows and their cells in order (``tr``, then its ``td``/``th``), not
    those of the tables nested in its cells; a cell outside any row is yielded where it
    stands (``_with_implied_rows`` gives it its row)."""
    for child in table:
        tag = child.tag
        if tag == "tr" or tag == "td" or tag == "th":
            items: Iterable[lxml.etree._Element] = (child,)
        elif tag in ("tbody", "thead", "tfoot"):
            items = child
        elif tag == "form":  # (a form the parser left there)
            items = (row for row in child if row.tag == "tr")
        else:
            continue
        for item in items:
            kind = item.tag
            if kind == "tr":
                yield item
                for cell in item:
                    if cell.tag in ("td", "th"):
                        yield cell
            elif kind in ("td", "th"):
                yield item


def _one_column(table: lxml.etree._Element) -> bool:
    """Whether no row of the table has two cells: a frame around text (the article body
    of an old CMS template, a title block), since every table of the form has at least
    two columns. Its cells are read as paragraphs, not as one grid cell each. The search
    stops at the first row of two cells, the second row of a report's table."""
    for row in table.iter("tr"):
        cells = 0
        for child in row:
            if child.tag in ("td", "th"):
                cells += 1
                if cells > 1:
                    return False
    return True


def _table_cells(table: lxml.etree._Element, out: _Collector) -> _Table:
    """The table's cells, their texts appended to ``out.texts``. ``out.spans``: the page
    has a rowspan or colspan somewhere (else reading two attributes of every cell would
    cost more than the rest of it); ``out.hides``: it may hide a row or cell inline (those
    are left out, as the page does not show them)."""
    texts = out.texts
    append = texts.append
    first = len(texts)
    starts: list[int] = []
    mark = starts.append
    spans: dict[int, tuple[int, int]] = {}
    nested = next(table.iterdescendants("table"), None) is not None
    cells: Iterator[Any] = _own_cells(table) if nested else table.iter("tr", "td", "th")
    if _has_rowless_cells(table):
        cells = _with_implied_rows(cells)  # (elements and _ImpliedRow)
    hides = out.hides and not out.show_hidden
    skipping = False  # in a row the page does not show
    for element in cells:  # cells before the first row are not read
        if element.tag == "tr":
            skipping = hides and _hidden(element)
            if not skipping:
                mark(first)
            break
    stored = out.stored_numbers
    if not out.spans and not hides and not stored:
        # the usual page: one branch per cell, no attribute read
        for element in cells:
            if element.tag == "tr":
                mark(len(texts))
            elif len(element):
                append(_cell_text(element))
            else:
                append(element.text or "")
    else:
        for element in cells:
            if element.tag == "tr":
                skipping = hides and _hidden(element)
                if not skipping:
                    mark(len(texts))
                continue
            if skipping or (hides and _hidden(element)):
                out.dropped_hidden = True
                continue
            append(_cell_text(element, hides) if len(element) else (element.text or ""))
            if stored:
                _shown_as_dash(element, texts)
            rowspan, colspan = element.get("rowspan"), element.get("colspan")
            if rowspan is not None or colspan is not None:
                spans[len(texts) - 1] = (_span(rowspan), _span(colspan))
    mark(len(texts))
    widths = [starts[i + 1] - starts[i] for i in range(len(starts) - 1)]
    return _Table(first, widths, {i: v for i, v in spans.items() if v != (1, 1)})


_DASH_RE = re.compile(r"[\s\xa0]*[-－—–][\s\xa0]*")
_STORED_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def _shown_as_dash(cell: lxml.etree._Element, texts: list[str]) -> None:
    """An Excel export's cell showing ``-`` for the number it keeps (``x:num="0"``: the
    accounting format prints a zero as a dash) is that number; a dash with no number kept
    stays a dash, a blank."""
    stored = cell.get("x:num")
    if stored and _STORED_NUMBER_RE.fullmatch(stored) and _DASH_RE.fullmatch(texts[-1]):
        texts[-1] = stored


_NOT_IN_CELL = frozenset({"script", "style", "sup"})
"""What a cell's text leaves out: ``<sup>`` is a footnote mark after a label or figure
(``12<sup>注1</sup>``; the form's tables print no powers)."""
_TEXT_INPUTS = frozenset({"text", "number", ""})


def _cell_text(cell: lxml.etree._Element, hides: bool = False) -> str:
    """The cell's text with ``<br>`` and paragraphs as line breaks, wrapped text joined
    (the value of a text field as its text, footnote marks left out); ``hides``: the page
    hides elements inline, and those are left out."""
    parts: list[str] = []
    current: list[str] = []

    def visit(node: lxml.etree._Element) -> None:
        tag = node.tag
        if not isinstance(tag, str):
            # a comment or processing instruction is not shown, nor is the text of a Word
            # export's conditional ``<![if !supportLists]>`` (lxml reads it as a comment);
            # its tail is the parent's to add
            return
        tag = tag.lower()
        if tag in _NOT_IN_CELL or (hides and _hidden(node)):
            return
        if tag == "input":
            # an online form's print view shows each figure in a read-only field
            if (node.get("type") or "text").lower() in _TEXT_INPUTS:
                current.append(node.get("value") or "")
            return
        if tag in _BLOCK:
            parts.append("".join(current))
            current.clear()
        if node.text:
            current.append(node.text)
        for child in node:
            visit(child)
            if child.tail:
                current.append(child.tail)
        if tag in _BLOCK:
            parts.append("".join(current))
            current.clear()

    visit(cell)
    parts.append("".join(current))
    pieces = [_collapse_spaces(p) for p in parts]
    return "\n".join(p for p in pieces if p) if len(pieces) > 1 else join_wrapped(pieces)


def _span(value: str | None) -> int:
    """A ``rowspan``/``colspan`` value; 1 when absent, unreadable or absurd (a number of
    thousands of digits would not even convert)."""
    if not value:
        return 1
    digits = re.match(r"\s*(\d{1,6})(?!\d)", value)
    return int(digits.group(1)) if digits else 1


_SCAN = _scanner()
"""The markup scanner in use (tests turn it off: ``None`` reads every page's tree)."""
_MARKS = _marker()
"""``_html_scan.marks`` when built (``None``: the page's text is searched instead)."""
