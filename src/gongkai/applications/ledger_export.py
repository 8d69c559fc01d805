"""The ledger exported: XLSX (openpyxl, write-only) and CSV (UTF-8 with a BOM, so Excel
reads the Chinese), the whole filtered set in the page's order, built chunk by chunk
(``ledger.chunked_rows``) so 100,000 rows never sit in memory at once.

Text typed by applicants is written as text, never as a formula: a CSV cell starting with
``=``, ``+``, ``-`` or ``@`` gets a leading apostrophe, an XLSX cell is typed as a string.

Personal data: ``log`` is called with each chunk before it is written; the view passes
``ledger.access_log`` (one ``PersonalDataAccess`` row per case whose applicant is shown,
``via`` = ``ledger_xlsx`` / ``ledger_csv``, one insert per chunk).
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import IO, Any, Final

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .ledger import Cell, Column, LedgerRow, Log

FORMATS: Final = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
TITLE: Final = "依申请公开台账"
BOM: Final = "\ufeff"
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
WIDTHS: Final = {
    "number": 22,
    "organ": 14,
    "information": 48,
    "answer": 30,
    "outcome": 36,
    "appeals": 36,
}
"""XLSX column widths (characters); 12 for the others."""


def filename(on: date, fmt: str) -> str:
    return f"{TITLE}-{on.isoformat()}.{fmt}"


# ---------------------------------------------------------------------------- CSV


def csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return f"'{text}" if isinstance(value, str) and text.startswith(FORMULA_START) else text


class _Line:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value: str) -> str:
        return value


def csv_lines(
    chunks: Iterable[Sequence[LedgerRow]], columns: Sequence[Column], log: Log
) -> Iterator[str]:
    """The CSV, line by line (for a streaming response): BOM, header, rows."""
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([c.label for c in columns])
    for rows in chunks:
        log(rows)
        for row in rows:
            yield writer.writerow([csv_text(v) for v in row.cells(columns)])


# ---------------------------------------------------------------------------- XLSX


def _xlsx_value(sheet: Any, value: Cell) -> Any:
    if not isinstance(value, str):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not text.startswith("="):
        return text
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # text, not a formula
    return cell


def xlsx_file(
    chunks: Iterable[Sequence[LedgerRow]], columns: Sequence[Column], log: Log
) -> IO[bytes]:
    """The workbook in a temporary file (rewound; the caller closes it). openpyxl's
    write-only mode keeps rows on disk, not in memory."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(TITLE)
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(column.key, 12)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for rows in chunks:
        log(rows)
        for row in rows:
            sheet.append([_xlsx_value(sheet, v) for v in row.cells(columns)])
    out = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    book.save(out)
    out.seek(0)
    return out
