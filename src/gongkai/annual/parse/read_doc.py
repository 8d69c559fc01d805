"""Word 97-2003 binary (``.doc``, and WPS Office's ``.wps``) → ``Document``, like ``read_docx``.

The file is an OLE compound file whose ``WordDocument`` stream starts with the FIB, which
says where the rest lies in the table stream (``1Table`` or ``0Table``): the piece table
(``Clx``) maps the document's characters to their bytes, and the paragraph properties
(``PlcBtePapx`` → 512-byte PAPX pages in ``WordDocument``) say which paragraphs stand in
a table, at what depth, and which one ends a row, with that row's cell boundaries and
merge flags (``sprmTDefTable``). The format is Microsoft's public [MS-DOC] specification.

Every offset and count read from the file is checked against the stream it points into:
a structure that does not fit raises ``_Damaged`` (the file is refused as damaged) or,
for the paragraph properties alone, leaves the text read without its tables and says so.
The numbers Word draws for a numbered list (``一、``) are read as ``read_docx`` reads them,
whether the paragraph names its list itself or through its style. The blocks are laid out
into the ``Document`` by ``read_docx.lay_out``, as a DOCX's are. Text marked hidden or
deleted by a tracked change is left out. A text box's text is read after the paragraph
it is anchored in, as ``read_docx`` reads it. Not read: headers, footers and notes.
"""

from __future__ import annotations

import io
import re
import struct
from bisect import bisect_right
from dataclasses import dataclass, field

from .document import Document
from .grid import MAX_WIDTH
from .read_docx import (
    Content,
    ListCounter,
    _Cell,
    _Level,
    _Rows,
    lay_out,
    merged_rows,
    report_title,
)
from .unreadable import UnreadableDocument

_W_IDENT = 0xA5EC
_MIN_NFIB = 0x00C0
"""Word 97 and later; Word 6/95 files lay their FIB out otherwise."""
_F_ENCRYPTED, _F_WHICH_TABLE, _F_OBFUSCATED = 0x0100, 0x0200, 0x8000
_MAX_STREAM = 64 * 1024 * 1024
_MAX_PIECES = 1_000_000
_MAX_FIELD_DEPTH = 32
_MAX_TABLE_DEPTH = 8
_MAX_GRID_CELLS = 64
_SNAP = 30
"""Cell boundaries of different rows closer than this (twips, 1/20 pt) are one column edge."""

_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_ITAP, _SPRM_DTAP = 0x2416, 0x2417, 0x6649, 0x664A
_SPRM_INNER_CELL, _SPRM_INNER_TTP = 0x244B, 0x244C
_SPRM_DEF_TABLE, _SPRM_VERT_MERGE, _SPRM_CHG_TABS = 0xD608, 0xD62B, 0xC615
_SPRM_MERGE, _SPRM_SPLIT = 0x5624, 0x5625
_SPRM_HUGE_PAPX = 0x6646
_SPRM_VANISH, _SPRM_DELETED = 0x083C, 0x0800
_SPRM_ILFO, _SPRM_ILVL = 0x460B, 0x260A
"""The paragraph's properties are too long for its page: they are in the ``Data`` stream."""
_OPERAND_SIZES = (1, 1, 2, 4, 2, 2, 0, 3)
"""Operand bytes by a sprm's ``spra`` (its top three bits); 0: the size is in the operand."""

_COMPRESSED_EXTRA = {
    0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020",
    0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039",
    0x8C: "\u0152", 0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d",
    0x95: "\u2022", 0x96: "\u2013", 0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122",
    0x9A: "\u0161", 0x9B: "\u203a", 0x9C: "\u0153", 0x9F: "\u0178",
}  # fmt: skip
"""The bytes of an 8-bit ("compressed") piece that do not stand for the character of
the same number ([MS-DOC] 2.4.1)."""
_COMPRESSED = str.maketrans(_COMPRESSED_EXTRA)

_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END = "\x13", "\x14", "\x15"
_CELL_MARK, _PARAGRAPH_MARK = "\x07", "\r"
_STRUCTURE_RE = re.compile("[\x07\r\x13\x14\x15]")
"""The characters that end a paragraph or a cell, or begin, divide or end a field."""
_SHOWN = str.maketrans(
    {
        "\x0b": "\n",  # line break
        "\x0c": "\n",  # page or section break
        "\x0e": "\n",  # column break
        "\x1e": "-",  # non-breaking hyphen
        **{chr(c): None for c in range(0x20) if chr(c) not in "\t\n\x0b\x0c\x0e\x1e"},
    }
)
"""What the special characters left in a paragraph show: objects, pictures, note marks
and optional hyphens nothing."""


class _Damaged(Exception):
    """A structure of the file that does not fit where it should (the reason in Chinese)."""


def read_doc(data: bytes, source: str) -> Document:
    word, table, title = _streams(data, source)
    extra = table.get("Data", b"")
    try:
        fib = _Fib.of(word, source)
        table_stream = table.get(fib.table_name)
        if table_stream is None:
            raise _Damaged(f"缺少表格流（{fib.table_name}）")
        pieces, prcs = _clx(table_stream, fib)
        text, positions = _main_text(word, pieces, fib.ccp_text)
    except _Damaged as exc:
        raise UnreadableDocument(
            "DOCX_DAMAGED",
            f"Word 97-2003 文档（.doc）已损坏或不完整（{exc}），无法读取；请重新获取原文件",
            source=source,
        ) from exc
    notes: list[dict[str, object]] = []
    try:
        runs = _papx_runs(word, table_stream, fib)
    except _Damaged as exc:
        runs = None
        notes.append(_no_tables_note(source, str(exc)))
    try:
        hidden = _hidden_runs(word, table_stream, fib)
    except _Damaged:
        hidden = []  # the text's own properties unreadable: all of it read as shown
    text, origin = _visible(text, pieces, hidden)
    paragraphs = _paragraphs(text, origin, positions, pieces, prcs, runs, extra)
    lists = _Lists.of(table_stream, fib)
    if lists is not None:
        paragraphs = [lists.numbered(paragraph) for paragraph in paragraphs]
    paragraphs = _with_text_boxes(paragraphs, _text_boxes(word, table_stream, pieces, fib))
    document = lay_out(_blocks(_structure(paragraphs)), source, "doc", lambda: title)
    document.diagnostics[:0] = notes
    return document


# ----------------------------------------------------------------------------- streams


def _streams(data: bytes, source: str) -> tuple[bytes, dict[str, bytes], str | None]:
    """The ``WordDocument`` stream, the table streams and ``Data`` stream there are, and
    the title property."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise UnreadableDocument(
                    "UNSUPPORTED_FORMAT",
                    "是旧版 Office 文件，但不是 Word 文档（可能是 Excel .xls）；"
                    "请另存为 DOCX 或 PDF 后再解析",
                    source=source,
                )
            word = _stream(ole, "WordDocument")
            tables = {
                name: _stream(ole, name)
                for name in ("0Table", "1Table", "Data")
                if ole.exists(name)
            }
            title = _title(ole)
    except UnreadableDocument:
        raise
    except Exception as exc:  # olefile's own errors on a damaged container
        raise UnreadableDocument(
            "DOCX_DAMAGED",
            "Word 97-2003 文档（.doc）已损坏或不完整（可能下载时被截断），无法打开；请重新获取原文件",
            source=source,
        ) from exc
    return word, tables, title


def _stream(ole: object, name: str) -> bytes:
    size = ole.get_size(name)  # type: ignore[attr-defined]
    if size > _MAX_STREAM:
        raise UnreadableDocument(
            "TOO_LARGE",
            f"Word 文档的“{name}”部分超过 {_MAX_STREAM // 1024 // 1024} MB，不像年度报告，未读取",
        )
    with ole.openstream(name) as stream:  # type: ignore[attr-defined]
        data: bytes = stream.read(_MAX_STREAM + 1)
    return data


def _title(ole: object) -> str | None:
    """The file's title property when it names a report (what Word fills from the first
    line), as ``read_docx`` reads ``docProps/core.xml``."""
    try:
        meta = ole.get_metadata()  # type: ignore[attr-defined]
        raw = meta.title
        if not raw:
            return None
        text = raw.decode(_codec(meta.codepage), "replace")
    except Exception:  # a damaged property set: the file is read without its title
        return None
    return report_title(text.replace("\x00", ""))


def _codec(codepage: int | None) -> str:
    """The codec of a property set's code page (stored as a signed 16-bit number)."""
    page = (codepage or 936) & 0xFFFF
    names = {1200: "utf-16-le", 65001: "utf-8", 936: "gb18030", 950: "big5hkscs"}
    name = names.get(page, f"cp{page}")
    try:
        "".encode(name)
    except LookupError:
        return "gb18030"
    return name


# ----------------------------------------------------------------------------- FIB


def _u16(data: bytes, offset: int) -> int:
    if offset < 0 or offset + 2 > len(data):
        raise _Damaged("结构越界")
    value: int = struct.unpack_from("<H", data, offset)[0]
    return value


def _u32(data: bytes, offset: int) -> int:
    if offset < 0 or offset + 4 > len(data):
        raise _Damaged("结构越界")
    value: int = struct.unpack_from("<I", data, offset)[0]
    return value


@dataclass(frozen=True)
class _Fib:
    table_name: str
    ccp_text: int
    fc_clx: int
    lcb_clx: int
    fc_papx: int
    lcb_papx: int
    fc_chpx: int
    lcb_chpx: int
    before_boxes: int = 0  # characters of the stories before the text boxes' story
    ccp_boxes: int = 0
    fc_shapes: int = 0
    lcb_shapes: int = 0
    fc_boxes: int = 0
    lcb_boxes: int = 0
    fc_lists: int = 0
    lcb_lists: int = 0
    fc_overrides: int = 0
    lcb_overrides: int = 0
    fc_styles: int = 0
    lcb_styles: int = 0

    @classmethod
    def of(cls, word: bytes, source: str) -> _Fib:
        if len(word) < 0x40 or _u16(word, 0) != _W_IDENT:
            raise _Damaged("文件头不是 Word 文档的格式")
        flags = _u16(word, 0x0A)
        if flags & (_F_ENCRYPTED | _F_OBFUSCATED):
            raise UnreadableDocument(
                "ENCRYPTED",
                "文档设有打开密码（已加密），无法读取；请提供未加密的文件",
                source=source,
            )
        if _u16(word, 0x02) < _MIN_NFIB:
            raise UnreadableDocument(
                "UNSUPPORTED_FORMAT",
                "是 Word 95 或更早版本的文档，无法直接读取；请另存为 DOCX 或 PDF 后再解析",
                source=source,
            )
        csw = _u16(word, 0x20)
        lw = 0x22 + csw * 2
        cslw = _u16(word, lw)
        fc_lcb = lw + 2 + cslw * 4
        cb_fc_lcb = _u16(word, fc_lcb)
        if cslw < 4 or cb_fc_lcb < 34:
            raise _Damaged("文件头过短")
        blob = fc_lcb + 2

        def pair(index: int) -> tuple[int, int]:
            return _u32(word, blob + index * 8), _u32(word, blob + index * 8 + 4)

        fc_clx, lcb_clx = pair(33)
        fc_papx, lcb_papx = pair(13)
        fc_chpx, lcb_chpx = pair(12)
        counts = [_u32(word, lw + 2 + 4 * i) for i in range(3, 10)] if cslw >= 10 else [0] * 7
        shapes, boxes = pair(40), pair(56)
        lists = pair(73) if cb_fc_lcb > 74 else (0, 0)
        overrides = pair(74) if cb_fc_lcb > 74 else (0, 0)
        styles = pair(1)
        return cls(
            table_name="1Table" if flags & _F_WHICH_TABLE else "0Table",
            ccp_text=_u32(word, lw + 2 + 12),
            fc_clx=fc_clx,
            lcb_clx=lcb_clx,
            fc_papx=fc_papx,
            lcb_papx=lcb_papx,
            fc_chpx=fc_chpx,
            lcb_chpx=lcb_chpx,
            before_boxes=sum(counts[1:6]),
            ccp_boxes=counts[6],
            fc_shapes=shapes[0],
            lcb_shapes=shapes[1],
            fc_boxes=boxes[0],
            lcb_boxes=boxes[1],
            fc_lists=lists[0],
            lcb_lists=lists[1],
            fc_overrides=overrides[0],
            lcb_overrides=overrides[1],
            fc_styles=styles[0],
            lcb_styles=styles[1],
        )


# ----------------------------------------------------------------------------- pieces


@dataclass(frozen=True)
class _Piece:
    start: int  # first character position (CP)
    end: int
    fc: int  # byte offset of the first character in WordDocument
    compressed: bool
    prm: int


def _clx(table: bytes, fib: _Fib) -> tuple[list[_Piece], list[bytes]]:
    """The pieces of text in character order and the property lists (``Prc``) the
    pieces may point to."""
    end = fib.fc_clx + fib.lcb_clx
    if fib.lcb_clx == 0 or end > len(table):
        raise _Damaged("文字位置表（Clx）超出文件范围")
    offset = fib.fc_clx
    prcs: list[bytes] = []
    while offset < end:
        kind = table[offset]
        if kind == 0x01:
            size = struct.unpack_from("<h", table, offset + 1)[0] if offset + 3 <= end else -1
            if size < 0 or offset + 3 + size > end:
                raise _Damaged("文字位置表（Clx）的格式属性越界")
            prcs.append(table[offset + 3 : offset + 3 + size])
            offset += 3 + size
        elif kind == 0x02:
            size = _u32(table, offset + 1)
            if offset + 5 + size > end:
                raise _Damaged("文字位置表（Clx）越界")
            return _pieces(table[offset + 5 : offset + 5 + size]), prcs
        else:
            raise _Damaged("文字位置表（Clx）格式不对")
    raise _Damaged("缺少文字位置表（Pcdt）")


def _pieces(plc: bytes) -> list[_Piece]:
    count = (len(plc) - 4) // 12
    if count <= 0 or (len(plc) - 4) % 12 or count > _MAX_PIECES:
        raise _Damaged("文字位置表（PlcPcd）长度不对")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    pieces: list[_Piece] = []
    for i in range(count):
        base = 4 * (count + 1) + 8 * i
        fc, prm = struct.unpack_from("<IH", plc, base + 2)
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        start, end = cps[i], cps[i + 1]
        if end < start or (pieces and start < pieces[-1].end):
            raise _Damaged("文字位置表（PlcPcd）的位置不是递增的")
        pieces.append(_Piece(start, end, fc // 2 if compressed else fc, compressed, prm))
    return pieces


def _main_text(word: bytes, pieces: list[_Piece], ccp_text: int) -> tuple[str, list[int]]:
    """The main document's characters (the first ``ccpText``) and the byte position of
    each piece's first character in that text (index by index, for paragraph marks)."""
    if ccp_text > len(word):
        raise _Damaged("正文长度超出文件范围")
    parts: list[str] = []
    starts: list[int] = []
    for piece in pieces:
        if piece.start >= ccp_text:
            break
        count = min(piece.end, ccp_text) - piece.start
        width = 1 if piece.compressed else 2
        raw = word[piece.fc : piece.fc + count * width]
        if piece.fc + count * width > len(word):
            raise _Damaged("正文超出文件范围（文件可能被截断）")
        starts.append(piece.start)
        if piece.compressed:
            parts.append(raw.decode("latin-1").translate(_COMPRESSED))
        else:
            parts.append(raw.decode("utf-16-le", "replace"))
    return "".join(parts), starts


def _visible(
    text: str, pieces: list[_Piece], hidden: list[tuple[int, int, int]]
) -> tuple[str, list[int] | None]:
    """The text without what is hidden or deleted (a hidden paragraph or cell mark is
    kept: it still ends its paragraph or cell), and each kept character's position in
    ``text`` (``None`` when all is kept)."""
    if not hidden:
        return text, None
    hidden = sorted(hidden)
    starts = [start for start, _, _ in hidden]
    mask = bytearray(len(text))
    budget = 4 * len(text) + 1000  # runs overlapping each other (a hostile file) end early
    for piece in pieces:
        if piece.start >= len(text) or budget <= 0:
            break
        width = 1 if piece.compressed else 2
        end = piece.fc + (min(piece.end, len(text)) - piece.start) * width
        first_run = max(0, bisect_right(starts, piece.fc) - 1)
        for start, stop, kind in hidden[first_run : bisect_right(starts, end - 1)]:
            budget -= 1
            low, high = max(start, piece.fc), min(stop, end)
            if low >= high:
                continue
            first = piece.start + (low - piece.fc) // width
            last = piece.start + (high - piece.fc + width - 1) // width
            mask[first:last] = bytes([kind]) * (last - first)
    if not any(mask):
        return text, None
    origin = [
        i
        for i, (char, kind) in enumerate(zip(text, mask, strict=True))
        if kind == 0 or (kind == 1 and char in (_CELL_MARK, _PARAGRAPH_MARK))
    ]
    return "".join(text[i] for i in origin), origin


def _byte_position(pieces: list[_Piece], index: int, cp: int) -> int:
    piece = pieces[index]
    return piece.fc + (cp - piece.start) * (1 if piece.compressed else 2)


# ----------------------------------------------------------------------------- paragraph properties


@dataclass(frozen=True)
class _Run:
    start: int  # byte range of WordDocument the properties apply to
    end: int
    grpprl: bytes
    istd: int = 0  # the paragraph's style


def _papx_runs(word: bytes, table: bytes, fib: _Fib) -> list[_Run]:
    """Paragraph properties by the byte range they cover, in order."""
    runs: list[_Run] = []
    for page in _pages(word, table, fib.fc_papx, fib.lcb_papx, "段落属性"):
        runs.extend(_fkp_runs(page))
    runs.sort(key=lambda run: run.start)
    return runs


def _hidden_runs(word: bytes, table: bytes, fib: _Fib) -> list[tuple[int, int, int]]:
    """The byte ranges of text Word does not show: (start, end, 1) hidden, (…, 2) deleted
    by a tracked change (its marks too: a deleted row)."""
    out: list[tuple[int, int, int]] = []
    kinds: dict[bytes, int] = {}
    for page in _pages(word, table, fib.fc_chpx, fib.lcb_chpx, "文字属性"):
        crun = page[511]
        if crun == 0 or 5 * crun + 4 > 511:
            raise _Damaged("文字属性页格式不对")
        fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
        for i in range(crun):
            offset = page[4 * (crun + 1) + i] * 2
            if not offset or offset >= 511:
                continue
            grpprl = page[offset + 1 : offset + 1 + page[offset]]
            kind = kinds.get(grpprl)
            if kind is None:
                kind = kinds[grpprl] = _shown_kind(grpprl)
            if kind:
                out.append((fcs[i], fcs[i + 1], kind))
    return out


def _shown_kind(grpprl: bytes) -> int:
    """0: text shown; 1: hidden; 2: deleted by a tracked change."""
    kind = 0
    for sprm, operand in _sprms(grpprl):
        if sprm == _SPRM_DELETED and operand[0] == 1:
            return 2
        if sprm == _SPRM_VANISH and operand[0] in (1, 0x81):
            kind = 1
    return kind


def _pages(word: bytes, table: bytes, fc: int, lcb: int, what: str) -> list[bytes]:
    """The 512-byte property pages a bin table (``PlcBte``) points to, each once."""
    if lcb < 12 or fc + lcb > len(table) or (lcb - 4) % 8:
        raise _Damaged(f"{what}表超出文件范围")
    count = (lcb - 4) // 8
    numbers = struct.unpack_from(f"<{count}I", table, fc + 4 * (count + 1))
    pages: list[bytes] = []
    seen: set[int] = set()
    for value in numbers:
        number = value & 0x3FFFFF
        if number in seen:
            continue
        seen.add(number)
        if (number + 1) * 512 > len(word):
            raise _Damaged(f"{what}页超出文件范围")
        pages.append(word[number * 512 : (number + 1) * 512])
    return pages


def _fkp_runs(page: bytes) -> list[_Run]:
    """The runs of one 512-byte PAPX page (``PapxFkp``)."""
    crun = page[511]
    if crun == 0 or 4 * (crun + 1) + 13 * crun > 511:
        raise _Damaged("段落属性页格式不对")
    fcs = struct.unpack_from(f"<{crun + 1}I", page, 0)
    runs: list[_Run] = []
    for i in range(crun):
        offset = page[4 * (crun + 1) + 13 * i] * 2
        grpprl = b""
        istd = 0
        if offset:
            size = page[offset] if offset < 511 else 0
            if size:
                body = page[offset + 1 : offset + 1 + 2 * size - 1]
            else:
                size = page[offset + 1] if offset + 1 < 511 else 0
                body = page[offset + 2 : offset + 2 + 2 * size]
            grpprl = body[2:]  # after the style number (istd)
            istd = body[0] | body[1] << 8 if len(body) >= 2 else 0
        runs.append(_Run(fcs[i], fcs[i + 1], grpprl, istd))
    return runs


def _huge(grpprl: bytes, extra: bytes) -> bytes:
    """The properties a ``sprmPHugePapx`` points to in the ``Data`` stream (the rest of
    the page's list after them), or ``grpprl`` itself."""
    if len(grpprl) < 6 or (grpprl[0] | grpprl[1] << 8) != _SPRM_HUGE_PAPX:
        return grpprl
    offset = struct.unpack_from("<I", grpprl, 2)[0]
    if offset + 2 > len(extra):
        return grpprl[6:]
    size = struct.unpack_from("<h", extra, offset)[0]
    if size < 0 or offset + 2 + size > len(extra):
        return grpprl[6:]
    return extra[offset + 2 : offset + 2 + size] + grpprl[6:]


def _sprms(grpprl: bytes) -> list[tuple[int, bytes]]:
    """The (sprm, operand) pairs of a property list; a truncated last one is dropped."""
    out: list[tuple[int, bytes]] = []
    offset = 0
    size_of = len(grpprl)
    while offset + 2 <= size_of:
        sprm = grpprl[offset] | grpprl[offset + 1] << 8
        offset += 2
        size = _OPERAND_SIZES[sprm >> 13]
        if sprm == _SPRM_DEF_TABLE:
            if offset + 2 > size_of:
                break
            size = (grpprl[offset] | grpprl[offset + 1] << 8) + 1
        elif sprm == _SPRM_CHG_TABS:
            size = _chg_tabs_size(grpprl, offset)
        elif size == 0:
            if offset >= size_of:
                break
            size = grpprl[offset] + 1
        if offset + size > size_of:
            break
        out.append((sprm, grpprl[offset : offset + size]))
        offset += size
    return out


def _chg_tabs_size(grpprl: bytes, offset: int) -> int:
    if offset >= len(grpprl):
        return 1
    size = grpprl[offset]
    if size != 255:
        return size + 1
    deleted = grpprl[offset + 1] if offset + 1 < len(grpprl) else 0
    added_at = offset + 2 + 4 * deleted
    added = grpprl[added_at] if added_at < len(grpprl) else 0
    return 1 + 1 + 4 * deleted + 1 + 3 * added


@dataclass
class _Tc:
    left: int
    right: int
    first_merged: bool = False
    merged: bool = False
    vert_merge: bool = False
    vert_restart: bool = False


@dataclass
class _Props:
    depth: int = 0
    row_end: bool = False  # fTtp (depth 1) or fInnerTtp (deeper)
    inner_cell: bool = False
    cells: list[_Tc] | None = None
    ilfo: int | None = None  # the paragraph's list (1-based; 0: none; None: its style's)
    ilvl: int | None = None
    istd: int = 0  # the paragraph's style


def _props(grpprl: bytes, istd: int = 0) -> _Props:
    props = _Props(istd=istd)
    in_table = None
    itap = None
    ttp = inner_ttp = False
    for sprm, operand in _sprms(grpprl):
        if sprm == _SPRM_IN_TABLE:
            in_table = bool(operand[0])
        elif sprm == _SPRM_TTP:
            ttp = bool(operand[0])
        elif sprm == _SPRM_ITAP:
            itap = struct.unpack_from("<i", operand)[0]
        elif sprm == _SPRM_DTAP:
            itap = (itap or (1 if in_table else 0)) + struct.unpack_from("<i", operand)[0]
        elif sprm == _SPRM_INNER_CELL:
            props.inner_cell = bool(operand[0])
        elif sprm == _SPRM_INNER_TTP:
            inner_ttp = bool(operand[0])
        elif sprm == _SPRM_ILFO:
            props.ilfo = struct.unpack_from("<h", operand)[0]
        elif sprm == _SPRM_ILVL:
            props.ilvl = operand[0]
        elif sprm == _SPRM_DEF_TABLE:
            props.cells = _def_table(operand)
        elif props.cells is not None:
            _table_sprm(props.cells, sprm, operand)
    depth = itap if itap is not None else (1 if in_table else 0)
    if in_table is False:
        depth = 0
    props.depth = max(0, min(depth, _MAX_TABLE_DEPTH))
    props.row_end = (ttp and props.depth <= 1) or (inner_ttp and props.depth > 1)
    if ttp and props.depth == 0:
        props.depth = 1
    return props


def _def_table(operand: bytes) -> list[_Tc] | None:
    """The cells of a row from ``sprmTDefTable``: their edges and merge flags."""
    if len(operand) < 3:
        return None
    count = operand[2]
    if count > 63 or len(operand) < 3 + 2 * (count + 1):
        return None
    edges = struct.unpack_from(f"<{count + 1}h", operand, 3)
    cells = [_Tc(edges[i], edges[i + 1]) for i in range(count)]
    tc_start = 3 + 2 * (count + 1)
    for i, cell in enumerate(cells):
        at = tc_start + 20 * i
        if at + 2 > len(operand):
            break
        flags = operand[at] | operand[at + 1] << 8
        horizontal, vertical = flags & 0x3, (flags >> 5) & 0x3
        cell.first_merged = horizontal == 1
        cell.merged = horizontal in (2, 3)
        cell.vert_merge = vertical in (1, 3)
        cell.vert_restart = vertical == 3
    return cells


def _table_sprm(cells: list[_Tc], sprm: int, operand: bytes) -> None:
    """The row's cells as a later table sprm changes them (merges)."""
    if sprm == _SPRM_VERT_MERGE and len(operand) >= 3:
        index, flags = operand[1], operand[2]
        if index < len(cells):
            cells[index].vert_merge = flags in (1, 3)
            cells[index].vert_restart = flags == 3
    elif sprm in (_SPRM_MERGE, _SPRM_SPLIT) and len(operand) >= 2:
        first, limit = operand[0], min(operand[1], len(cells))
        for index in range(first, limit):
            cells[index].first_merged = sprm == _SPRM_MERGE and index == first
            cells[index].merged = sprm == _SPRM_MERGE and index > first


# ----------------------------------------------------------------------------- paragraphs


@dataclass(frozen=True)
class _Paragraph:
    text: str
    mark: str  # "\r", "\x07" or "" (the text's end)
    props: _Props
    end: int = -1  # the mark's character position


def _paragraphs(
    text: str,
    origin: list[int] | None,
    starts: list[int],
    pieces: list[_Piece],
    prcs: list[bytes],
    runs: list[_Run] | None,
    extra: bytes,
) -> list[_Paragraph]:
    """The paragraphs of the text with their properties, field codes left out (a
    field's result kept)."""
    run_starts = [run.start for run in runs] if runs is not None else []
    known: dict[tuple[int, bytes], _Props] = {}
    out: list[_Paragraph] = []
    kept: list[str] = []
    fields: list[bool] = []  # per open field: whether its result has begun
    piece = 0
    start = 0
    for match in _STRUCTURE_RE.finditer(text):
        index, char = match.start(), match.group()
        if char == _FIELD_BEGIN:
            if len(fields) < _MAX_FIELD_DEPTH:
                fields.append(False)
            continue
        if char == _FIELD_SEPARATOR:
            if fields:
                fields[-1] = True
            continue
        if char == _FIELD_END:
            if fields:
                fields.pop()
            continue
        if fields and not all(fields):
            continue  # a mark inside a field's code
        kept.append(_shown(text[start:index]))
        start = index + 1
        cp = origin[index] if origin is not None else index
        while piece + 1 < len(starts) and starts[piece + 1] <= cp:
            piece += 1
        props = _Props()
        if runs is not None:
            position = _byte_position(pieces, piece, cp)
            found = bisect_right(run_starts, position) - 1
            if found >= 0 and runs[found].start <= position < runs[found].end:
                grpprl = runs[found].grpprl
                prm = pieces[piece].prm
                if prm & 1 and (prm >> 1) < len(prcs):
                    grpprl += prcs[prm >> 1]  # a fast save's changes to the piece
                key = (runs[found].istd, grpprl)
                found_props = known.get(key)
                if found_props is None:  # most paragraphs share a few property lists
                    found_props = known[key] = _props(_huge(grpprl, extra), runs[found].istd)
                props = found_props
        out.append(_Paragraph("".join(kept), char, props, cp))
        kept.clear()
    if start < len(text):
        kept.append(_shown(text[start:]))
    if kept and "".join(kept).strip():
        out.append(_Paragraph("".join(kept), "", _Props()))
    return out


def _shown(text: str) -> str:
    """A stretch of paragraph text without its fields' codes is cut in ``_paragraphs``
    only at marks; here the fields inside it are resolved: code dropped, result kept."""
    if not any(c in text for c in (_FIELD_BEGIN, _FIELD_SEPARATOR, _FIELD_END)):
        return text.translate(_SHOWN)
    out: list[str] = []
    fields: list[bool] = []
    for char in text:
        if char == _FIELD_BEGIN:
            if len(fields) < _MAX_FIELD_DEPTH:
                fields.append(False)
        elif char == _FIELD_SEPARATOR:
            if fields:
                fields[-1] = True
        elif char == _FIELD_END:
            if fields:
                fields.pop()
        elif all(fields):
            out.append(char)
    return "".join(out).translate(_SHOWN)


# ----------------------------------------------------------------------------- text boxes

_MAX_BOXES = 10_000


def _text_boxes(word: bytes, table: bytes, pieces: list[_Piece], fib: _Fib) -> dict[int, str]:
    """The text of each text box by the position of its anchor in the main text (the
    box's shape, ``PlcSpaMom``, and its text, ``PlcftxbxTxt``, share a shape id); none
    when they cannot be read."""
    try:
        anchors = _shape_anchors(table, fib)
        if not anchors or not fib.ccp_boxes:
            return {}
        start = fib.ccp_text + fib.before_boxes
        story, _ = _story(word, pieces, start, start + fib.ccp_boxes)
        count = (fib.lcb_boxes - 4) // 26
        if count <= 0 or count > _MAX_BOXES or fib.fc_boxes + fib.lcb_boxes > len(table):
            return {}
        cps = struct.unpack_from(f"<{count + 1}I", table, fib.fc_boxes)
        out: dict[int, str] = {}
        for i in range(count):
            shape = struct.unpack_from("<i", table, fib.fc_boxes + 4 * (count + 1) + 22 * i + 14)[0]
            if shape in anchors and cps[i] < cps[i + 1] <= len(story):
                out[anchors[shape]] = story[cps[i] : cps[i + 1]]
        return out
    except (_Damaged, struct.error):
        return {}


def _shape_anchors(table: bytes, fib: _Fib) -> dict[int, int]:
    """Each shape's id → the position of its anchor in the main text."""
    count = (fib.lcb_shapes - 4) // 30
    if count <= 0 or count > _MAX_BOXES or fib.fc_shapes + fib.lcb_shapes > len(table):
        return {}
    cps = struct.unpack_from(f"<{count + 1}I", table, fib.fc_shapes)
    base = fib.fc_shapes + 4 * (count + 1)
    return {struct.unpack_from("<i", table, base + 26 * i)[0]: cps[i] for i in range(count)}


def _story(word: bytes, pieces: list[_Piece], start: int, end: int) -> tuple[str, None]:
    """The characters from ``start`` to ``end`` (another story than the main text)."""
    if end - start > len(word):
        raise _Damaged("文本框文字超出文件范围")
    parts: list[str] = []
    for piece in pieces:
        low, high = max(piece.start, start), min(piece.end, end)
        if low >= high:
            continue
        width = 1 if piece.compressed else 2
        at = piece.fc + (low - piece.start) * width
        raw = word[at : at + (high - low) * width]
        if at + (high - low) * width > len(word):
            raise _Damaged("文本框文字超出文件范围")
        if piece.compressed:
            parts.append(raw.decode("latin-1").translate(_COMPRESSED))
        else:
            parts.append(raw.decode("utf-16-le", "replace"))
    return "".join(parts), None


def _with_text_boxes(paragraphs: list[_Paragraph], boxes: dict[int, str]) -> list[_Paragraph]:
    """The paragraphs with each text box's after the paragraph it is anchored in (as
    ``read_docx`` reads them); in a table cell, its lines join that paragraph's."""
    if not boxes:
        return paragraphs
    anchors = sorted(boxes)
    out: list[_Paragraph] = []
    taken = 0
    for paragraph in paragraphs:
        lines: list[str] = []
        while taken < len(anchors) and anchors[taken] <= paragraph.end:
            box = boxes[anchors[taken]].replace(_CELL_MARK, _PARAGRAPH_MARK)
            lines.extend(_shown(line) for line in box.split(_PARAGRAPH_MARK))
            taken += 1
        lines = [line for line in lines if line.strip()]
        if not lines:
            out.append(paragraph)
        elif paragraph.props.depth:
            text = "\n".join([paragraph.text, *lines])
            out.append(_Paragraph(text, paragraph.mark, paragraph.props, paragraph.end))
        else:
            out.append(paragraph)
            out.extend(_Paragraph(line, _PARAGRAPH_MARK, _Props()) for line in lines)
    return out


# ----------------------------------------------------------------------------- list numbers

_NUMBER_FORMATS = {
    0: "decimal", 1: "upperRoman", 2: "lowerRoman", 3: "upperLetter", 4: "lowerLetter",
    10: "ideographDigital", 11: "japaneseCounting", 14: "decimalFullWidth",
    18: "decimalEnclosedCircle", 22: "decimalZero", 23: "bullet",
    26: "decimalEnclosedFullstop", 27: "decimalEnclosedParen",
    28: "decimalEnclosedCircleChinese", 30: "ideographTraditional", 31: "ideographZodiac",
    33: "taiwaneseCounting", 34: "ideographLegalTraditional",
    35: "chineseCountingThousand", 36: "taiwaneseDigital", 37: "chineseCounting",
    38: "chineseLegalSimplified", 39: "chineseCountingThousand", 255: "none",
}  # fmt: skip
"""Word's number formats ([MS-OSHARED] MSONFC) by the names ``read_docx`` formats (the
Taiwanese counting with thousands as the Chinese: the same numerals below ten thousand)."""
_MAX_LISTS = 4096
_MAX_START = 32767
"""The highest number Word starts a list at (a hostile file's larger one is cut to it)."""
_LEVELS = 9
_FOLLOW = {0: "tab", 1: "space", 2: "nothing"}
"""What follows a list's number (``ixchFollow``), by ``numbering.xml``'s ``w:suff``."""


class _Lists:
    """Word's list numbering (``PlfLst``, ``PlfLfo``): the ``一、`` ``（一）`` a numbered
    paragraph shows but does not hold as text, counted in reading order as ``read_docx``
    counts them. A paragraph is numbered by its own list (``sprmPIlfo``, ``sprmPIlvl``)
    or, where it names none, by its style's (Word's headings numbered by their style)."""

    def __init__(
        self,
        levels: dict[int, dict[int, _Level]],
        overrides: list[tuple[int, dict[int, int]]],
        styles: dict[int, _StyleList] | None = None,
    ):
        self.levels = levels  # list id → its levels (LSTF's lsid → LVL by level)
        self.overrides = overrides  # by ilfo - 1: (list id, start overrides by level)
        self.styles = styles or {}  # istd → the list its properties name
        self.by_style: dict[int, tuple[int | None, int | None]] = {}
        self.counter = ListCounter()

    @classmethod
    def of(cls, table: bytes, fib: _Fib) -> _Lists | None:
        """The file's lists; ``None`` when it has none or they cannot be read."""
        if not fib.lcb_lists or not fib.lcb_overrides:
            return None
        try:
            levels = _list_levels(table, fib.fc_lists, fib.lcb_lists)
            overrides = _list_overrides(table, fib.fc_overrides, fib.lcb_overrides)
        except (_Damaged, struct.error, IndexError):
            return None
        try:
            styles = _style_lists(table, fib.fc_styles, fib.lcb_styles)
        except (_Damaged, struct.error, IndexError):
            styles = {}  # the styles unreadable: paragraphs numbered by their own lists
        return cls(levels, overrides, styles) if levels and overrides else None

    def numbered(self, paragraph: _Paragraph) -> _Paragraph:
        props = paragraph.props
        ilfo, ilvl = props.ilfo, props.ilvl
        if ilfo is None or ilvl is None:
            style_ilfo, style_ilvl = self._style_list(props.istd)
            ilfo = style_ilfo if ilfo is None else ilfo
            ilvl = style_ilvl if ilvl is None else ilvl
        if not ilfo or ilfo < 0 or ilfo > len(self.overrides):
            return paragraph
        label = self.label(ilfo, min(ilvl or 0, _LEVELS - 1))
        if not label or not paragraph.text.strip():
            return paragraph  # an empty numbered paragraph counts, as in read_docx
        return _Paragraph(label + paragraph.text, paragraph.mark, props, paragraph.end)

    def _style_list(self, istd: int) -> tuple[int | None, int | None]:
        """The list and level a style gives (through the styles it is based on; each
        names what differs from its base), the nearest style's first."""
        found = self.by_style.get(istd)
        if found is None:
            found = self.by_style[istd] = self._resolved(istd)
        return found

    def _resolved(self, istd: int) -> tuple[int | None, int | None]:
        ilfo: int | None = None
        ilvl: int | None = None
        seen: set[int] = set()
        current: int | None = istd
        while current is not None and current not in seen and current in self.styles:
            seen.add(current)
            style = self.styles[current]
            ilfo = style.ilfo if ilfo is None else ilfo
            ilvl = style.ilvl if ilvl is None else ilvl
            current = style.base
        return ilfo, ilvl

    def label(self, ilfo: int, level: int) -> str:
        list_id, starts = self.overrides[ilfo - 1]
        return self.counter.label(list_id, ilfo, self.levels.get(list_id, {}), level, starts)


@dataclass(frozen=True)
class _StyleList:
    """What a paragraph style's own properties say of its list (``None``: not said)."""

    ilfo: int | None
    ilvl: int | None
    base: int | None  # the style it is based on


_NO_STYLE = 0x0FFF
_MAX_STYLES = 4096
_PARAGRAPH_STYLE = 1


def _style_lists(table: bytes, fc: int, lcb: int) -> dict[int, _StyleList]:
    """The paragraph styles of the style sheet (``STSH``) that name a list or are based
    on another style, by their number (``istd``)."""
    if not lcb or fc + lcb > len(table):
        return {}
    end = fc + lcb
    size = _u16(table, fc)
    cstd, cb_base = _u16(table, fc + 2), _u16(table, fc + 4)
    if cstd > _MAX_STYLES or cb_base < 10:
        raise _Damaged("样式表长度不对")
    offset = fc + 2 + size
    out: dict[int, _StyleList] = {}
    for istd in range(cstd):
        cb_std = _u16(table, offset)
        offset += 2
        if offset + cb_std > end:
            raise _Damaged("样式表越界")
        if cb_std >= cb_base:
            style = _style_list(table[offset : offset + cb_std], cb_base)
            if style is not None:
                out[istd] = style
        offset += cb_std
    return out


def _style_list(std: bytes, cb_base: int) -> _StyleList | None:
    """A paragraph style's list, from its ``STD``: the base (``StdfBase``), the name
    (``Xstz``), then the paragraph properties (``UpxPapx``: the style number, then sprms)."""
    kind_and_base = _u16(std, 2)
    if kind_and_base & 0x0F != _PARAGRAPH_STYLE:
        return None
    base = kind_and_base >> 4
    name = _u16(std, cb_base)
    at = cb_base + 2 + 2 * name + 2
    cb_upx = _u16(std, at)
    grpprl = std[at + 4 : at + 2 + cb_upx] if cb_upx >= 2 else b""
    ilfo = ilvl = None
    for sprm, operand in _sprms(grpprl):
        if sprm == _SPRM_ILFO:
            ilfo = struct.unpack_from("<h", operand)[0]
        elif sprm == _SPRM_ILVL:
            ilvl = operand[0]
    if ilfo is None and ilvl is None and base == _NO_STYLE:
        return None
    return _StyleList(ilfo, ilvl, None if base == _NO_STYLE else base)


def _list_levels(table: bytes, fc: int, lcb: int) -> dict[int, dict[int, _Level]]:
    """The levels of each list (``PlfLst``, then the ``LVL``s that follow it)."""
    if fc + lcb > len(table) or lcb < 2:
        raise _Damaged("列表表越界")
    count = struct.unpack_from("<h", table, fc)[0]
    if count < 0 or count > _MAX_LISTS or 2 + 28 * count > lcb:
        raise _Damaged("列表表长度不对")
    heads = [(_u32(table, fc + 2 + 28 * i), table[fc + 2 + 28 * i + 26] & 1) for i in range(count)]
    offset = fc + lcb
    out: dict[int, dict[int, _Level]] = {}
    for list_id, simple in heads:
        levels: dict[int, _Level] = {}
        for number in range(1 if simple else _LEVELS):
            levels[number], offset = _level(table, offset)
        out[list_id] = levels
    return out


def _level(table: bytes, offset: int) -> tuple[_Level, int]:
    """One ``LVL`` at ``offset`` and where the next begins."""
    if offset + 28 > len(table):
        raise _Damaged("列表级别越界")
    start = min(max(struct.unpack_from("<i", table, offset)[0], 0), _MAX_START)
    kind = _NUMBER_FORMATS.get(table[offset + 4], "decimal")
    follow = table[offset + 15]
    papx, chpx = table[offset + 25], table[offset + 24]
    text_at = offset + 28 + papx + chpx
    length = _u16(table, text_at)
    end = text_at + 2 + 2 * length
    if end > len(table):
        raise _Damaged("列表级别越界")
    text = table[text_at + 2 : end].decode("utf-16-le", "replace")
    # characters 0-8 stand for the count of that level: written as numbering.xml's %1-%9
    text = "".join(f"%{ord(c) + 1}" if ord(c) < _LEVELS else c for c in text)
    return _Level(start, kind, text, _FOLLOW.get(follow, "tab")), end


def _list_overrides(table: bytes, fc: int, lcb: int) -> list[tuple[int, dict[int, int]]]:
    """Each ``LFO``'s list and the start numbers it sets (``PlfLfo``)."""
    if fc + lcb > len(table) or lcb < 4:
        raise _Damaged("列表覆盖表越界")
    count = _u32(table, fc)
    if count > _MAX_LISTS or 4 + 16 * count > lcb:
        raise _Damaged("列表覆盖表长度不对")
    out: list[tuple[int, dict[int, int]]] = []
    data = fc + 4 + 16 * count
    for i in range(count):
        at = fc + 4 + 16 * i
        list_id, levels = _u32(table, at), table[at + 12]
        starts: dict[int, int] = {}
        data += 4  # the LFOData's cp
        for _ in range(min(levels, _LEVELS)):
            start = struct.unpack_from("<i", table, data)[0] if data + 8 <= len(table) else 0
            flags = table[data + 4] if data + 8 <= len(table) else 0
            data += 8
            if flags & 0x10:
                starts[flags & 0x0F] = min(max(start, 0), _MAX_START)
            if flags & 0x20:  # a whole level of its own follows
                _, data = _level(table, data)
        out.append((list_id, starts))
    return out


# ----------------------------------------------------------------------------- tables


@dataclass
class _CellContent:
    items: list[str | _Table] = field(default_factory=list)


@dataclass
class _Row:
    cells: list[_CellContent]
    tc: list[_Tc] | None


@dataclass
class _Table:
    rows: list[_Row] = field(default_factory=list)
    pending: list[_CellContent] = field(default_factory=list)
    current: _CellContent = field(default_factory=_CellContent)


def _structure(paragraphs: list[_Paragraph]) -> list[str | _Table]:
    """Paragraphs and tables (with the paragraphs and tables in their cells) in order."""
    top: list[str | _Table] = []
    stack: list[_Table] = []

    def close() -> None:
        table = stack.pop()
        if table.current.items or table.pending:  # a row without its row mark
            table.pending.append(table.current)
            table.rows.append(_Row(table.pending, None))
        (stack[-1].current.items if stack else top).append(table)

    for paragraph in paragraphs:
        depth = paragraph.props.depth
        while len(stack) > depth:
            close()
        while len(stack) < depth:
            stack.append(_Table())
        if not stack:
            top.append(paragraph.text)
            continue
        table = stack[-1]
        if paragraph.props.row_end:
            if table.current.items:
                table.pending.append(table.current)
            table.rows.append(_Row(table.pending, paragraph.props.cells))
            table.pending, table.current = [], _CellContent()
            continue
        table.current.items.append(paragraph.text)
        ends_cell = paragraph.mark == _CELL_MARK if depth == 1 else paragraph.props.inner_cell
        if ends_cell:
            table.pending.append(table.current)
            table.current = _CellContent()
    while stack:
        close()
    return top


def _is_frame(table: _Table) -> bool:
    """As ``read_docx``: a table with (not boxing) tables in its cells, or without a
    row of two cells, only lays the page out."""
    for row in table.rows:
        for cell in row.cells:
            for item in cell.items:
                if isinstance(item, _Table) and not _is_box(item, cell):
                    return True
    return all(len(row.cells) < 2 for row in table.rows)


def _is_box(inner: _Table, outer: _CellContent) -> bool:
    """A one-cell table that only draws a box around its cell's whole content."""
    cells = [cell for row in inner.rows for cell in row.cells]
    if len(cells) != 1 or any(isinstance(i, _Table) for i in cells[0].items):
        return False
    return "".join(_cell_text(outer).split()) == "".join(_cell_text(cells[0]).split())


def _cell_text(cell: _CellContent) -> str:
    return "\n".join(p for p in _cell_paragraphs(cell) if p.strip())


def _cell_paragraphs(cell: _CellContent) -> list[str]:
    out: list[str] = []
    for item in cell.items:
        if isinstance(item, str):
            out.append(item)
        else:
            for row in item.rows:
                for inner in row.cells:
                    out.extend(_cell_paragraphs(inner))
    return out


def _flatten(items: list[str | _Table]) -> list[str | _Table]:
    """Paragraphs and real tables, the cells of layout tables read in their place."""
    out: list[str | _Table] = []
    for item in items:
        if isinstance(item, _Table) and _is_frame(item):
            for row in item.rows:
                for cell in row.cells:
                    out.extend(_flatten(cell.items))
        else:
            out.append(item)
    return out


def _table_rows(table: _Table) -> _Rows:
    """The table's printed cells at their grid columns (from the cells' edges across all
    rows), a vertical merge's continuation showing what the cell above shows (as
    ``read_docx`` does for ``w:vMerge``)."""
    columns = _columns(table)
    grid_rows: list[list[_Cell]] = []
    for row in table.rows:
        cells: list[_Cell] = []
        tcs = row.tc if row.tc is not None and len(row.tc) == len(row.cells) else None
        for index, content in enumerate(row.cells):
            text = _cell_text(content)
            if tcs is None or columns is None:
                column = cells[-1].column + cells[-1].span if cells else 0
                cells.append(_Cell(column, 1, text, None))
                continue
            tc = tcs[index]
            if tc.merged and cells:  # an old horizontal merge: part of the cell before
                cells[-1].span = max(cells[-1].span, _column(columns, tc.right) - cells[-1].column)
                continue
            first, last = _column(columns, tc.left), _column(columns, tc.right)
            merge = None
            if tc.vert_merge:
                merge = "restart" if tc.vert_restart else "continue"
            cells.append(_Cell(first, max(1, last - first), text, merge))
        grid_rows.append(cells)
    return merged_rows(grid_rows)


def _columns(table: _Table) -> list[int] | None:
    """The column edges every row's cells share (edges a few twips apart are one)."""
    edges: set[int] = set()
    for row in table.rows:
        if row.tc is None or len(row.tc) != len(row.cells):
            return None
        for tc in row.tc:
            edges.update((tc.left, tc.right))
    snapped: list[int] = []
    for edge in sorted(edges):
        if not snapped or edge - snapped[-1] > _SNAP:
            snapped.append(edge)
    if len(snapped) - 1 > MAX_WIDTH:
        return None
    return snapped


def _column(columns: list[int], edge: int) -> int:
    return max(0, bisect_right(columns, edge + _SNAP) - 1)


# ----------------------------------------------------------------------------- document


def _blocks(items: list[str | _Table]) -> list[tuple[Content, int]]:
    """Paragraphs and real tables (their printed cells) with their positions, as
    ``read_docx`` finds them in a DOCX body."""
    return [
        (item if isinstance(item, str) else _table_rows(item), number)
        for number, item in enumerate(_flatten(items), start=1)
    ]


def _no_tables_note(source: str, reason: str) -> dict[str, object]:
    """The paragraph properties left unread: the text is read, its tables as text (not
    ``DOCX_DAMAGED``, which the batch counts as a file not read at all)."""
    return {
        "code": "DOC_TABLES_UNREAD",
        "severity": "warning",
        "message": (
            f"{source}：Word 97-2003 文档的段落属性无法读取（{reason}），"
            "只读出了文字，表格按文字读取，请核对"
        ),
    }
