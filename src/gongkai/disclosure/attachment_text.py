"""The text of an attachment, for the personal-data check before publication.

Not a faithful conversion: enough of the words and numbers to find an ID card, mobile or
bank card number in them, within fixed budgets (a damaged or hostile file yields what
could be read, never an exception or unbounded work).

- PDF: the text layer of the first ``MAX_PDF_PAGES`` pages (pypdfium2);
- DOCX, XLSX, OFD (ZIP of XML parts): the text between the tags of every XML part, up to
  ``MAX_UNZIPPED`` bytes in all — cell values, shared strings and OFD's ``TextCode``;
- DOC, XLS, WPS, ET (OLE compound files): runs of characters stored as single bytes or as
  UTF-16LE, which is how those formats keep their text;
- images: nothing (there is no text layer to read).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Final

MAX_PDF_PAGES: Final = 50
MAX_UNZIPPED: Final = 20 * 1024 * 1024
_TAG: Final = re.compile(rb"<[^>]{0,4096}>")
_ASCII_RUN: Final = re.compile(rb"[\x20-\x7e]{6,}")
_UTF16_RUN: Final = re.compile(rb"(?:[\x20-\x7e]\x00|[\x00-\xff][\x4e-\x9f]){6,}")


def text_of(extension: str, data: bytes) -> str:
    """What text could be read from an attachment of this extension (may be empty)."""
    extension = extension.lower()
    if extension == "pdf":
        return _pdf(data)
    if extension in ("docx", "xlsx", "ofd"):
        return _zipped_xml(data)
    if extension in ("doc", "xls", "wps", "et"):
        return _ole(data)
    return ""


def _pdf(data: bytes) -> str:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except Exception:  # pdfium raises its own errors for damaged files
        return ""
    texts = []
    try:
        for index in range(min(len(pdf), MAX_PDF_PAGES)):
            page = pdf[index]
            text_page = page.get_textpage()
            texts.append(text_page.get_text_range())
            text_page.close()
            page.close()
    except Exception:
        pass  # what was read so far is checked
    finally:
        pdf.close()
    return "\n".join(texts)


def _zipped_xml(data: bytes) -> str:
    texts: list[str] = []
    budget = MAX_UNZIPPED
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if budget <= 0:
                    break
                if not info.filename.lower().endswith(".xml"):
                    continue
                with archive.open(info) as member:
                    chunk = member.read(budget)
                budget -= len(chunk)
                texts.append(_TAG.sub(b" ", chunk).decode("utf-8", "replace"))
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, ValueError):
        pass  # a damaged archive: what was read so far is checked
    return "\n".join(texts)


def _ole(data: bytes) -> str:
    runs = [m.group().decode("ascii") for m in _ASCII_RUN.finditer(data)]
    for match in _UTF16_RUN.finditer(data):
        raw = match.group()
        runs.append(raw[: len(raw) - len(raw) % 2].decode("utf-16-le", "replace"))
    return "\n".join(runs)
