"""The annual report as typed objects, and ``annual-report/1`` JSON in and out.

Blank or unknown cells are ``None`` (JSON ``null``), never 0: 0 means the document
printed 0. Counts are ``int``; the fee amount of table 二 is a ``Decimal`` in 万元.
Table 二's counts may hold a non-integral ``Decimal`` when a document printed one, so that
the checker, not the loader, reports it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from . import schema as s
from .errors import SchemaError

Count = int | None
Amount = Decimal | None
T2Value = int | Decimal | None


@dataclass(frozen=True)
class DocumentCounts:
    """规章 or 行政规范性文件: made, repealed and in force."""

    made: T2Value = None
    repealed: T2Value = None
    in_force: T2Value = None


@dataclass(frozen=True)
class Table2:
    regulations: DocumentCounts = field(default_factory=DocumentCounts)
    normative_documents: DocumentCounts = field(default_factory=DocumentCounts)
    licensing: T2Value = None
    punishment: T2Value = None
    coercion: T2Value = None
    fees: Amount = None


@dataclass(frozen=True)
class Table3:
    """25 rows × 7 columns, keyed by the row keys of ``schema.TABLE3_ROWS``."""

    rows: Mapping[str, tuple[Count, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        full = {
            key: tuple(self.rows.get(key, (None,) * s.TABLE3_WIDTH)) for key in s.TABLE3_ROW_KEYS
        }
        object.__setattr__(self, "rows", full)

    def row(self, key: str) -> tuple[Count, ...]:
        return self.rows[key]

    def get(self, row: str, column: str) -> Count:
        return self.rows[row][s.TABLE3_COLUMN_BY_KEY[column].index]

    def __hash__(self) -> int:
        return hash(tuple(self.rows[k] for k in s.TABLE3_ROW_KEYS))


@dataclass(frozen=True)
class AppealCounts:
    upheld: Count = None
    corrected: Count = None
    other: Count = None
    pending: Count = None
    total: Count = None


@dataclass(frozen=True)
class Table4:
    reconsideration: AppealCounts = field(default_factory=AppealCounts)
    litigation_direct: AppealCounts = field(default_factory=AppealCounts)
    litigation_after_reconsideration: AppealCounts = field(default_factory=AppealCounts)

    def group(self, key: str) -> AppealCounts:
        value: AppealCounts = getattr(self, key)
        return value


@dataclass(frozen=True)
class AnnualReport:
    organ: str | None
    year: int | None
    table2: Table2 = field(default_factory=Table2)
    table3: Table3 = field(default_factory=Table3)
    table4: Table4 = field(default_factory=Table4)
    sections: Mapping[str, str] | None = None
    source: str | None = None
    diagnostics: tuple[Mapping[str, Any], ...] | None = None
    notes: str | None = None
    format: str | None = None
    """``"2021"`` or ``"2019"`` (the trial format) when known; see ``schema.FORMAT_*``."""
    confidence: Mapping[str, float] | None = None
    """Per table (``table2``, ``table3``, ``table4``), how sure a parser is, 0–1."""
    title: str | None = None
    published: str | None = None
    """The publication date (ISO) when the document states one."""

    # ------------------------------------------------------------------ cells

    def cell(self, key: str) -> T2Value:
        """The value of one cell by its dotted key (see ``schema.cell_key``)."""
        parts = key.split(".")
        table = parts[0]
        if table == "table3":
            return self.table3.get(".".join(parts[1:-1]), parts[-1])
        if table == "table4":
            value: Count = getattr(self.table4.group(parts[1]), parts[2])
            return value
        if table == "table2":
            if len(parts) == 3:
                counts: DocumentCounts = getattr(self.table2, parts[1])
                t2: T2Value = getattr(counts, parts[2])
                return t2
            t2 = getattr(self.table2, parts[1])
            return t2
        raise KeyError(key)

    def cells(self) -> Iterator[tuple[str, T2Value]]:
        for key in s.all_cell_keys():
            yield key, self.cell(key)

    def with_cell(self, key: str, value: T2Value) -> AnnualReport:
        """A copy of this report with one cell changed."""
        parts = key.split(".")
        table = parts[0]
        if table == "table3":
            row_key, column = ".".join(parts[1:-1]), parts[-1]
            row = list(self.table3.row(row_key))
            row[s.TABLE3_COLUMN_BY_KEY[column].index] = _as_int(value)
            rows = dict(self.table3.rows)
            rows[row_key] = tuple(row)
            return replace(self, table3=Table3(rows))
        if table == "table4":
            group = replace(self.table4.group(parts[1]), **{parts[2]: _as_int(value)})
            return replace(self, table4=replace(self.table4, **{parts[1]: group}))
        if table == "table2":
            if len(parts) == 3:
                counts = replace(getattr(self.table2, parts[1]), **{parts[2]: value})
                changes: dict[str, object] = {parts[1]: counts}
            elif parts[1] == s.TABLE2_FEES_ROW and value is not None:
                changes = {parts[1]: Decimal(value)}
            else:
                changes = {parts[1]: value}
            return replace(self, table2=replace(self.table2, **changes))  # type: ignore[arg-type]
        raise KeyError(key)

    # ------------------------------------------------------------------ JSON

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": s.SCHEMA_ID,
            "organ": self.organ,
            "year": self.year,
            "table2": {
                "regulations": _counts_dict(self.table2.regulations),
                "normative_documents": _counts_dict(self.table2.normative_documents),
                "licensing": _json_number(self.table2.licensing),
                "punishment": _json_number(self.table2.punishment),
                "coercion": _json_number(self.table2.coercion),
                "fees": _json_number(self.table2.fees),
            },
            "table3": {key: list(self.table3.row(key)) for key in s.TABLE3_ROW_KEYS},
            "table4": {
                g: {c: getattr(self.table4.group(g), c) for c in s.TABLE4_COLUMN_KEYS}
                for g in s.TABLE4_GROUP_KEYS
            },
        }
        optional: dict[str, Any] = {
            "format": self.format,
            "title": self.title,
            "published": self.published,
            "sections": _in_form_order(self.sections) if self.sections is not None else None,
            "source": self.source,
            "confidence": dict(self.confidence) if self.confidence is not None else None,
            "diagnostics": [dict(d) for d in self.diagnostics]
            if self.diagnostics is not None
            else None,
            "notes": self.notes,
        }
        out.update({k: v for k, v in optional.items() if v is not None})
        return out

    def to_json(self, *, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Any, *, source: str | None = None) -> AnnualReport:
        """Build a report from an ``annual-report/1`` object, checking every field.

        Raises ``SchemaError`` naming the first field that is wrong, what it expected and
        what it found.
        """
        return _Loader(source).report(data)

    @classmethod
    def from_json(cls, text: str, *, source: str | None = None) -> AnnualReport:
        try:
            data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
        except json.JSONDecodeError as exc:
            raise SchemaError(
                f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列：{exc.msg}）", source=source
            ) from exc
        except ValueError as exc:  # NaN/Infinity, or an integer too long to convert
            detail = str(exc) if str(exc).startswith("含有") else "含有位数过多的整数"
            raise SchemaError(
                f"不是有效的 annual-report/1 JSON（{detail}）", source=source
            ) from exc
        except RecursionError as exc:
            raise SchemaError(
                "JSON 嵌套层次过深，不是 annual-report/1 数据", source=source
            ) from exc
        return cls.from_dict(data, source=source)

    @classmethod
    def load(cls, path: str | Path) -> AnnualReport:
        path = Path(path)
        if path.exists() and not path.is_file():
            # A FIFO or a device would block or never end; a folder cannot be read as JSON.
            raise SchemaError(
                "不是普通文件（文件夹、管道、设备或套接字），未读取", source=str(path)
            )
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise SchemaError("文件不存在", source=str(path)) from exc
        except UnicodeDecodeError as exc:
            raise SchemaError("不是 UTF-8 编码的 JSON 文件", source=str(path)) from exc
        except OSError as exc:
            raise SchemaError(f"无法读取（{exc.strerror}）", source=str(path)) from exc
        return cls.from_json(text, source=str(path))

    def __hash__(self) -> int:
        return hash((self.organ, self.year, self.table2, self.table3, self.table4))


def _no_constant(name: str) -> Any:
    """JSON has no NaN or Infinity (Python's reader accepts them unless told not to)."""
    raise ValueError(f"含有 JSON 不允许的数值 {name}")


def _in_form_order(sections: Mapping[str, str]) -> dict[str, str]:
    """Sections as the form orders them ("1" to "6"), so that the JSON written is the same
    whatever order they were added in."""
    rank = {key: i for i, key in enumerate(s.SECTION_KEYS)}
    return dict(sorted(sections.items(), key=lambda item: rank.get(item[0], len(rank))))


def _as_int(value: T2Value) -> Count:
    if value is None:
        return None
    return int(value)


def _json_number(value: T2Value) -> int | float | None:
    """Decimals that are whole numbers become ints; others a float with the same digits."""
    if value is None or isinstance(value, int):
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _counts_dict(counts: DocumentCounts) -> dict[str, int | float | None]:
    return {c.key: _json_number(getattr(counts, c.key)) for c in s.TABLE2_DOCUMENT_COLUMNS}


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int | float | Decimal):
        return f"数字 {value}"
    if isinstance(value, str):
        return f"字符串“{value[:20]}”"
    if isinstance(value, list):
        return f"含{len(value)}项的数组"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


class _Loader:
    """Reads an ``annual-report/1`` object field by field, naming what is wrong."""

    def __init__(self, source: str | None) -> None:
        self.source = source

    def fail(self, path: str, expected: str, got: Any) -> SchemaError:
        return SchemaError(f"应为{expected}，读到{_type_name(got)}", path=path, source=self.source)

    def obj(self, data: Any, path: str) -> Mapping[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(path or "(根)", "对象", data)
        return data

    def keys(self, data: Mapping[str, Any], path: str, allowed: tuple[str, ...]) -> None:
        unknown = [k for k in data if k not in allowed]
        if unknown:
            raise SchemaError(
                f"不认识的字段“{unknown[0]}”（可用字段：{'、'.join(allowed)}）",
                path=path or "(根)",
                source=self.source,
            )

    def integer(self, value: Any, path: str) -> Count:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
            raise self.fail(path, "整数或 null", value)
        if isinstance(value, int):
            return value
        if value != int(value):
            raise self.fail(path, "整数或 null", value)
        return int(value)

    def t2_number(self, value: Any, path: str) -> T2Value:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
            raise self.fail(path, "数字或 null", value)
        if isinstance(value, int):
            return value
        dec = Decimal(str(value))
        return int(dec) if dec == dec.to_integral_value() else dec

    def amount(self, value: Any, path: str) -> Amount:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
            raise self.fail(path, "以万元计的数字或 null", value)
        try:
            return Decimal(str(value))
        except InvalidOperation as exc:
            raise self.fail(path, "以万元计的数字或 null", value) from exc

    def text(self, value: Any, path: str) -> str | None:
        if value is None or isinstance(value, str):
            return value
        raise self.fail(path, "字符串或 null", value)

    def day(self, value: Any, path: str) -> str | None:
        """A date as ``YYYY-MM-DD`` that exists on the calendar (not 2024-02-30)."""
        text = self.text(value, path)
        if text is None:
            return None
        try:
            if len(text) == 10 and date.fromisoformat(text).isoformat() == text:
                return text
        except ValueError:
            pass
        raise SchemaError(
            f"应为 YYYY-MM-DD 格式的真实日期，读到“{text[:40]}”", path=path, source=self.source
        )

    def report(self, data: Any) -> AnnualReport:
        root = self.obj(data, "")
        allowed = (
            "schema", "organ", "year", "table2", "table3", "table4", "sections", "source",
            "diagnostics", "notes", "format", "confidence", "title", "published",
        )  # fmt: skip
        self.keys(root, "", allowed)
        if root.get("schema") != s.SCHEMA_ID:
            raise self.fail("schema", f"“{s.SCHEMA_ID}”", root.get("schema"))
        for required in ("organ", "year", "table2", "table3", "table4"):
            if required not in root:
                raise SchemaError(f"缺少必填字段“{required}”", path="(根)", source=self.source)
        year = self.integer(root["year"], "year")
        if year is not None and not 1900 <= year <= 2200:
            raise self.fail("year", "四位年份", root["year"])
        fmt = self.text(root.get("format"), "format")
        if fmt is not None and fmt not in s.FORMAT_NAMES:
            raise self.fail("format", "“2021”或“2019”", fmt)
        return AnnualReport(
            organ=self.text(root["organ"], "organ"),
            year=year,
            table2=self.table2(root["table2"]),
            table3=self.table3(root["table3"]),
            table4=self.table4(root["table4"]),
            sections=self.sections(root.get("sections")),
            source=self.text(root.get("source"), "source"),
            diagnostics=self.diagnostics(root.get("diagnostics")),
            notes=self.text(root.get("notes"), "notes"),
            format=fmt,
            confidence=self.confidence(root.get("confidence")),
            title=self.text(root.get("title"), "title"),
            published=self.day(root.get("published"), "published"),
        )

    def table2(self, data: Any) -> Table2:
        t2 = self.obj(data, "table2")
        keys = (*s.TABLE2_DOCUMENT_ROWS, *s.TABLE2_COUNT_ROWS, s.TABLE2_FEES_ROW)
        self.keys(t2, "table2", keys)
        docs: dict[str, DocumentCounts] = {}
        for row in s.TABLE2_DOCUMENT_ROWS:
            path = f"table2.{row}"
            raw = t2.get(row)
            if raw is None:
                docs[row] = DocumentCounts()
                continue
            obj = self.obj(raw, path)
            cols = tuple(c.key for c in s.TABLE2_DOCUMENT_COLUMNS)
            self.keys(obj, path, cols)
            docs[row] = DocumentCounts(
                **{c: self.t2_number(obj.get(c), f"{path}.{c}") for c in cols}
            )
        return Table2(
            regulations=docs["regulations"],
            normative_documents=docs["normative_documents"],
            licensing=self.t2_number(t2.get("licensing"), "table2.licensing"),
            punishment=self.t2_number(t2.get("punishment"), "table2.punishment"),
            coercion=self.t2_number(t2.get("coercion"), "table2.coercion"),
            fees=self.amount(t2.get("fees"), "table2.fees"),
        )

    def table3(self, data: Any) -> Table3:
        t3 = self.obj(data, "table3")
        self.keys(t3, "table3", s.TABLE3_ROW_KEYS)
        rows: dict[str, tuple[Count, ...]] = {}
        for key in s.TABLE3_ROW_KEYS:
            path = f"table3.{key}"
            raw = t3.get(key)
            if raw is None:
                rows[key] = (None,) * s.TABLE3_WIDTH
                continue
            if not isinstance(raw, list) or len(raw) != s.TABLE3_WIDTH:
                raise self.fail(
                    path,
                    f"含{s.TABLE3_WIDTH}个数的数组（按{'、'.join(s.TABLE3_COLUMN_KEYS)}）",
                    raw,
                )
            rows[key] = tuple(self.integer(v, f"{path}[{i}]") for i, v in enumerate(raw))
        return Table3(rows)

    def table4(self, data: Any) -> Table4:
        t4 = self.obj(data, "table4")
        self.keys(t4, "table4", s.TABLE4_GROUP_KEYS)
        groups: dict[str, AppealCounts] = {}
        for key in s.TABLE4_GROUP_KEYS:
            path = f"table4.{key}"
            raw = t4.get(key)
            if raw is None:
                groups[key] = AppealCounts()
                continue
            obj = self.obj(raw, path)
            self.keys(obj, path, s.TABLE4_COLUMN_KEYS)
            groups[key] = AppealCounts(
                **{c: self.integer(obj.get(c), f"{path}.{c}") for c in s.TABLE4_COLUMN_KEYS}
            )
        return Table4(**groups)

    def sections(self, data: Any) -> Mapping[str, str] | None:
        if data is None:
            return None
        obj = self.obj(data, "sections")
        self.keys(obj, "sections", s.SECTION_KEYS)
        out: dict[str, str] = {}
        for key in s.SECTION_KEYS:
            if key in obj:
                value = self.text(obj[key], f"sections.{key}")
                if value is not None:
                    out[key] = value
        return out

    def diagnostics(self, data: Any) -> tuple[Mapping[str, Any], ...] | None:
        if data is None:
            return None
        if not isinstance(data, list):
            raise self.fail("diagnostics", "数组", data)
        out: list[Mapping[str, Any]] = []
        for i, item in enumerate(data):
            if isinstance(item, str):
                out.append({"message": item})
            elif isinstance(item, dict):
                out.append(item)
            else:
                raise self.fail(f"diagnostics[{i}]", "对象或字符串", item)
        return tuple(out)

    def confidence(self, data: Any) -> Mapping[str, float] | None:
        if data is None:
            return None
        obj = self.obj(data, "confidence")
        out: dict[str, float] = {}
        for key, value in obj.items():
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float | Decimal)
                or not 0 <= value <= 1
            ):
                raise self.fail(f"confidence.{key}", "0 到 1 之间的数", value)
            out[key] = float(value)
        return out
