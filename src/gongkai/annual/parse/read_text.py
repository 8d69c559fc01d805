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
ignore and which keeps two numbers apart. HTML character references a crawler left in the
text (``&#65288;``, ``&ldquo;``, ``&emsp;``) are decoded.

Text pasted into an e-mail may come back hard-wrapped: every line longer than a width W
cut at W (counted in characters, or in display columns where a Chinese character takes
two), wherever W falls, inside a label or a number (``…14 4 27`` and a line ``3``). Such a
text is known by many of its long lines stopping at exactly W and none going past it; a
line cut at W is joined with the next when the next continues it (a bare run of digits,
the tail of a label or a sentence: not a line with a label, item number or part title of
its own, not a blank line, not a table row between ``|``), so the numbers and labels read
whole again (``HARD_WRAPPED`` says so). Two digits meeting at the cut are one number,
unless the text shows the wrapping tool breaks lines at spaces and drops them (a line
stopping short of W before a number that would not have fitted, and no cut keeping its
space): then the space it dropped is put back. A
text with any line longer than W, or whose lines do not pile up at one width, is never
joined: the common report's lines are paragraphs and table rows of any length.

A table copied from Excel is tab-separated text, and a cell holding a line break is quoted
and runs over lines (``"（二）部分公开`` and ``（区分……）"``), a quote in it doubled. In a text
holding tabs, such a record is read as Excel writes it (``join_quoted_cells``): one line
with its tabs, one table row, in its first line's place (blank lines in the places of the
lines joined, as for a hard wrap), the line breaks in its cells spaces (nothing between two
Chinese characters). A quoted cell that does not close within a few lines leaves the text
as printed: its quote was no cell's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Final

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


_ENTITY_RE: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""An HTML character reference a crawler left in the text (``&#65288;``, ``&ldquo;``,
``&emsp;``): only a complete one, closed by its semicolon (``R&D`` is text)."""


def strip_markdown(text: str) -> str:
    """Text without Markdown marks (see the module docstring); line breaks are kept. HTML
    character references a crawler left undecoded (``&#65288;七&#65289;总计``) are decoded,
    as a browser shows them: a label printed so is the label."""
    if "<" in text or "&nbsp;" in text:
        text = _INLINE_TAG_RE.sub(" ", text)
    if "&" in text and ";" in text:
        text = _ENTITY_RE.sub(_entity, text)
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


def _entity(match: re.Match[str]) -> str:
    """One character reference decoded; one that names no character stays as printed. A
    line break or other control character (``&#10;``) is a space: decoding never moves a
    line, so the lines keep the numbers diagnostics give them."""
    decoded = html.unescape(match.group())
    if len(decoded) == 1 and decoded < " " and decoded != "\t":
        return " "
    return decoded


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
    text = join_quoted_cells(decoded.text)
    lines = normalize_text(strip_markdown(text), simplify=simplify).split("\n")
    if _short_lines(lines):
        wrap = unwrap_hard_wrap(text)
        if wrap is not None:
            document.diagnostics.append(hard_wrap_note(wrap, source))
            lines = normalize_text(strip_markdown(wrap.text), simplify=simplify).split("\n")
    document.blocks.extend(text_lines(lines))
    return document


_MAX_CELL_LINES: Final = 8
"""A quoted cell that runs over lines closes within this many, or the quote is taken for a
stray one, not Excel's, and the text is left as printed."""


class _Unbalanced(Exception):
    """A quoted cell that runs over lines and does not close as Excel closes it."""


def join_quoted_cells(text: str) -> str:
    """``text`` with each record of tab-separated cells that Excel wrote over several lines
    (a cell holding a line break is quoted, a quote in it doubled) one line in its first
    line's place, blank lines in the places of the lines joined, its quoted cells unquoted.
    A line of one cell stays as printed; a quoted cell that runs over lines and does not
    close (before a tab or its line's end) within a few leaves the whole text as printed."""
    if "\t" not in text or '"' not in text:
        return text
    lines = text.split("\n")
    out = list(lines)
    i = 0
    try:
        while i < len(lines):
            if '"' not in lines[i]:
                i += 1
                continue
            cells, end = _record(lines, i)
            if len(cells) >= 2:
                out[i] = "\t".join(cells)
                out[i + 1 : end + 1] = [""] * (end - i)
            i = end + 1
    except _Unbalanced:
        return text
    return "\n".join(out)


def _record(lines: list[str], start: int) -> tuple[list[str], int]:
    """The cells of the record starting at ``lines[start]`` and the index of its last
    line (``_Unbalanced`` from a quoted cell that does not close)."""
    at, pos = start, 0
    cells: list[str] = []
    while True:
        line = lines[at].removesuffix("\r")
        quoted = _quoted_cell(lines, at, pos + 1) if line.startswith('"', pos) else None
        if quoted is not None:
            cell, at, pos = quoted
            line = lines[at].removesuffix("\r")
        else:
            tab = line.find("\t", pos)
            cell, pos = (line[pos:], len(line)) if tab < 0 else (line[pos:tab], tab)
        cells.append(cell)
        if pos >= len(line):
            return cells, at
        pos += 1  # (the tab after the cell)


def _quoted_cell(lines: list[str], at: int, pos: int) -> tuple[str, int, int] | None:
    """The quoted cell whose text starts at ``lines[at][pos]``: its text (its lines joined,
    a doubled quote one), the line it closes on and the position after its closing quote.
    ``None`` when its quote closes on the same line before other text: the quote is then
    the cell's own first character (Excel quotes only a cell it has to). ``_Unbalanced``
    when it runs over lines and does not close before a tab or a line's end within
    ``_MAX_CELL_LINES``."""
    opened = at
    parts: list[str] = []
    piece: list[str] = []
    while True:
        line = lines[at].removesuffix("\r")
        close = line.find('"', pos)
        if close < 0:
            parts.append("".join(piece) + line[pos:])
            piece = []
            at, pos = at + 1, 0
            if at >= len(lines) or at - opened >= _MAX_CELL_LINES:
                raise _Unbalanced
            continue
        piece.append(line[pos:close])
        if line.startswith('"', close + 1):  # a doubled quote: one quote of the text
            piece.append('"')
            pos = close + 2
            continue
        if close + 1 < len(line) and line[close + 1] != "\t":
            if at == opened:
                return None
            raise _Unbalanced
        parts.append("".join(piece))
        return _join_broken(parts), at, close + 1


def _join_broken(parts: list[str]) -> str:
    """A quoted cell's lines as one: a space between them, nothing between two wide
    (Chinese) characters or next to an empty line; a tab in it a space (the record's tabs
    part its cells)."""
    text = ""
    for part in parts:
        if text and part and not (_is_wide(text[-1]) and _is_wide(part[0])):
            text += " "
        text += part
    return text.replace("\t", " ")


_WRAP_GATE: Final = 160
"""A text holding a (normalised) line longer than this is never taken for hard-wrapped: the
widest wrap looked for is ``_MAX_COLUMNS`` columns, and normalising changes few characters."""
_MIN_WRAP: Final = 20
_MAX_CHARACTERS: Final = 120
_MAX_COLUMNS: Final = 160
"""The widths a hard wrap is looked for at (in characters, in display columns)."""
_MIN_WRAP_LINES: Final = 10
_MIN_CUT: Final = 5
"""A hard-wrapped text has at least this many lines cut at its width, and more than it has
lines of any one width just short of it (``_NEAR`` columns or fewer: a paragraph's last
line is as likely to stop at one width as at another). Two are too few: a page's list of
other reports' titles prints lines of one length (``某市甲局2024年……报告``,
``某市乙局2024年……报告``) that no tool cut; a wrapped report's paragraphs are cut dozens of
times, and a text with a single long row cut is ``_total_cut``'s."""
_NEAR: Final = 6
_TABLE_MARKS: Final = ("|", "│", "┃", "║", "\t")
"""A line holding one of these is a table's row, laid out by its cells: never cut, never
joined."""
_OWN_LABEL_RE: Final = re.compile(
    r"[一二三四五六七八九十]+[、.．]"  # a part title, a table 三 row (一、本年新收…)
    r"|[（(][一二三四五六七八九十\d]+[)）]"  # （一）予以公开
    r"|\d+[.．、](?!\d)"  # 2.重复申请 (not 0.35)
    r"|第[一二三四五六七八九十百]+[条章部]"
    r"|申请人情况|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|总计|合计"
    r"|信息内容|规章|行政规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|行政复议|行政诉讼"
    r"|结果维持|结果纠正|其他结果|尚未审结|未经复议直接起诉|复议后起诉"
)
"""What a line with a label of its own starts with: the form's row labels, item numbers,
column and group names (the tail of a label, ``信息公开申请 10 1…``, starts otherwise)."""
_PART_TITLE_RE: Final = re.compile(r"[一二三四五六]、[^\d（(]*")
"""A part title (no digits, no sub-item): nothing after it is joined to it."""


class HardWrap:
    """A hard-wrapped text with its cut lines joined (see the module docstring)."""

    def __init__(self, text: str, width: int, display: bool, joined: int, numbers: int) -> None:
        self.text = text
        """The text, each joined line in the first line's place and blank lines in the
        places of the lines joined to it (the lines keep their numbers)."""
        self.width = width
        self.display = display
        """Whether ``width`` counts display columns (a Chinese character two)."""
        self.joined = joined
        """Lines joined to the line before them."""
        self.numbers = numbers
        """Numbers cut by the wrap and joined again."""


def _short_lines(lines: list[str]) -> bool:
    """Whether ``lines`` may be hard-wrapped: enough of them, none longer than the gate
    (the usual report fails at its first paragraph)."""
    return len(lines) >= _MIN_WRAP_LINES and all(len(line) <= _WRAP_GATE for line in lines)


def unwrap_hard_wrap(text: str) -> HardWrap | None:
    """``text`` with the lines a hard wrap cut joined again, or ``None`` when it is not
    hard-wrapped (or nothing in it is to be joined)."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    widths = [len(line) for line in lines]
    if max(widths) > _MAX_COLUMNS:  # (no narrower in display columns)
        return None
    width, cut = _wrap_width(lines, widths, False)
    columns = _columns(lines)
    in_columns, cut_in_columns = _wrap_width(lines, columns, True)
    if cut_in_columns > cut:  # (the count that finds more lines cut is the tool's)
        return _unwrapped(lines, columns, in_columns, True)
    if width:
        return _unwrapped(lines, widths, width, False)
    return _total_cut(lines, widths, False) or _total_cut(lines, columns, True)


def _total_cut(lines: list[str], widths: list[int], display: bool) -> HardWrap | None:
    """A text with too few lines at its widest to be known hard-wrapped, whose widest lines
    (long table rows, the only ones cut) end in a number whose digits go on on the next
    line, a bare run of digits: each joined when its row then adds up (its last number the
    sum of the six, or four, before it) and did not before (``…2821 127 400`` and ``2``)."""
    width = max(widths)
    if not _MIN_WRAP <= width <= (_MAX_COLUMNS if display else _MAX_CHARACTERS):
        return None
    out = list(lines)
    joined = 0
    for i in range(len(lines) - 1):
        line, after = lines[i], lines[i + 1]
        if (
            widths[i] == width
            and _digits_meet(line, after)
            and _is_digit_run(after.strip())
            and _adds_up(line + after)
            and not _adds_up(line)
        ):
            out[i], out[i + 1] = line + after, ""
            joined += 1
    return HardWrap("\n".join(out), width, display, joined, joined) if joined else None


_TRAILING_NUMBERS_RE: Final = re.compile(r"(?:\d+ )*\d+$")


def _adds_up(line: str) -> bool:
    """Whether ``line`` ends in a row of a table that adds up: its last number the sum of
    the six (table 三) or four (a group of table 四) before it."""
    m = _TRAILING_NUMBERS_RE.search(line.rstrip())
    numbers = [int(n) for n in m.group(0).split()] if m else []
    return any(
        len(numbers) > cells and numbers[-1] == sum(numbers[-cells - 1 : -1]) for cells in (6, 4)
    )


def _columns(lines: list[str]) -> list[int]:
    """The display columns of ``lines`` as far as a wrap is looked for: counted from the
    widest line down (by their length with every character not ASCII counted twice, never
    fewer than their columns), while a line may still take as many columns as the widest
    so far less ``_NEAR``; a narrower line keeps a width below that (counting the wide
    characters of every line takes long)."""
    upper = [2 * len(line) - len(line.encode("ascii", "ignore")) for line in lines]
    columns = list(upper)
    widest = 0
    for i in sorted(range(len(lines)), key=upper.__getitem__, reverse=True):
        if upper[i] < widest - _NEAR:
            columns[i] = min(upper[i], widest - _NEAR - 2)
            continue
        columns[i] = display_width(lines[i])
        widest = max(widest, columns[i])
    return columns


_WIDE_RE: Final = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
)
"""The characters a screen gives two columns (East Asian wide and full-width), as terminals
and mail programs count them."""


def display_width(text: str) -> int:
    """The columns ``text`` takes on a screen (a wide character two)."""
    return len(text) + len(_WIDE_RE.findall(text))


def _is_wide(character: str) -> bool:
    return bool(_WIDE_RE.match(character))


def _wrap_width(lines: list[str], widths: list[int], display: bool) -> tuple[int, int]:
    """The width ``lines`` are hard-wrapped at (counted as ``widths`` count) and how many
    are cut there, or (0, 0)."""
    width = max(widths)
    if not _MIN_WRAP <= width <= (_MAX_COLUMNS if display else _MAX_CHARACTERS):
        return 0, 0
    cut = sum([1 for i in range(len(lines)) if _is_cut(lines, widths, i, width, display)])
    if cut < _MIN_CUT:
        return 0, 0
    short = width - 1 if display else width  # (display: a wide character may stop one short)
    near = [0] * _NEAR
    for i, w in enumerate(widths):
        if short - _NEAR <= w < short and not _is_cut(lines, widths, i, width, display):
            near[short - 1 - w] += 1
    return (width, cut) if cut > max(near) else (0, 0)


def _is_cut(lines: list[str], widths: list[int], i: int, width: int, display: bool) -> bool:
    """Whether line ``i`` stops where the wrap cuts (at ``width``; counted in display
    columns, one short of it when the next line starts with a wide character)."""
    w = widths[i]
    if w != width and not (
        display and w == width - 1 and i + 1 < len(lines) and _is_wide(lines[i + 1][:1] or " ")
    ):
        return False
    return not _WHOLE_LINK_RE.fullmatch(lines[i])


_WHOLE_LINK_RE: Final = re.compile(r"\s*!?\[[^\]\n]*\]\([^()\s]*\)\s*")
"""A line that is one whole Markdown image or link (``![](https://…/a3f9e1c2.png)``): as
long as its address makes it, never cut by a wrap (a wrap would cut inside it)."""


def _unwrapped(lines: list[str], widths: list[int], width: int, display: bool) -> HardWrap | None:
    """``lines`` (wrapped at ``width``) with each cut line and its continuations joined."""
    spaced = _drops_spaces(lines, widths, width, display)
    out = list(lines)
    joined = numbers = 0
    i = 0
    while i < len(lines) - 1:
        head = i
        if _may_be_cut(lines[i]) and not _PART_TITLE_RE.fullmatch(lines[i].strip()):
            while (
                i + 1 < len(lines)
                and _is_cut(lines, widths, i, width, display)
                and _continues(lines[i + 1])
            ):
                glue = _glue(lines[i], lines[i + 1], spaced)
                numbers += glue == "" and _digits_meet(lines[i], lines[i + 1])
                out[head] += glue + lines[i + 1]
                out[i + 1] = ""
                joined += 1
                i += 1
        i += 1
    if not joined:
        return None
    return HardWrap("\n".join(out), width, display, joined, numbers)


def _may_be_cut(line: str) -> bool:
    return bool(line.strip()) and not any([mark in line for mark in _TABLE_MARKS])


def _continues(line: str) -> bool:
    """Whether ``line`` may go on with the line before it: not blank, no label of its own,
    not indented (a layout's column), not a table row."""
    stripped = line.strip()
    return (
        bool(stripped)
        and not line.startswith(("  ", "\u3000"))
        and _may_be_cut(line)
        and not _OWN_LABEL_RE.match(stripped)
    )


def _digits_meet(line: str, after: str) -> bool:
    return line[-1:].isdigit() and after[:1].isdigit()


def _glue(line: str, after: str, spaced: bool) -> str:
    """What goes between a cut line and its continuation: nothing (the wrap dropped
    nothing), except a space between two digits when the wrap breaks at spaces."""
    return " " if spaced and _digits_meet(line, after) else ""


def _drops_spaces(lines: list[str], widths: list[int], width: int, display: bool) -> bool:
    """Whether the wrapping tool drops the space it breaks a line at: a line stops short of
    ``width`` before a bare run of digits whose first number would not have fitted after
    it, and no line cut at ``width`` keeps a space at the cut (at its end or the next
    line's start: then two digits meeting at a cut are one number cut)."""
    broken = False
    for i in range(len(lines) - 1):
        after = lines[i + 1]
        if _is_cut(lines, widths, i, width, display):
            if lines[i].endswith(" ") or after.startswith(" "):
                return False
            continue
        after = after.strip()
        if widths[i] and after and _is_digit_run(after):
            broken = broken or widths[i] + 1 + len(after.split()[0]) > width
    return broken


def _is_digit_run(text: str) -> bool:
    return text.replace(" ", "").replace(".", "").isdigit()


def hard_wrap_note(wrap: HardWrap, source: str) -> dict[str, object]:
    """The note that ``source`` was read as hard-wrapped, its cut lines joined."""
    unit = "个显示宽度（汉字计 2）" if wrap.display else "个字符"
    cut = f"，其中 {wrap.numbers} 处数字被折断在两行，已接为一个数" if wrap.numbers else ""
    return {
        "code": "HARD_WRAPPED",
        "severity": "info",
        "message": f"{source}：正文按每行 {wrap.width} {unit}硬换行（如邮件正文），"
        f"已把 {wrap.joined} 处被折断的行与下一行接回{cut}，请核对",
        "width": wrap.width,
    }


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
