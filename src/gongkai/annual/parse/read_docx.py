"""DOCX → ``Document``: paragraphs and tables in body order, merged cells expanded.

The body XML (``word/document.xml``) is read directly so paragraphs and tables keep their
order; horizontal merges (``w:gridSpan``, ``w:gridBefore``) become spans laid out by
``grid.expand``, and a vertical merge (``w:vMerge``) shows in each row it covers what
the cell above shows there, marked merged. A table that only lays out the
page (tables inside its cells, or one column: a frame around the text) is read as the
paragraphs and tables in its cells. ``Line.number`` is the paragraph's position in the
body (1-based, tables counting as one), ``Grid.number`` the position of the table.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import lxml.etree

from .document import Document, Grid, Kind
from .grid import MAX_WIDTH, RawCell, expand
from .normalize import looks_traditional, normalize_text
from .read_text import numbered_lines, traditional_note
from .unreadable import UnreadableDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}sdt"
_SDT_CONTENT = f"{W}sdtContent"
_CUSTOM_XML = f"{W}customXml"
_ALT_CHUNK = f"{W}altChunk"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_T, _TAB, _BR, _CR = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"
_VAL = f"{W}val"
_TR_PR, _TC_PR = f"{W}trPr", f"{W}tcPr"
_GRID_BEFORE, _GRID_SPAN, _V_MERGE = f"{W}gridBefore", f"{W}gridSpan", f"{W}vMerge"
_H_MERGE = f"{W}hMerge"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT_BOX = f"{W}txbxContent"
_MOVE_FROM, _DEL = f"{W}moveFrom", f"{W}del"
"""Tracked changes not accepted: text moved away or deleted (Word writes a deletion's
text as ``w:delText``, but converters write ``w:t``), which the page no longer shows."""
_STRICT = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL = W[1:-1].encode()
_MAX_XML = 32 * 1024 * 1024
"""The body's XML after decompression (a long report's is a few MB)."""


@dataclass
class _Cell:
    column: int
    span: int
    text: str
    merge: str | None  # "restart", "continue" or None


def read_docx(data: bytes, source: str) -> Document:
    body, main = _body(data, source)
    numbering = _Numbering.of(data, main)
    raw: list[tuple[Content, int]] = []
    for position, element in enumerate(_blocks(body), start=1):
        if element.tag == _P:
            raw.append((_paragraph_text(element, numbering), position))
        elif element.tag == _ALT_CHUNK:
            chunk = _alt_chunk(data, element, source)
            if chunk is not None:
                raw.append((chunk, position))
        else:
            raw.append((_table_rows(element, numbering), position))
    return lay_out(raw, source, "docx", lambda: _core_title(data))


def lay_out(
    raw: list[tuple[Content, int]], source: str, kind: Kind, title: Callable[[], str | None]
) -> Document:
    """The ``Document`` of a Word file's blocks in reading order (each with its position):
    paragraphs split into numbered lines, tables laid out into grids, all normalised
    (simplified when the file is in traditional characters). ``title`` gives the file's
    title property, put first when no paragraph before the first table names the report.
    The DOCX and ``.doc`` readers both lay their blocks out here."""
    if not _shows_title(raw):
        found = title()
        if found is not None:
            raw = [(found, 0), *raw]
    document = Document(source=source, kind=kind)
    sample = "".join(_sample(content) for content, _ in raw[:300])
    simplify = looks_traditional(sample)
    if simplify:
        document.diagnostics.append(traditional_note(source))
    pending: list[tuple[int | None, str]] = []
    for content, number in raw:
        if isinstance(content, str):
            pending.extend(
                (number, text) for text in normalize_text(content, simplify=simplify).split("\n")
            )
            continue
        document.blocks.extend(numbered_lines(pending))
        pending.clear()
        if isinstance(content, Document):
            document.blocks.extend(content.blocks)
            document.diagnostics.extend(content.diagnostics)
        elif content:
            document.blocks.append(_laid_out(content, simplify=simplify, number=number))
    document.blocks.extend(numbered_lines(pending))
    return document


_TITLE_WORDS = ("年度报告", "年报")
_CORE_PROPERTIES = "/core-properties"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _shows_title(raw: list[tuple[Content, int]]) -> bool:
    """Whether a paragraph before the first table names a report (``…年度报告``); an
    imported page (``w:altChunk``) names itself."""
    for content, _ in raw:
        if not isinstance(content, str):
            return isinstance(content, Document)
        if any(word in content for word in _TITLE_WORDS):
            return True
    return False


def _core_title(data: bytes) -> str | None:
    """The file's title property (``docProps/core.xml``) when it names a report."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            name = next(
                (
                    target.lstrip("/")
                    for kind, target in _relationships(archive, "_rels/.rels")
                    if kind.endswith(_CORE_PROPERTIES)
                ),
                "docProps/core.xml",
            )
            with archive.open(name) as member:
                xml = member.read(_MAX_XML + 1)
        if len(xml) > _MAX_XML:
            return None
        root = lxml.etree.fromstring(xml, parser=lxml.etree.XMLParser(resolve_entities=False))
    except (KeyError, zipfile.BadZipFile, EOFError, OSError, ValueError, lxml.etree.XMLSyntaxError):
        return None
    found = root.find(_DC_TITLE)
    return report_title(found.text or "") if found is not None else None


def report_title(text: str) -> str | None:
    """A file's title property (spaces folded) when it names a report, else ``None``."""
    title = " ".join(text.split())
    if not title or len(title) > 80 or not any(word in title for word in _TITLE_WORDS):
        return None
    return title


def _sample(content: Content) -> str:
    """A block's raw text, to judge whether the file is in traditional characters (an
    imported page was judged, and normalised, on its own)."""
    if isinstance(content, str):
        return content
    if isinstance(content, Document):
        return ""
    return "".join(c.text for row in content for c in row)


def _body(data: bytes, source: str) -> tuple[lxml.etree._Element, str]:
    """The body element and the path of the part that holds it (``word/document.xml``,
    or where the package's relationships say: some tools write ``word/document2.xml``)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            main = _main_part(archive)
            info = archive.getinfo(main)
            # read at most one byte past the budget: the size a zip declares can lie
            with archive.open(info) as member:
                xml = member.read(_MAX_XML + 1)
            if len(xml) > _MAX_XML:
                raise UnreadableDocument(
                    "TOO_LARGE",
                    f"Word 文档正文解压后超过 {_MAX_XML // 1024 // 1024} MB，不像年度报告，未读取",
                    source=source,
                )
    except KeyError as exc:
        raise UnreadableDocument(
            "DOCX_DAMAGED", "不是有效的 Word 文档：缺少正文（word/document.xml）", source=source
        ) from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise UnreadableDocument(
            "DOCX_DAMAGED",
            "Word 文档已损坏或不完整（可能下载时被截断），无法打开；请重新获取原文件",
            source=source,
        ) from exc
    if _STRICT in xml:  # saved as "Strict Open XML": the same body in another namespace
        xml = xml.replace(_STRICT, _TRANSITIONAL)
    try:
        root = lxml.etree.fromstring(xml, parser=lxml.etree.XMLParser(resolve_entities=False))
    except lxml.etree.XMLSyntaxError as exc:
        raise UnreadableDocument(
            "DOCX_DAMAGED", f"Word 文档正文不是有效的 XML（{exc.msg}）", source=source
        ) from exc
    body = root.find(f"{W}body")
    if body is None:
        raise UnreadableDocument("DOCX_DAMAGED", "Word 文档没有正文", source=source)
    return body, main


_MAIN = "word/document.xml"
_OFFICE_DOCUMENT = "/officeDocument"
"""How the type of the package's relationship to its main part ends (transitional and
strict namespaces alike)."""


def _main_part(archive: zipfile.ZipFile) -> str:
    """The main part: ``word/document.xml`` when there is one, else the target of the
    package's ``officeDocument`` relationship (``_rels/.rels``)."""
    names = set(archive.namelist())
    if _MAIN in names:
        return _MAIN
    targets = _relationships(archive, "_rels/.rels")
    for kind, target in targets:
        if kind.endswith(_OFFICE_DOCUMENT):
            name = target.lstrip("/")
            if name in names:
                return name
    return _MAIN


def _relationships(archive: zipfile.ZipFile, name: str) -> list[tuple[str, str]]:
    """The (type, target) of each relationship in a ``.rels`` part; none when it is
    missing or unreadable."""
    try:
        with archive.open(name) as member:
            rels = lxml.etree.fromstring(
                member.read(_MAX_XML), parser=lxml.etree.XMLParser(resolve_entities=False)
            )
    except (KeyError, zipfile.BadZipFile, EOFError, OSError, ValueError, lxml.etree.XMLSyntaxError):
        return []
    return [(r.get("Type") or "", r.get("Target") or "") for r in rels.iter(_RELATIONSHIP)]


def _alt_chunk(data: bytes, chunk: lxml.etree._Element, source: str) -> Document | None:
    """The web page or text a Word file holds as an imported chunk (``w:altChunk``: what
    many sites' "export to Word" makes, the whole report being an HTML or MHT part),
    read as that page; ``None`` when the part is missing or unreadable."""
    from .detect import sniff
    from .read_html import read_html

    relation = chunk.get(_R_ID)
    if not relation:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            with archive.open("word/_rels/document.xml.rels") as member:
                rels = lxml.etree.fromstring(
                    member.read(_MAX_XML), parser=lxml.etree.XMLParser(resolve_entities=False)
                )
            target = next(
                (r.get("Target") for r in rels.iter(_RELATIONSHIP) if r.get("Id") == relation),
                None,
            )
            if not target:
                return None
            name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            with archive.open(name) as member:
                part = member.read(_MAX_XML + 1)
    except (KeyError, zipfile.BadZipFile, EOFError, OSError, ValueError, lxml.etree.XMLSyntaxError):
        return None
    if len(part) > _MAX_XML:
        return None
    kind, decoded = sniff(part)
    if decoded is None:
        return None
    if kind == "html":
        return read_html(decoded, source)
    text = normalize_text(decoded.text, simplify=looks_traditional(decoded.text[:2000]))
    lines = Document(source=source, kind="docx")
    lines.blocks.extend(numbered_lines(enumerate(text.split("\n"), start=1)))
    return lines


def _blocks(parent: lxml.etree._Element) -> list[lxml.etree._Element]:
    """Paragraphs and tables of the body in order, looking inside content controls and
    inside tables that only lay out the page (``_is_frame``)."""
    out: list[lxml.etree._Element] = []
    for child in parent:
        if child.tag == _P:
            out.append(child)
            for box in _text_boxes(child):
                out.extend(_blocks(box))
        elif child.tag == _ALT_CHUNK:
            out.append(child)
        elif child.tag == _TBL:
            if _is_frame(child):
                for tr in _wrapped(child, _TR):
                    for tc in _wrapped(tr, _TC):
                        out.extend(_blocks(tc))
            else:
                out.append(child)
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                out.extend(_blocks(content))
    return out


def _wrapped(parent: lxml.etree._Element, tag: str) -> list[lxml.etree._Element]:
    """The children of ``parent`` with ``tag``, also those wrapped in a content control
    (``w:sdt``: a repeating section's rows, a cell) or in ``w:customXml``."""
    out: list[lxml.etree._Element] = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                out.extend(_wrapped(content, tag))
        elif child.tag == _CUSTOM_XML:
            out.extend(_wrapped(child, tag))
    return out


def _is_frame(table: lxml.etree._Element) -> bool:
    """Whether a table only holds the document's text: it has tables inside its cells
    (a layout table around the report), or no row of two cells (a box drawn around the
    text; every table of the form has two columns or more). Its cells' paragraphs and
    tables are read as if they stood in the body."""
    if any(not _is_box(inner) for inner in table.iterdescendants(_TBL)):
        return True
    return all(len(_wrapped(tr, _TC)) < 2 for tr in _wrapped(table, _TR))


def _is_box(table: lxml.etree._Element) -> bool:
    """Whether a table nested in a cell only draws a box around that cell's content (one
    cell, and the cell around it holds no text beside it): the figure it boxes is the
    cell's, and the table around it a real table, not a layout."""
    cells = table.iter(_TC)
    if next(cells, None) is None or next(cells, None) is not None:
        return False
    outer = next(table.iterancestors(_TC), None)
    if outer is None:
        return False
    return "".join("".join(outer.itertext(_T)).split()) == "".join(
        "".join(table.itertext(_T)).split()
    )


def _text_boxes(paragraph: lxml.etree._Element) -> list[lxml.etree._Element]:
    """The text boxes anchored in a paragraph (their paragraphs and tables are read as
    blocks after it), not those inside another box nor the copy in ``mc:Fallback``."""
    boxes: list[lxml.etree._Element] = []
    for box in paragraph.iter(_TEXT_BOX):
        parent = box.getparent()
        while parent is not None and parent is not paragraph:
            if parent.tag in (_TEXT_BOX, _FALLBACK):
                break
            parent = parent.getparent()
        else:
            boxes.append(box)
    return boxes


def _paragraph_text(paragraph: lxml.etree._Element, numbering: _Numbering | None = None) -> str:
    """The paragraph's own text: a text box anchored in it is read as blocks of its own
    (``_blocks``), and its second copy (``mc:Fallback``, for old Word) not at all, nor
    text a tracked change moved away or deleted (``w:moveFrom``, ``w:del``)."""
    parts: list[str] = []
    elsewhere: set[lxml.etree._Element] = set()
    for node in paragraph.iter(_T, _TAB, _BR, _CR, _FALLBACK, _TEXT_BOX, _MOVE_FROM, _DEL):
        if node.tag in (_FALLBACK, _TEXT_BOX, _MOVE_FROM, _DEL):
            elsewhere.update(node.iter(_T, _TAB, _BR, _CR))
        elif elsewhere and node in elsewhere:
            continue
        elif node.tag == _T:
            if not _is_hidden(node):
                parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        elif node.tag in (_BR, _CR):
            parts.append("\n")
    text = "".join(parts)
    if numbering is not None:
        number = numbering.label(paragraph)
        if number and text.strip():
            return number + text
    return text


def _is_hidden(text_node: lxml.etree._Element) -> bool:
    run = text_node.getparent()
    if run is None:
        return False
    properties = run.find(f"{W}rPr")
    return properties is not None and properties.find(f"{W}vanish") is not None


def _cell_text(cell: lxml.etree._Element, numbering: _Numbering | None) -> str:
    paragraphs = [_paragraph_text(p, numbering) for p in cell.iter(_P)]
    return "\n".join(p for p in paragraphs if p.strip())


class _Rows(list[list[RawCell]]):
    """A table's printed cells, row by row, each at its own grid column, and the
    positions (row, column) that a vertical merge covers below its first row: their text
    is the merged cell's, and they are marked merged once the table is laid out."""

    continued: frozenset[tuple[int, int]] = frozenset()


Content = str | _Rows | Document
"""A block as a Word reader finds it: a paragraph's text, a table's printed cells (at
their grid columns), or a page the file imports whole (``w:altChunk``)."""


def _table_rows(table: lxml.etree._Element, numbering: _Numbering | None = None) -> _Rows:
    """Printed cells with their horizontal spans, every one at its grid column; a cell
    that continues a vertical merge (``w:vMerge`` without ``restart``) shows, column by
    column, what the cell above it shows there, as Word draws it: also where the merge is
    not aligned with the cells above (a continuation narrower or wider than the merged
    cell, or starting inside it, or after a ``w:gridBefore`` that the row above has not),
    which the rectangular rowspans of ``grid.expand`` cannot hold."""
    grid_rows: list[list[_Cell]] = []
    for tr in _wrapped(table, _TR):
        row_properties = tr.find(_TR_PR)
        if row_properties is not None and row_properties.find(_DEL) is not None:
            continue  # a row a tracked change deleted
        column = _int_property(row_properties, _GRID_BEFORE, 0)
        cells: list[_Cell] = []
        for tc in _wrapped(tr, _TC):
            properties = tc.find(_TC_PR)
            span = max(1, _int_property(properties, _GRID_SPAN, 1))
            merge_element = None if properties is None else properties.find(_V_MERGE)
            merge = None
            if merge_element is not None:
                merge = "restart" if merge_element.get(_VAL) == "restart" else "continue"
            join = None if properties is None else properties.find(_H_MERGE)
            if join is not None and join.get(_VAL) != "restart" and cells:
                # a horizontal merge as old converters write it: part of the cell before
                cells[-1].span += span
                column += span
                continue
            cells.append(_Cell(column, span, _cell_text(tc, numbering), merge))
            column += span
        grid_rows.append(cells)

    return merged_rows(grid_rows)


def merged_rows(grid_rows: list[list[_Cell]]) -> _Rows:
    """A table's rows of cells at their grid columns, each cell continuing a vertical merge
    replaced by what the row above shows over its columns (``_shown_above``): Word's
    tables (``w:vMerge``) and Word 97's (``read_doc``) alike."""
    rows = _Rows()
    continued: set[tuple[int, int]] = set()
    above: list[_Cell] = []  # what the row above shows, cell by cell
    for r, cells in enumerate(grid_rows):
        row: list[RawCell] = []
        before = cells[0].column if cells else 0
        if before:
            row.append(RawCell("", 1, before))
        shown = cells
        if above and any(cell.merge == "continue" for cell in cells):
            shown = []
            for cell in cells:
                texts = _shown_above(above, cell) if cell.merge == "continue" else None
                if texts is None:
                    row.append(RawCell(cell.text, 1, cell.span))
                    shown.append(cell)
                    continue
                for k, text in texts:
                    row.append(RawCell(text or ""))
                    shown.append(_Cell(k, 1, text or "", None))
                    if text is not None:
                        continued.add((r, k))
        else:
            row.extend(RawCell(cell.text, 1, cell.span) for cell in cells)
        rows.append(row)
        above = shown
    rows.continued = frozenset(continued)
    return rows


def _shown_above(above: list[_Cell], cell: _Cell) -> list[tuple[int, str | None]] | None:
    """What the cells of the row above show over each grid column of ``cell`` (``None``
    over a column no cell covers), or ``None`` when no cell above meets it."""
    texts: list[tuple[int, str | None]] = []
    for k in range(cell.column, cell.column + min(cell.span, MAX_WIDTH)):
        covering = next((c for c in above if c.column <= k < c.column + c.span), None)
        texts.append((k, covering.text if covering is not None else None))
    return texts if any(text is not None for _, text in texts) else None


def _laid_out(rows: _Rows, *, simplify: bool, number: int) -> Grid:
    """The table's grid, the positions a vertical merge continues into marked merged."""
    grid = expand(rows, simplify=simplify, number=number)
    if not rows.continued:
        return grid
    merged = tuple(
        tuple(m or (r, c) in rows.continued for c, m in enumerate(flags))
        for r, flags in enumerate(grid.merged)
    )
    return Grid(rows=grid.rows, merged=merged, number=grid.number, page=grid.page)


def _int_property(properties: lxml.etree._Element | None, tag: str, default: int) -> int:
    if properties is None:
        return default
    found = properties.find(tag)
    if found is None:
        return default
    try:
        return int(found.get(_VAL, default))
    except ValueError:
        return default


# ----------------------------------------------------------------------------- numbering

_NUM_PR, _NUM_ID, _ILVL = f"{W}numPr", f"{W}numId", f"{W}ilvl"
_P_PR, _P_STYLE = f"{W}pPr", f"{W}pStyle"
_NUMBERING_REL, _STYLES_REL = "/numbering", "/styles"
_CHINESE_DIGITS = "零一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_MAX_LEVELS = 9


def _chinese(n: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    """A count in Chinese numerals as Word prints it (``十一``, ``二十``, ``一百零五``)."""
    if n <= 0 or n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = f"{digits[hundreds]}百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + ten
    elif hundreds and ones:
        out += digits[0]
    if ones:
        out += digits[ones]
    return out


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += letters
            n -= value
    return out


def _format_number(n: int, kind: str) -> str:
    """A list counter in one of Word's number formats (``w:numFmt``)."""
    if kind in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
        return _chinese(n)
    if kind == "japaneseCounting":
        return _chinese(n)
    if kind in ("ideographDigital", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if kind in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return _chinese(n, _LEGAL_DIGITS, "拾")
    if kind in ("ideographTraditional", "ideographZodiac") and 0 < n <= len(_STEMS):
        return _STEMS[n - 1]
    if kind in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if kind == "decimalEnclosedParen" and 0 < n <= 20:
        return f"({n})"
    if kind == "decimalEnclosedFullstop" and 0 < n <= 20:
        return f"{n}."
    if kind in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if kind == "upperLetter" else letter.lower()
    if kind in ("upperRoman", "lowerRoman"):
        return _roman(n) if kind == "upperRoman" else _roman(n).lower()
    if kind in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalZero, decimalFullWidth … and formats not known


class _Level(NamedTuple):
    start: int
    kind: str
    text: str
    suffix: str


class ListCounter:
    """Counts Word's numbered paragraphs in reading order as Word counts them, and draws
    their numbers; for both Word readers (a DOCX's ``numbering.xml``, a ``.doc``'s lists).

    Lists of one definition count on together (Word's "continue numbering"); a list that
    restarts says so by overriding a level's start, used on its first paragraph there; a
    level restarts when a level above it counts on."""

    def __init__(self) -> None:
        self.counters: dict[object, list[int | None]] = {}
        """Counts by list definition and level."""
        self.restarted: set[tuple[object, int]] = set()

    def label(
        self,
        definition: object,
        instance: object,
        levels: Mapping[int, _Level],
        level: int,
        starts: Mapping[int, int],
    ) -> str:
        """The number a paragraph at ``level`` of a list shows (with one space after
        it, as a number typed by hand is followed), or ``""``; counts it. ``definition``
        is the list definition, ``instance`` the list that uses it with its ``starts``
        overrides; ``%1`` … ``%9`` in a level's text stand for the counts."""
        if level not in levels:
            return ""
        if levels[level].kind in ("bullet", "none"):
            return ""  # a bullet (a symbol font's character) or no number: not text
        counters = self.counters.setdefault(definition, [None] * _MAX_LEVELS)
        for deeper in range(level + 1, _MAX_LEVELS):
            counters[deeper] = None
        current = counters[level]
        if level in starts and (instance, level) not in self.restarted:
            self.restarted.add((instance, level))
            counters[level] = starts[level]
        elif current is None:
            counters[level] = levels[level].start
        else:
            counters[level] = current + 1
        text = levels[level].text
        for shown in range(level + 1):
            placeholder = f"%{shown + 1}"
            if placeholder in text:
                known = levels.get(shown)
                count = counters[shown]
                if count is None:
                    count = known.start if known else 1
                text = text.replace(placeholder, _format_number(count, known.kind if known else ""))
        text = text.strip()
        if not text:
            return ""
        return text if levels[level].suffix == "nothing" else text + " "


class _Numbering:
    """Word's list numbering (``word/numbering.xml``): the ``一、`` ``（一）`` ``1.`` a
    numbered paragraph shows but does not hold as text, counted in reading order as Word
    counts them (a level restarts when a level above it counts on). A paragraph is
    numbered by its own ``w:numPr`` or its style's (``word/styles.xml``)."""

    def __init__(
        self,
        lists: dict[str, tuple[str, dict[int, int]]],
        levels: dict[str, dict[int, _Level]],
        styles: dict[str, tuple[str | None, str | None, int | None]],
    ) -> None:
        self.lists = lists  # numId → (abstractNumId, start overrides by level)
        self.levels = levels  # abstractNumId → levels
        self.styles = styles  # styleId → (numId, basedOn, ilvl)
        self.counter = ListCounter()

    @classmethod
    def of(cls, data: bytes, main: str) -> _Numbering | None:
        """The numbering of the package whose main part is ``main``; ``None`` when it
        numbers nothing (most files: then no paragraph's properties are looked at)."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                folder, _, name = main.rpartition("/")
                rels = _relationships(archive, f"{folder}/_rels/{name}.rels")
                numbering = _part(archive, folder, rels, _NUMBERING_REL, "numbering.xml")
                if numbering is None:
                    return None
                styles = _part(archive, folder, rels, _STYLES_REL, "styles.xml")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError):
            return None
        lists: dict[str, tuple[str, dict[int, int]]] = {}
        levels: dict[str, dict[int, _Level]] = {}
        for abstract in numbering.iter(f"{W}abstractNum"):
            key = abstract.get(f"{W}abstractNumId") or ""
            levels[key] = {
                _int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in abstract.iter(f"{W}lvl")
            }
        for num in numbering.iter(f"{W}num"):
            abstract_id = num.find(f"{W}abstractNumId")
            if abstract_id is None:
                continue
            starts: dict[int, int] = {}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                if start is not None:
                    starts[_int(override.get(f"{W}ilvl"), 0)] = _int(start.get(_VAL), 1)
            lists[num.get(f"{W}numId") or ""] = (abstract_id.get(_VAL) or "", starts)
        if not lists:
            return None
        style_numbers: dict[str, tuple[str | None, str | None, int | None]] = {}
        for style in () if styles is None else styles.iter(f"{W}style"):
            based = style.find(f"{W}basedOn")
            num_pr = style.find(f"{_P_PR}/{_NUM_PR}")
            num_id = ilvl = None
            if num_pr is not None:
                num_id, ilvl = _num_pr(num_pr)
            style_numbers[style.get(f"{W}styleId") or ""] = (
                num_id,
                None if based is None else based.get(_VAL),
                ilvl,
            )
        return cls(lists, levels, style_numbers)

    def label(self, paragraph: lxml.etree._Element) -> str:
        """The number the paragraph shows (with one space after it, as a number typed by
        hand is followed), or ``""``; counts it."""
        properties = paragraph.find(_P_PR)
        if properties is None:
            return ""
        num_id, ilvl = None, None
        num_pr = properties.find(_NUM_PR)
        if num_pr is not None:
            num_id, ilvl = _num_pr(num_pr)
        if num_id is None:
            style = properties.find(_P_STYLE)
            if style is None:
                return ""
            num_id, style_level = self._style_number(style.get(_VAL))
            ilvl = style_level if ilvl is None else ilvl
        if not num_id or num_id == "0" or num_id not in self.lists:
            return ""
        abstract, starts = self.lists[num_id]
        level = min(max(ilvl or 0, 0), _MAX_LEVELS - 1)
        return self.counter.label(abstract, num_id, self.levels.get(abstract, {}), level, starts)

    def _style_number(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The list and level a paragraph style gives, through the styles it is based
        on, each the nearest style's that names it (a style based on a numbered one
        may change its level alone)."""
        num_id: str | None = None
        ilvl: int | None = None
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            own_id, based, own_level = self.styles[style_id]
            num_id = own_id if num_id is None else num_id
            ilvl = own_level if ilvl is None else ilvl
            style_id = based
        return num_id, ilvl


def _part(
    archive: zipfile.ZipFile,
    folder: str,
    rels: list[tuple[str, str]],
    kind: str,
    default: str,
) -> lxml.etree._Element | None:
    """A part the main part relates to (numbering, styles), parsed; ``None`` if absent."""
    target = next((t for k, t in rels if k.endswith(kind)), default)
    name = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
    try:
        with archive.open(name) as member:
            xml = member.read(_MAX_XML + 1)
    except KeyError:
        return None
    if len(xml) > _MAX_XML:
        return None
    if _STRICT in xml:
        xml = xml.replace(_STRICT, _TRANSITIONAL)
    try:
        return lxml.etree.fromstring(xml, parser=lxml.etree.XMLParser(resolve_entities=False))
    except lxml.etree.XMLSyntaxError:
        return None


def _level(lvl: lxml.etree._Element) -> _Level:
    def value(tag: str) -> str | None:
        found = lvl.find(f"{W}{tag}")
        return None if found is None else found.get(_VAL)

    return _Level(
        start=_int(value("start"), 1),
        kind=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        suffix=value("suff") or "tab",
    )


def _num_pr(num_pr: lxml.etree._Element) -> tuple[str | None, int | None]:
    num_id = num_pr.find(_NUM_ID)
    ilvl = num_pr.find(_ILVL)
    return (
        None if num_id is None else num_id.get(_VAL),
        None if ilvl is None else _int(ilvl.get(_VAL), 0),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
