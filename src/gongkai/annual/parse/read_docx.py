"""DOCX → ``Document``: paragraphs and tables in body order, merged cells expanded.

The body XML (``word/document.xml``) is read directly so paragraphs and tables keep their
order; horizontal merges (``w:gridSpan``, ``w:gridBefore``) and vertical merges
(``w:vMerge``) become spans laid out by ``grid.expand``. A table that only lays out the
page (tables inside its cells, or one column: a frame around the text) is read as the
paragraphs and tables in its cells. ``Line.number`` is the paragraph's position in the
body (1-based, tables counting as one), ``Grid.number`` the position of the table.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import lxml.etree

from .document import Document
from .grid import RawCell, expand
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
    body = _body(data, source)
    raw: list[tuple[str | list[list[RawCell]] | Document, int]] = []
    for position, element in enumerate(_blocks(body), start=1):
        if element.tag == _P:
            raw.append((_paragraph_text(element), position))
        elif element.tag == _ALT_CHUNK:
            chunk = _alt_chunk(data, element, source)
            if chunk is not None:
                raw.append((chunk, position))
        else:
            raw.append((_table_rows(element), position))
    document = Document(source=source, kind="docx")
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
            document.blocks.append(expand(content, simplify=simplify, number=number))
    document.blocks.extend(numbered_lines(pending))
    return document


def _sample(content: str | list[list[RawCell]] | Document) -> str:
    """A block's raw text, to judge whether the file is in traditional characters (an
    imported page was judged, and normalised, on its own)."""
    if isinstance(content, str):
        return content
    if isinstance(content, Document):
        return ""
    return "".join(c.text for row in content for c in row)


def _body(data: bytes, source: str) -> lxml.etree._Element:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("word/document.xml")
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
    return body


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
    if next(table.iterdescendants(_TBL), None) is not None:
        return True
    return all(len(_wrapped(tr, _TC)) < 2 for tr in _wrapped(table, _TR))


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


def _paragraph_text(paragraph: lxml.etree._Element) -> str:
    """The paragraph's own text: a text box anchored in it is read as blocks of its own
    (``_blocks``), and its second copy (``mc:Fallback``, for old Word) not at all."""
    parts: list[str] = []
    elsewhere: set[lxml.etree._Element] = set()
    for node in paragraph.iter(_T, _TAB, _BR, _CR, _FALLBACK, _TEXT_BOX):
        if node.tag in (_FALLBACK, _TEXT_BOX):
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
    return "".join(parts)


def _is_hidden(text_node: lxml.etree._Element) -> bool:
    run = text_node.getparent()
    if run is None:
        return False
    properties = run.find(f"{W}rPr")
    return properties is not None and properties.find(f"{W}vanish") is not None


def _cell_text(cell: lxml.etree._Element) -> str:
    paragraphs = [_paragraph_text(p) for p in cell.iter(_P)]
    return "\n".join(p for p in paragraphs if p.strip())


def _table_rows(table: lxml.etree._Element) -> list[list[RawCell]]:
    """Printed cells with their spans; vertical merges counted into rowspans."""
    grid_rows: list[list[_Cell]] = []
    for tr in _wrapped(table, _TR):
        column = _int_property(tr.find(_TR_PR), _GRID_BEFORE, 0)
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
            cells.append(_Cell(column, span, _cell_text(tc), merge))
            column += span
        grid_rows.append(cells)

    rows: list[list[RawCell]] = []
    for r, cells in enumerate(grid_rows):
        row: list[RawCell] = []
        before = cells[0].column if cells else 0
        if before:
            row.append(RawCell("", 1, before))
        for cell in cells:
            if cell.merge == "continue" and _has_cell_above(grid_rows, r, cell.column):
                continue
            rowspan = 1
            if cell.merge == "restart":
                while r + rowspan < len(grid_rows) and any(
                    below.column == cell.column and below.merge == "continue"
                    for below in grid_rows[r + rowspan]
                ):
                    rowspan += 1
            row.append(RawCell(cell.text, rowspan, cell.span))
        rows.append(row)
    return rows


def _has_cell_above(grid_rows: list[list[_Cell]], r: int, column: int) -> bool:
    return r > 0 and any(cell.column == column for cell in grid_rows[r - 1])


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
