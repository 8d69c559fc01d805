"""``read_document``: any supported file → normalised ``Document``.

The format is detected from the content, never the file name. Input that cannot be read
at all (missing, empty, binary, damaged or encrypted, an unsupported format) raises
``UnreadableDocument`` (a ``ParseError``) whose ``code`` says why; input that can be read
but holds no text (a scanned PDF) gives a ``Document`` with a diagnostic instead.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .detect import Decoded, sniff
from .document import Document
from .unreadable import UnreadableDocument

__all__ = ["UnreadableDocument", "read_bytes", "read_document"]


def read_document(document: str | Path | bytes, source: str | None = None) -> Document:
    """Read a file (a path) or its bytes into a normalised ``Document``.

    ``source`` names the document in messages; it defaults to the path.
    """
    if isinstance(document, bytes):
        data = document
        source = source or "（未命名文档）"
    else:
        path = Path(document)
        source = source or str(path)
        data = _read_bytes(path, source)
    return read_bytes(data, source)


def read_bytes(data: bytes, source: str) -> Document:
    """Any input either reads or raises one ``UnreadableDocument`` with a code: whatever
    a damaged or hostile file makes a format library raise (zlib, lzma, lxml, pdfium,
    an int too long to convert …) is reported as ``DAMAGED`` naming the file."""
    try:
        return _read(data, source)
    except UnreadableDocument as exc:
        if exc.source is None:  # raised below the reader, which knows no file name
            raise UnreadableDocument(exc.code, exc.detail, source=source) from exc
        raise
    except RecursionError as exc:
        raise UnreadableDocument("TOO_LARGE", "文档嵌套层次过深，无法读取", source=source) from exc
    except Exception as exc:  # a format library's own error on a damaged file
        raise UnreadableDocument(
            "DAMAGED",
            f"文件已损坏或格式异常，无法读取（{type(exc).__name__}）；请重新获取原文件",
            source=source,
        ) from exc


def _read(data: bytes, source: str) -> Document:
    kind, decoded = sniff(data)
    if kind == "empty":
        raise UnreadableDocument("EMPTY_FILE", "文件是空的，没有可读取的内容", source=source)
    if kind == "binary":
        raise UnreadableDocument(
            "BINARY_FILE",
            "不是可读取的文档：内容既不是文本，也不是 HTML、DOCX 或 PDF（二进制文件）",
            source=source,
        )
    if kind == "ole" and "EncryptedPackage".encode("utf-16-le") in data:
        raise UnreadableDocument(
            "ENCRYPTED", "文档设有打开密码（已加密），无法读取；请提供未加密的文件", source=source
        )
    if kind == "ole" and not _ole_opens(data):
        raise UnreadableDocument(
            "DAMAGED",
            "是旧版 Office 文件（.doc/.xls 等），但已损坏或不完整（可能下载时被截断），"
            "无法打开；请重新获取原文件",
            source=source,
        )
    if kind == "ole":
        raise UnreadableDocument(
            "UNSUPPORTED_FORMAT",
            "是旧版 Office 文件，但不是 Word 文档（可能是 Excel .xls），无法读取；"
            "请另存为 DOCX 或 PDF 后再解析",
            source=source,
        )
    if kind == "doc":
        from .read_doc import read_doc

        return read_doc(data, source)
    if kind == "rtf":
        raise UnreadableDocument(
            "UNSUPPORTED_FORMAT",
            "是 RTF 格式，无法直接读取；请另存为 DOCX、PDF 或纯文本后再解析",
            source=source,
        )
    if kind == "zip":
        raise UnreadableDocument(
            "UNSUPPORTED_FORMAT",
            "是压缩包（ZIP/XLSX 等），不是 Word 文档；请解压或另存为 DOCX、PDF 后再解析",
            source=source,
        )
    if kind == "docx":
        from .read_docx import read_docx

        return read_docx(data, source)
    if kind == "pdf":
        from .read_pdf import read_pdf

        return read_pdf(data, source)
    if decoded is None:  # pragma: no cover - sniff decodes every text and HTML
        raise UnreadableDocument("BINARY_FILE", "无法解码为文本", source=source)
    if "&lt;" in decoded.text:
        from .escaped_tables import escaped_tables_note, may_hold_escaped_tables, unescape_tables

        if may_hold_escaped_tables(decoded.text):
            decoded, count = unescape_tables(decoded)
            # (a text holding table markup now: read as a converter's Markdown is)
            document = _read_decoded("html", decoded, source)
            document.diagnostics.append(escaped_tables_note(count, source))
            return document
    return _read_decoded(kind, decoded, source)


def _read_decoded(kind: str, decoded: Decoded, source: str) -> Document:
    """A text or HTML document, decoded."""
    if kind == "html":
        from .read_html import read_html
        from .read_mixed import is_text_with_tables, read_text_with_tables

        if is_text_with_tables(decoded.text):  # a converter's Markdown, tables as markup
            return read_text_with_tables(decoded, source)
        return read_html(decoded, source)
    from .read_text import read_text
    from .text_columns import columns_note, may_hold_columns, unfold_columns

    if may_hold_columns(decoded.text):
        text, blocks = unfold_columns(decoded.text)
        if blocks:
            document = read_text(replace(decoded, text=text, utf8=None), source)
            document.diagnostics.append(columns_note(blocks, source))
            return document
    return read_text(decoded, source)


def _ole_opens(data: bytes) -> bool:
    """Whether an OLE file's directory can be read (a truncated one's cannot: it is then
    not known to be a spreadsheet rather than a Word file)."""
    import io

    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            ole.listdir()
    except Exception:  # olefile's own errors on a damaged container
        return False
    return True


def _read_bytes(path: Path, source: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableDocument("FILE_NOT_FOUND", "文件不存在", source=source) from exc
    except IsADirectoryError as exc:
        raise UnreadableDocument("FILE_NOT_FOUND", "是目录，不是文件", source=source) from exc
    except OSError as exc:
        raise UnreadableDocument(
            "FILE_UNREADABLE", f"无法读取文件（{exc.strerror}）", source=source
        ) from exc
