"""What a file is, from its content (never its name), and how its text is encoded.

Formats: ``pdf``, ``docx``, ``doc`` (Word 97-2003 and WPS ``.doc``/``.wps``: an OLE file
with a ``WordDocument`` stream), ``html``, ``text``; and the ones the parser cannot read:
``empty``, ``binary``, ``ole`` (another OLE file: Excel ``.xls``, an encrypted DOCX),
``zip`` (a zip that is not a Word document), ``rtf``. Encodings of text and HTML: UTF-8
(with or without BOM), UTF-16 (BOM), GB18030 (which covers GBK and GB2312) and Big5.

A crawler's JSON record (a text starting with ``{`` or ``[`` that decodes as one) is the
document it holds, text or HTML, with the page's fields as header lines
(``crawler_record``).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Literal

Format = Literal["pdf", "docx", "doc", "html", "text", "empty", "binary", "ole", "zip", "rtf"]

_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|table|div|meta|p|br|span|title)[\s>/]",
    re.IGNORECASE | re.ASCII,
)
_BLOCK_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|head|body|table|div|meta|p|title)[\s>/]", re.IGNORECASE | re.ASCII
)
"""Searched in the decoded text itself (ASCII rules, as over its bytes): encoding the
start of every page to search it cost a fifth of ``sniff``."""
_PIPE_ROW_RE = re.compile(r"^[ \t]*\|[^\n]*\|[ \t]*$", re.MULTILINE)
"""A Markdown table row: a converter's output, which may hold ``<br>`` inside its cells."""
_JSON_START_RE = re.compile(r"[ \t\r\n]*[\[{]")
"""How a crawler's JSON record (or a JSON lines file of them) starts."""
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)

# Very common characters of government reports, in both scripts. Text decoded with the
# wrong codec is full of rare characters instead.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体"
    "制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内"
    "数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提"
    "直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计"
    "别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府研质信息申请办局市省县区委年度报告"
    "國開關這數據發為與會時說於對門們條報處請機務審辦總計結東車書長間問區縣應當從來實現經濟過還進"
    "無體產權點樣見親議訴複維統網給萬個義學職類業設單員圍況責導範規項覆蓋廳讓專號廣費際"
)


_PROBE = 65536
"""Bytes looked at before deciding to decode a whole file that is probably not text."""
_MIN_CJK = 12
"""Below this many Chinese characters a decoding is not judged by its characters."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with the encoding it was read as."""

    text: str
    encoding: str
    guessed: bool = False
    """True when the encoding was chosen by scoring, not by a BOM or strict UTF-8."""
    replaced: int = 0
    """How many bytes could not be decoded and were replaced."""
    utf8: bytes | None = field(default=None, compare=False, repr=False)
    """The bytes ``text`` was decoded from when they are its strict UTF-8 (no BOM): a
    reader that works on UTF-8 reads them instead of encoding ``text`` again."""


def detect_format(data: bytes) -> Format:
    """The format of a document from its content."""
    return sniff(data)[0]


def sniff(data: bytes) -> tuple[Format, Decoded | None]:
    """The format of a document and, for text and HTML, its decoded text."""
    head = data[:2048]
    if not data or data.isspace():  # (``strip`` would copy the whole file)
        return "empty", None
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf", None
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        is_word = b"word/" in data[:65536] or b"[Content_Types].xml" in head
        return ("docx" if is_word else "zip"), None
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return ("doc" if _has_word_stream(data) else "ole"), None
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf", None
    decoded = decode_text(data)
    if decoded is None:
        return "binary", None
    if _JSON_START_RE.match(decoded.text):
        decoded = _crawler_record(decoded)
    text = decoded.text  # (its first 8,192 characters searched in place, not copied)
    if _HTML_RE.search(text, 0, 8192):
        if not _BLOCK_HTML_RE.search(text, 0, 8192) and _PIPE_ROW_RE.search(text, 0, 8192):
            # Markdown whose pipe tables break lines in cells with ``<br>`` (or mark
            # ``<span>``s): text with a few inline tags, not a web page (a page's block
            # tag is found at once; a search for pipe rows tries every line)
            return "text", decoded
        return "html", decoded
    return "text", decoded


def _crawler_record(decoded: Decoded) -> Decoded:
    """The document a crawler's JSON record holds, as text or HTML (``crawler_record``),
    or ``decoded`` itself when it is not one."""
    from .crawler_record import crawler_document

    document = crawler_document(decoded.text)
    if document is None:
        return decoded
    return Decoded(document, decoded.encoding, decoded.guessed, decoded.replaced)


def _has_word_stream(data: bytes) -> bool:
    """Whether an OLE file holds a Word document (a ``WordDocument`` stream at its root;
    a Word file embedded in a spreadsheet sits deeper and does not count)."""
    if "WordDocument".encode("utf-16-le") not in data:
        return False  # (the directory names its streams in UTF-16)
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("WordDocument"))
    except Exception:  # a damaged container naming a Word stream: read_doc says so
        return True


def decode_text(data: bytes) -> Decoded | None:
    """Decode ``data`` as text, or ``None`` when it is not text at all."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:], "utf-8-sig", data.decode("utf-8", "replace")[1:])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data, "utf-16", data.decode("utf-16", "replace"))
    if b"\x00" in data[:4096]:
        return _utf16_without_bom(data)
    try:
        return _plausible(Decoded(data.decode("utf-8"), "utf-8", utf8=data), raw=data)
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)  # (only once the bytes are not UTF-8)
    if declared is not None:
        try:
            return _plausible(Decoded(data.decode(declared), declared))
        except (UnicodeDecodeError, LookupError):
            pass
    candidates: list[Decoded] = []
    for codec in ("gb18030", "big5hkscs"):
        try:
            candidates.append(Decoded(data.decode(codec), codec, guessed=True))
        except UnicodeDecodeError:
            continue
    if not candidates:
        probe = data[:_PROBE].decode("gb18030", "replace")
        if probe.count("\ufffd") > max(2, len(probe) // 100):
            return None  # judged on the first bytes: a large binary is not decoded whole
        text = data.decode("gb18030", "replace")
        replaced = text.count("\ufffd")
        if replaced > max(2, len(text) // 100):
            return None
        candidates.append(Decoded(text, "gb18030", guessed=True, replaced=replaced))
    if len(candidates) == 1:
        return _plausible(candidates[0])
    scores = [_common_share(d.text) for d in candidates]
    best = max(range(len(candidates)), key=lambda i: scores[i])
    return _plausible(candidates[best], scores[best])


def _checked(raw: bytes, encoding: str, text: str) -> Decoded | None:
    replaced = text.count("\ufffd")
    if replaced > max(2, len(text) // 100):
        return None
    return _plausible(Decoded(text, encoding, replaced=replaced))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM has NUL bytes in ASCII text; anything else with NULs is binary."""
    head = data[:_PROBE]
    for codec in ("utf-16-le", "utf-16-be"):
        probe = head.decode(codec, "replace")
        if "\x00" in probe or probe.count("\ufffd") > 2:
            continue
        if _plausible(Decoded(probe, codec, guessed=True)) is None or _common_share(probe) <= 0.2:
            continue
        try:
            return Decoded(data.decode(codec), codec, guessed=True)
        except UnicodeDecodeError:
            continue
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET_RE.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        return "gb18030"
    if name in ("big5", "big5-hkscs", "cp950", "x-x-big5"):
        return "big5hkscs"
    return name


_NOT_CJK_RE = re.compile(r"[^\u3400-\u9fff]+")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NOT_COMMON_RE = re.compile("[^" + "".join(sorted(_COMMON)) + "]+")


def _common_share(text: str) -> float:
    """The share of CJK characters in ``text`` that are common report characters
    (1.0 when there are too few to judge). Counted by deleting what is not counted: one
    pass in C, where ``findall`` builds a string per character."""
    cjk = _NOT_CJK_RE.sub("", text[:2000])
    if len(cjk) < _MIN_CJK:
        return 1.0
    return len(_NOT_COMMON_RE.sub("", cjk)) / len(cjk)


_CONTROL_BYTES = tuple(bytes([c]) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F))


def _plausible(
    decoded: Decoded, share: float | None = None, *, raw: bytes | None = None
) -> Decoded | None:
    """Reject decodings full of control characters (a binary file that happened to decode).

    ``raw``: the UTF-8 bytes the text was decoded from. A control character is one byte
    in UTF-8 and never part of another character's bytes, so when the bytes that hold the
    sample (4,000 characters are at most 16,000 bytes) have none, neither has the sample:
    one deletion in C instead of the regex's test of every character."""
    sample = decoded.text[:4000]
    if not sample:
        return decoded
    if raw is not None and not _has_control_bytes(raw[:16000]):
        controls = 0
    else:
        controls = len(_CONTROL_RE.findall(sample))
    if controls > max(2, len(sample) // 200):
        return None
    if decoded.guessed and (_common_share(sample) if share is None else share) < 0.15:
        return None
    return decoded


def _has_control_bytes(data: bytes) -> bool:
    """One ``memchr`` per control byte (at memory speed) rather than one pass that tests
    and copies every byte (``translate``): most texts hold none of them."""
    return any(map(data.__contains__, _CONTROL_BYTES))
