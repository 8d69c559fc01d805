"""Hypothesis strategies that damage documents the way the web and hostile senders do.

The seeds are the project's own fixtures (``tests/fixtures``): text in UTF-8, GBK and Big5,
HTML pages, and a DOCX and a PDF built from their expected values. The mutators:

* ``mutated``: byte flips, insertions, deletions, duplicated slices and truncation;
* ``damaged_zips``: a DOCX with a bad CRC, an unknown or different compression method,
  lying sizes, a cut or missing central directory, a member name changed;
* ``deep_and_wide_html``: deep nesting, huge or nonsense ``colspan``/``rowspan``, wide rows;
* ``odd_encodings``: report text in GBK, Big5, UTF-16 with and without BOM, declared with
  a wrong or undefined ``<meta charset>``, with stray invalid bytes;
* ``whitespace_runs``: long runs of spaces, tabs, ideographic and non-breaking spaces,
  carriage returns and blank lines put into a seed;
* ``without_titles`` and ``html_without_titles``: a report with the headings of its
  tables left out (``二、主动公开政府信息情况`` and the like, ``附表1：…``), as when a
  heading is a picture or the tables were copied without it.
"""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Collection
from functools import cache, lru_cache
from pathlib import Path

from hypothesis import strategies as st

from gongkai.annual import schema as s
from gongkai.annual.parse.normalize import to_simplified
from gongkai.annual.parse.sections import title_key as part_title_key
from tests.annual.parse.fixture_documents import build_docx, build_pdf
from tests.conftest import FIXTURES

TEXT_SEEDS = (
    "reports/markdown_tables_from_web_converter.txt",
    "reports/spaces_aligned_columns_pdftotext_layout.txt",
    "flat/crawled-one-line.txt",
    "flat/crawled-row-per-line.txt",
    "converted/markdown_traditional_characters_notes_in_cells.txt",
    "documents/report_gbk.txt",
    "documents/report_big5.txt",
)
HTML_SEEDS = (
    "documents/cms_page_article_rowspan_colspan.html",
    "documents/cms_page_gb2312_nested_layout_tables.html",
    "documents/big5_traditional_page.html",
    "documents/html_table3_columns_split_over_two_tables.html",
    "flat/crawled-page-saved-as-html-rows-as-paragraphs.html",
)


def _expected(name: str) -> dict[str, object]:
    path = FIXTURES / "documents" / f"{name}.expected.json"
    loaded: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@cache
def docx_seed() -> bytes:
    return build_docx(_expected("docx_merged_cells_table3_split_by_page_break"))


@cache
def pdf_seed() -> bytes:
    return build_pdf(_expected("pdf_table3_across_pages_header_repeated"))


@cache
def seeds() -> dict[str, bytes]:
    """Every seed by file name (the name keeps the format's usual extension)."""
    found = {Path(p).name: (FIXTURES / p).read_bytes() for p in TEXT_SEEDS + HTML_SEEDS}
    found["word.docx"] = docx_seed()
    found["report.pdf"] = pdf_seed()
    return found


def seed_names() -> st.SearchStrategy[str]:
    return st.sampled_from(sorted(seeds()))


# ----------------------------------------------------------------------------- bytes


_LANDMARKS = (
    b" obj", b"endobj", b"stream", b"xref", b"trailer", b"/Length", b"<<",
    b"PK\x03\x04", b"PK\x01\x02", b"<w:tbl", b"<w:gridSpan", b"<w:vMerge",
    b"<table", b"<td", b"span=", b"charset", b"|", b"\n", b"\xe8\xa1\xa8",
)  # fmt: skip
"""Where a file's structure is (PDF objects, zip headers, table markup, the 表 of 表三):
half the edits land near one, since uniform positions mostly hit fonts and long text."""


@lru_cache(maxsize=32)
def _landmarks(data: bytes) -> tuple[int, ...]:
    found: list[int] = []
    for mark in _LANDMARKS:
        found.extend(_offsets(data, mark)[:200])
    return tuple(sorted(found)) or (0,)


@st.composite
def mutated(draw: st.DrawFn, data: bytes, max_edits: int = 8) -> bytes:
    """``data`` with a few byte-level edits, each anywhere or near a structural mark."""
    out = bytearray(data)
    landmarks = _landmarks(data)
    for _ in range(draw(st.integers(1, max_edits))):
        if not out:
            break
        if draw(st.booleans()):
            at = draw(st.integers(0, len(out) - 1))
        else:
            at = draw(st.sampled_from(landmarks)) + draw(st.integers(-8, 24))
            at = min(max(at, 0), len(out) - 1)
        edit = draw(st.sampled_from(["flip", "insert", "delete", "duplicate", "truncate"]))
        if edit == "flip":
            out[at] ^= draw(st.integers(1, 255))
        elif edit == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif edit == "delete":
            del out[at : at + draw(st.integers(1, 256))]
        elif edit == "duplicate":
            piece = out[at : at + draw(st.integers(1, 4096))]
            out[at:at] = piece * draw(st.integers(1, 8))
        else:
            del out[at:]
    return bytes(out)


# ----------------------------------------------------------------------------- zips

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_END = b"PK\x05\x06"


def _offsets(data: bytes, signature: bytes) -> list[int]:
    found, at = [], data.find(signature)
    while at >= 0:
        found.append(at)
        at = data.find(signature, at + 1)
    return found


@st.composite
def damaged_zips(draw: st.DrawFn) -> bytes:
    """The DOCX seed with its zip structure damaged in one or two places."""
    out = bytearray(docx_seed())
    for _ in range(draw(st.integers(1, 2))):
        damage = draw(
            st.sampled_from(
                ["crc", "method", "sizes", "cut_central", "no_end", "name", "entries", "flags"]
            )
        )
        headers = [(at, 0) for at in _offsets(bytes(out), _LOCAL)]
        headers += [(at, 2) for at in _offsets(bytes(out), _CENTRAL)]
        if not headers:
            break
        at, shift = draw(st.sampled_from(headers))  # central headers are 2 bytes further on
        if damage == "crc":
            out[at + 14 + shift : at + 18 + shift] = draw(st.binary(min_size=4, max_size=4))
        elif damage == "method":
            method = draw(st.sampled_from([0, 1, 6, 9, 12, 14, 93, 99, 0xFFFF]))
            out[at + 8 + shift : at + 10 + shift] = struct.pack("<H", method)
        elif damage == "sizes":
            size = draw(st.sampled_from([0, 1, 2**31 - 1, 2**32 - 1]))
            field = at + draw(st.sampled_from([18, 22])) + shift
            out[field : field + 4] = struct.pack("<I", size)
        elif damage == "flags":
            flags = draw(st.sampled_from([0x0001, 0x0008, 0x0041, 0xFFFF]))
            out[at + 6 + shift : at + 8 + shift] = struct.pack("<H", flags)
        elif damage == "name":
            name = at + (46 if shift else 30)  # the member name's first byte
            if name < len(out):
                out[name] ^= draw(st.integers(1, 255))
        elif damage == "cut_central":
            central = _offsets(bytes(out), _CENTRAL)
            if central:
                del out[draw(st.integers(central[0], len(out) - 1)) :]
        elif damage == "no_end":
            end = _offsets(bytes(out), _END)
            if end:
                del out[end[-1] :]
        else:
            end = _offsets(bytes(out), _END)
            if end:
                count = draw(st.sampled_from([0, 1, 0xFFFF]))
                out[end[-1] + 8 : end[-1] + 12] = struct.pack("<HH", count, count)
    return bytes(out)


# ----------------------------------------------------------------------------- HTML


def _sizes(small: int, *large: int) -> st.SearchStrategy[int]:
    """Up to ``small``, or one of the ``large`` sizes (Hypothesis favours small numbers, and
    the sizes that matter are the large ones)."""
    return st.one_of(st.integers(0, small), st.sampled_from(large))


_SPANS = st.one_of(
    st.integers(-5, 1_000_000).map(str),
    st.sampled_from(["", "0", "1.5", "2e9", "９", "x", " 3 ", "9" * 400, "-0", "0x10"]),
)


@st.composite
def deep_and_wide_html(draw: st.DrawFn) -> bytes:
    """Nested tags or tables a thousand deep, cells with absurd spans, very wide rows."""
    depth = draw(_sizes(20, 1_000, 5_000, 20_000))
    tag = draw(st.sampled_from(["div", "table><tr><td", "span", "ul><li", "b", "font"]))
    opened = f"<{tag}>" * depth
    cells = "".join(
        f'<td colspan="{draw(_SPANS)}" rowspan="{draw(_SPANS)}">{n}</td>'
        for n in range(draw(_sizes(40, 200)))
    )
    rows = f"<tr><td>一、本年新收政府信息公开申请数量</td>{cells}</tr>" * draw(_sizes(60, 500))
    wide = "<tr>" + "<td>0</td>" * draw(_sizes(50, 3_000, 30_000)) + "</tr>"
    closed = "" if draw(st.booleans()) else f"</{tag.split('>')[0]}>" * depth
    page = f"<html><body>{opened}<table>{rows}{wide}</table>{closed}</body></html>"
    return page.encode()


# ----------------------------------------------------------------------------- encodings

_CHARSETS = st.sampled_from(
    ["undefined", "utf-8", "gbk", "gb2312", "big5", "utf-16", "x-unknown", "utf-7", "latin1", ""]
)


@st.composite
def odd_encodings(draw: st.DrawFn) -> bytes:
    """A text or HTML seed re-encoded, perhaps under a wrong ``<meta charset>``."""
    name = draw(st.sampled_from([Path(p).name for p in TEXT_SEEDS[:5] + HTML_SEEDS[:1]]))
    text = seeds()[name].decode("utf-8", errors="replace")
    if draw(st.booleans()):
        text = f'<html><head><meta charset="{draw(_CHARSETS)}"></head><body><pre>{text}</pre>'
    codec = draw(st.sampled_from(["gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]))
    data = text.encode(codec, errors="replace")
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at] + draw(st.sampled_from([b"\xff", b"\x81", b"\xd8\x00", b"\x00"])) + data[at:]
        )
    return data


# ----------------------------------------------------------------------------- whitespace

_BLANKS = st.sampled_from([" ", "\t", "\u3000", "\xa0", "\r", "\n", " \n", "\u200b", "\f"])


@st.composite
def whitespace_runs(draw: st.DrawFn) -> bytes:
    """A text or HTML seed with long runs of blank characters put in, anywhere or at the
    start of a line (where patterns anchored at ``^`` begin)."""
    name = draw(st.sampled_from([Path(p).name for p in TEXT_SEEDS[:5] + HTML_SEEDS[:2]]))
    text = seeds()[name].decode("utf-8", errors="replace")
    for _ in range(draw(st.integers(1, 4))):
        starts = [n + 1 for n, c in enumerate(text) if c == "\n"]
        if starts and draw(st.booleans()):
            at = draw(st.sampled_from(starts))
        else:
            at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(_BLANKS) * draw(_sizes(1_000, 30_000, 300_000)) + text[at:]
    return text.encode("utf-8")


# ----------------------------------------------------------------------------- headings

TABLE_TITLES = {sec.key: sec.title for sec in s.SECTIONS if sec.key in ("2", "3", "4")}
"""Each table's title (the title of the section it belongs to), by section key."""
_APPENDIX_ALONE_RE = re.compile(r"^附表([一二三123])(?::|、|\.)?$")
"""``附表一`` … ``附表3`` alone: the appendix's tables are 二, 三 and 四 in order."""
_APPENDIX_KEY = dict(zip("一二三123", "234234", strict=True))
_MARKS_RE = re.compile(r"^[#*\s]+|[*\s]+$")


def title_key(line: str) -> str | None:
    """The table (section key ``"2"`` to ``"4"``) whose heading or caption ``line`` is:
    its part's title, numbered or not (``sections.title_key``: ``三、收到和处理政府信息公开
    申请情况``, ``第二部分 主动公开政府信息情况``, ``附表3：政府信息公开行政复议、行政诉讼情况``),
    Markdown marks and traditional characters allowed, or ``附表N`` alone; ``None`` for
    any other line (a table row, narrative that names a title)."""
    if "|" in line or "\t" in line or len(line) > 60:
        return None
    folded = to_simplified(s.normalize_label(_MARKS_RE.sub("", line)))
    key = part_title_key(folded)
    if key in TABLE_TITLES:
        return key
    appendix = _APPENDIX_ALONE_RE.match(folded)
    return _APPENDIX_KEY[appendix.group(1)] if appendix is not None else None


def title_lines(text: str) -> dict[str, list[int]]:
    """The numbers (from 0) of the lines of ``text`` that head a table, by table."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.split("\n")):
        key = title_key(line)
        if key is not None:
            found.setdefault(key, []).append(number)
    return found


def without_titles(text: str, keys: Collection[str]) -> str:
    """``text`` without the lines that head the tables ``keys`` (section keys): each such
    line is taken out, so the text before it runs on into the table."""
    dropped = {n for key, numbers in title_lines(text).items() if key in keys for n in numbers}
    return "\n".join(line for n, line in enumerate(text.split("\n")) if n not in dropped)


_ELEMENT_TEXT_RE = re.compile(r">([^<>]{1,80})<")


def html_title_keys(page: str) -> set[str]:
    """The tables whose heading or caption is the whole text of an element of ``page``."""
    return {key for m in _ELEMENT_TEXT_RE.finditer(page) if (key := title_key(m.group(1)))}


def html_without_titles(page: str, keys: Collection[str]) -> str:
    """``page`` with the text of every element that heads one of the tables ``keys``
    taken out (the element stays, empty)."""

    def blank(match: re.Match[str]) -> str:
        return "><" if title_key(match.group(1)) in keys else match.group(0)

    return _ELEMENT_TEXT_RE.sub(blank, page)


_RULE_RE = re.compile(r"^\s*(?:\|?\s*:?-{3,}.*|\+[-=+]+)\s*$")
"""A Markdown table's rule line or a grid table's border."""


def titles_in_tables(text: str, keys: Collection[str]) -> str:
    """``text`` with the heading of each table ``keys`` moved into the table, as its first
    row: one cell holding the heading, the others blank (``| 二、主动公开政府信息情况 |
    | |``, or tab separated), as a heading cell merged across a table comes out of a
    converter. A heading that no table follows stays where it is."""
    lines = text.split("\n")
    moved: dict[int, int] = {}  # the heading's line: the table's first line
    for key, numbers in title_lines(text).items():
        if key not in keys:
            continue
        for number in numbers:
            at = number + 1
            while at < len(lines) and (not lines[at].strip() or _RULE_RE.match(lines[at])):
                at += 1
            if at < len(lines) and ("|" in lines[at] or "\t" in lines[at]):
                moved[number] = at
    rows: dict[int, str] = {}
    for number, at in moved.items():
        first = lines[at]
        heading = _MARKS_RE.sub("", lines[number])
        if "|" in first:
            width = first.strip().strip("|").count("|") + 1
            rows[at] = "| " + heading + " |" + " |" * (width - 1)
        else:
            rows[at] = heading + "\t" * first.count("\t")
    out: list[str] = []
    for number, line in enumerate(lines):
        if number in moved:
            continue
        if number in rows:
            out.append(rows[number])
        out.append(line)
    return "\n".join(out)
