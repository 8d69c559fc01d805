"""The JSON Schema of ``annual-report/1``, built from ``schema`` and shipped as a file."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from . import schema as s

_INT = {"type": ["integer", "null"]}
_NUM = {"type": ["number", "null"]}


def _object(props: dict[str, Any], *, required: bool = True) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required else [],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Build the JSON Schema from the form's records."""
    doc_counts = _object({c.key: _NUM for c in s.TABLE2_DOCUMENT_COLUMNS})
    table2 = _object(
        {
            **{k: doc_counts for k in s.TABLE2_DOCUMENT_ROWS},
            **{k: _NUM for k in s.TABLE2_COUNT_ROWS},
            s.TABLE2_FEES_ROW: {**_NUM, "description": "本年收费金额（单位：万元）"},
        }
    )
    row = {
        "type": "array",
        "items": _INT,
        "minItems": s.TABLE3_WIDTH,
        "maxItems": s.TABLE3_WIDTH,
        "description": "按列：" + "、".join(c.label for c in s.TABLE3_COLUMNS),
    }
    table3 = _object({r.key: {**row, "title": r.label} for r in s.TABLE3_ROWS})
    appeal = _object({c.key: {**_INT, "title": c.label} for c in s.TABLE4_COLUMNS})
    table4 = _object({g.key: {**appeal, "title": g.label} for g in s.TABLE4_GROUPS})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://gongkai.example/schemas/annual-report-1.json",
        "title": "政府信息公开工作年度报告（annual-report/1）",
        "description": "空白或未知的单元格为 null（不是 0）；0 表示文件印的就是 0。",
        "type": "object",
        "properties": {
            "schema": {"const": s.SCHEMA_ID},
            "organ": {"type": ["string", "null"]},
            "year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2200},
            "table2": table2,
            "table3": table3,
            "table4": table4,
            "format": {"enum": [*s.FORMAT_NAMES, None]},
            "title": {"type": ["string", "null"]},
            "published": {
                "type": ["string", "null"],
                "format": "date",
                "description": "发布日期，YYYY-MM-DD，须为真实存在的日期",
            },
            "sections": {
                "type": "object",
                "properties": {k.key: {"type": "string", "title": k.heading} for k in s.SECTIONS},
                "additionalProperties": False,
            },
            "source": {"type": ["string", "null"]},
            "confidence": {
                "type": "object",
                "additionalProperties": {"type": "number", "minimum": 0, "maximum": 1},
            },
            "diagnostics": {"type": "array", "items": {"type": ["object", "string"]}},
            "notes": {"type": ["string", "null"]},
        },
        "required": ["schema", "organ", "year", "table2", "table3", "table4"],
        "additionalProperties": False,
    }


def shipped_json_schema() -> dict[str, Any]:
    """The schema file shipped in the package (a test keeps it equal to ``json_schema()``)."""
    text = (
        resources.files("gongkai.annual")
        .joinpath("data/annual-report-1.schema.json")
        .read_text("utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data
