"""The ``gongkai`` command: a thin shell over the libraries."""

from __future__ import annotations

import typer

from .commands.annual import app as annual_app
from .commands.help_zh import ChineseHelpGroup

app = typer.Typer(
    name="gongkai",
    help="公开（Gongkai）：政府信息公开工作平台的命令行工具。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    cls=ChineseHelpGroup,
)
app.add_typer(
    annual_app, name="annual", help="年度报告：核查、解析、生成（国办公开办函〔2021〕30号格式）。"
)

try:  # the deadlines commands arrive with the deadlines library
    from .commands.deadlines import app as deadlines_app
except ImportError:  # pragma: no cover
    pass
else:
    app.add_typer(deadlines_app, name="deadlines", help="工作日与法定办理期限的计算。")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
