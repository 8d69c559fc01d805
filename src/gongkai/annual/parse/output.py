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
import shutil
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


def long_schema(pa: Any, *, province: bool = False) -> Any:
    """The long table's Arrow schema (``province`` after ``organ`` for a dataset)."""
    text, year = pa.string(), pa.int32()
    head = [("source", text), ("organ", text), *([("province", text)] if province else [])]
    return pa.schema(
        [
            *head,
            ("year", year),
            ("table", text),
            ("row", text),
            ("column", text),
            ("value", pa.decimal128(VALUE_DIGITS, VALUE_SCALE)),
        ]
    )


class ParquetWriter:
    """Parquet via pyarrow, one row group per ``batch`` reports; ``value`` is an exact
    decimal(38, 10) (counts are whole numbers, table 二's fees are 万元 with decimals)."""

    def __init__(self, path: str | Path, batch: int = 500) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pa = pa
        self.schema = long_schema(pa)
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


class DatasetWriter:
    """A Parquet dataset partitioned by year and province (Hive style:
    ``year=2024/province=广东省/part-….parquet``), in a local folder or under an
    object-store address (``s3://bucket/prefix``, via fsspec). Same columns as
    ``ParquetWriter`` (``year`` and ``province`` in the folder names); a report whose year
    is unknown goes under ``year=__HIVE_DEFAULT_PARTITION__``. One file per partition and
    batch of ``batch`` reports, so a writer never holds more than one batch."""

    def __init__(self, target: str, batch: int = 2000) -> None:
        import fsspec
        import pyarrow as pa

        self.pa = pa
        self.fs, self.root = fsspec.core.url_to_fs(target)
        self.schema = long_schema(pa, province=True)
        self.batch = batch
        self.pending: list[tuple[Any, ...]] = []
        self.reports = 0
        self.parts = 0

    def write(self, report: AnnualReport) -> None:
        from ..province import province_of

        province = province_of(report.organ)
        for cell in long_rows(report):
            self.pending.append(
                (cell.source, cell.organ, province, cell.year, *cell[3:6], _decimal(cell.value))
            )
        self.reports += 1
        if self.reports % self.batch == 0:
            self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        import pyarrow.parquet as pq

        groups: dict[tuple[Any, Any], list[tuple[Any, ...]]] = {}
        for row in self.pending:
            groups.setdefault((row[3], row[2]), []).append(row)
        for (year, province), rows in sorted(groups.items(), key=lambda g: str(g[0])):
            columns = [list(c) for c in zip(*rows, strict=True)]
            table = self.pa.Table.from_arrays(
                [self.pa.array(c, type=f.type) for c, f in zip(columns, self.schema, strict=True)],
                schema=self.schema,
            ).drop_columns(["year", "province"])
            # the folder names as printed (province=广东省), not percent-encoded as
            # pyarrow's own partitioned writer does; readers decode both alike
            folder = f"{self.root}/year={HIVE_NULL if year is None else year}/province={province}"
            self.fs.makedirs(folder, exist_ok=True)
            with self.fs.open(f"{folder}/part-{self.parts:05d}.parquet", "wb") as stream:
                pq.write_table(table, stream)
        self.parts += 1
        self.pending = []

    def close(self) -> None:
        self._flush()


HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"


def is_dataset_target(out: str | Path) -> bool:
    """``-o`` names a dataset (a folder, written as one file per partition) rather than one
    file: an object-store address, a path ending in ``/``, or an existing folder."""
    text = str(out)
    return "://" in text or text.endswith("/") or Path(text).is_dir()


def dataset_problem(out: str) -> str | None:
    """Why the dataset cannot be written at ``out`` (None: it can): a local folder must be
    new or empty (a second run never mixes its parts with an earlier run's)."""
    if "://" in out:
        return None
    folder = Path(out)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return f"输出文件夹“{out}”已存在且不是空文件夹，请给出新的文件夹"
    parent = folder.resolve().parent
    if not parent.is_dir():
        return f"输出文件夹的上级“{parent}”不存在，请先创建"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"没有权限在文件夹“{parent}”中写入"
    return None


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
    """A writer for ``kind`` to the file ``out`` (or ``stdout`` for the text formats;
    a Parquet dataset when ``out`` is a folder or object-store address).

    A file is written under a temporary name and moved into place only when the batch
    finishes, so an interrupted run never leaves a half-written output behind.
    """
    if kind is OutputFormat.PARQUET and out is not None and is_dataset_target(out):
        yield from _dataset(str(out))
        return
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


def _dataset(out: str) -> Iterator[ReportWriter]:
    """A local folder is written as ``<folder>.part`` and renamed when the batch finishes
    (an interrupted run leaves nothing); an object store is written in place."""
    if "://" in out:
        remote = DatasetWriter(out)
        yield remote
        remote.close()
        return
    target = Path(out.rstrip("/") or out).resolve()
    partial = target.with_name(target.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        local = DatasetWriter(str(partial))
        yield local
        local.close()
        if target.exists():
            target.rmdir()  # empty: checked by dataset_problem before the run
        partial.mkdir(exist_ok=True)  # a batch with no report still gives a folder
        partial.replace(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _text_writer(kind: OutputFormat, stream: IO[str]) -> ReportWriter:
    return JsonlWriter(stream) if kind is OutputFormat.JSONL else CsvWriter(stream)
