"""``gongkai annual …``: the annual-report library on the command line."""

from __future__ import annotations

import json

import typer

from ..annual.jsonschema import json_schema

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None)


@app.command("schema")
def schema_command() -> None:
    """打印 annual-report/1 格式的 JSON Schema。"""
    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))
