"""Write docs/cli.md, the command-line reference, from the ``--help`` of every command.

    .venv/bin/python scripts/gen_cli_docs.py           # regenerate docs/cli.md
    .venv/bin/python scripts/gen_cli_docs.py --check   # exit 1 when docs/cli.md is stale

``tests/test_cli_docs.py`` runs the check, so ``make test`` fails when a help text
changed and the page was not regenerated.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "cli.md"
WIDTH = 100
COMMAND = "gongkai"
REGENERATE = ".venv/bin/python scripts/gen_cli_docs.py"

HEADER = f"""# 命令行参考

本页由 `scripts/gen_cli_docs.py` 根据每个命令的 `--help` 输出生成，请勿手工修改。
命令或帮助文字有变化时，运行 `{REGENERATE}` 重新生成；
`make test` 会检查本页是否为最新。
"""


def _commands(command: Any, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every command path under ``command``, depth first, in the order ``--help`` lists
    them (a typer group keeps its commands in the order they were added)."""
    yield path
    for name, sub in getattr(command, "commands", {}).items():
        if not sub.hidden:
            yield from _commands(sub, (*path, name))


def _help(app: typer.Typer, path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(
        app, [*path, "--help"], prog_name=COMMAND, env={"COLUMNS": str(WIDTH)}, terminal_width=WIDTH
    )
    if result.exit_code != 0:
        raise RuntimeError(f"{COMMAND} {' '.join(path)} --help 退出码为{result.exit_code}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def render() -> str:
    """The whole reference page as Markdown."""
    from gongkai.cli import app

    parts = [HEADER]
    for path in _commands(typer.main.get_command(app), ()):
        parts.append(f"## {' '.join((COMMAND, *path))}\n\n```text\n{_help(app, path)}\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from generated_doc import write_or_check

    return write_or_check(DOC, render(), REGENERATE, argv, ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
