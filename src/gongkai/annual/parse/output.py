"""Writing parsed reports: JSON lines, and the long form (CSV, Parquet) researchers use.

JSON lines: one ``annual-report/1`` object per input, in input order.
Long form: one row per cell of the national form (200 per report, in ``schema`` order),
columns ``source, organ, year, table, row, column, value``; unknown cells keep their row
with an empty (CSV) or null (Parquet) value. ``row`` and ``column`` are the schema keys
(``table3`` / ``withheld.state_secret`` / ``natural_person``; ``table2`` /
``regulations`` / ``made``; ``table2`` / ``fees`` / ``amount``).
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, NamedTuple, Protocol

from .. import schema as s
from ..model import AnnualReport

LONG_COLUMNS = ("source", "organ", "year", "table", "row", "column", "value")


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


class Cell(NamedTuple):
    source: str | None
    organ: str | None
    year: int | None
    table: str
    row: str
    column: str
    value: int | Decimal | None


def long_rows(report: AnnualReport) -> Iterator[Cell]:
    """Every cell of the report, one row each, in the form's reading order."""
    head = (report.source, report.organ, report.year)
    for key, value in report.cells():
        table, *rest = key.split(".")
        if table == "table2" and len(rest) == 1:
            column = s.table2_block_of(rest[0]).columns[0].key
            row = rest[0]
        else:
            row, column = ".".join(rest[:-1]), rest[-1]
        number = Decimal(value) if isinstance(value, float) else value
        yield Cell(*head, table, row, column, number)


class ReportWriter(Protocol):
    def write(self, report: AnnualReport) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, report: AnnualReport) -> None:
        self.stream.write(report.to_json(indent=None) + "\n")

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(LONG_COLUMNS)

    def write(self, report: AnnualReport) -> None:
        self.writer.writerows(("" if v is None else v for v in cell) for cell in long_rows(report))

    def close(self) -> None:
        self.stream.flush()


VALUE_DIGITS = 38
VALUE_SCALE = 10
_LIMIT = Decimal(10) ** (VALUE_DIGITS - VALUE_SCALE)
_QUANTUM = Decimal(1).scaleb(-VALUE_SCALE)


def _decimal(value: int | Decimal | None) -> Decimal | None:
    """A cell's value in the Parquet column: exact to ``VALUE_SCALE`` decimals (a fee
    printed with six keeps them), null beyond what a decimal(38, 10) holds (no count or
    fee of a real report comes near 10^28)."""
    if value is None:
        return None
    number = Decimal(value)
    if not number.is_finite() or abs(number) >= _LIMIT:
        return None
    return number.quantize(_QUANTUM)


class ParquetWriter:
    """Parquet via pyarrow, one row group per ``batch`` reports; ``value`` is an exact
    decimal(38, 10) (counts are whole numbers, table 二's fees are 万元 with decimals)."""

    def __init__(self, path: str | Path, batch: int = 500) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = pa.schema(
            [
                ("source", pa.string()),
                ("organ", pa.string()),
                ("year", pa.int32()),
                ("table", pa.string()),
                ("row", pa.string()),
                ("column", pa.string()),
                ("value", pa.decimal128(VALUE_DIGITS, VALUE_SCALE)),
            ]
        )
        self.writer = pq.ParquetWriter(str(path), self.schema)
        self.batch = batch
        self.pending: list[Cell] = []
        self.reports = 0

    def write(self, report: AnnualReport) -> None:
        self.pending.extend(long_rows(report))
        self.reports += 1
        if self.reports % self.batch == 0:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        columns: list[list[Any]] = [list(column) for column in zip(*self.pending, strict=True)]
        columns[-1] = [_decimal(v) for v in columns[-1]]
        table = self.pa.Table.from_arrays(
            [self.pa.array(c, type=f.type) for c, f in zip(columns, self.schema, strict=True)],
            schema=self.schema,
        )
        self.writer.write_table(table)
        self.pending = []

    def close(self) -> None:
        self._flush()
        self.writer.close()


def output_problem(out: str | Path) -> str | None:
    """Why ``out`` cannot receive the output, checked before any file is parsed (None:
    it can). A link is written through to its target, never replaced."""
    target = Path(out)
    if target.is_dir():
        return f"输出路径“{out}”是一个文件夹，请给出文件名，例如 {Path(out) / '年报.jsonl'}"
    folder = target.resolve().parent
    if not folder.is_dir():
        return f"输出文件所在的文件夹“{folder}”不存在，请先创建"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"没有权限在文件夹“{folder}”中写入"
    if target.exists() and not os.access(target, os.W_OK):
        return f"没有权限覆盖输出文件“{out}”"
    return None


@contextmanager
def open_writer(
    kind: OutputFormat, out: str | Path | None, stdout: IO[str]
) -> Iterator[ReportWriter]:
    """A writer for ``kind`` to the file ``out`` (or ``stdout`` for the text formats).

    A file is written under a temporary name and moved into place only when the batch
    finishes, so an interrupted run never leaves a half-written output behind.
    """
    if out is None:
        if kind is OutputFormat.PARQUET:
            raise ValueError("Parquet 格式必须用 -o 指定输出文件")
        writer = _text_writer(kind, stdout)
        yield writer
        writer.close()
        return
    target = Path(out).resolve()  # through a link: the link stays, its target is written
    partial = target.with_name(target.name + ".part")
    try:
        if kind is OutputFormat.PARQUET:
            parquet = ParquetWriter(partial)
            yield parquet
            parquet.close()
        else:
            with partial.open("w", encoding="utf-8", newline="") as stream:
                writer = _text_writer(kind, stream)
                yield writer
                writer.close()
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _text_writer(kind: OutputFormat, stream: IO[str]) -> ReportWriter:
    return JsonlWriter(stream) if kind is OutputFormat.JSONL else CsvWriter(stream)
