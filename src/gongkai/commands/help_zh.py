"""Help screens in Chinese: the words typer and click add around our own help texts.

Our help texts are Chinese already; this translates the frame click prints around them
(``Usage:``, the ``Options``/``Arguments``/``Commands`` headings, the ``--help`` option's
own text, ``[default: …]`` and ``[required]``). ``ChineseHelpGroup`` is the top-level
group's class: it gives every command under it a context whose help formatter does this.
Click's error lines (``Error: …``, ``Try … for help.``) stay as click prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

USAGE = "用法："
HEADINGS = {"Usage": "用法", "Arguments": "参数", "Options": "选项", "Commands": "命令"}
HELP_OPTION = ("Show this message and exit.", "显示本帮助并退出。")
_EXTRA_RE = re.compile(r"\[([^\[\]]*)\]$")
_EXTRA_WORDS = (("default: ", "默认："), ("required", "必填"), ("env var: ", "环境变量："))


def _extra_in_chinese(match: re.Match[str]) -> str:
    text = match.group(1)
    for english, chinese in _EXTRA_WORDS:
        text = text.replace(english, chinese)
    return f"[{text}]"


def translate_help(text: str) -> str:
    """One option's or argument's help, with click's own words in Chinese."""
    if text == HELP_OPTION[0]:
        return HELP_OPTION[1]
    return _EXTRA_RE.sub(_extra_in_chinese, text)


def _chinese_formatter(base: type[Any]) -> type[Any]:
    class ChineseHelpFormatter(base):  # type: ignore[misc]
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, USAGE if prefix is None else prefix)

        def write_heading(self, heading: str) -> None:
            self.write(f"{'':>{self.current_indent}}{HEADINGS.get(heading, heading)}：\n")

        def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
            super().write_dl([(term, translate_help(text)) for term, text in rows], *args, **kwargs)

    return ChineseHelpFormatter


class ChineseHelpContext(typer.Context):
    formatter_class = _chinese_formatter(typer.Context.formatter_class)


class ChineseHelpGroup(TyperGroup):
    """The top-level group: every command under it prints its help in Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _use_chinese_help(self)


def _use_chinese_help(command: Any) -> None:
    command.context_class = ChineseHelpContext
    for sub in getattr(command, "commands", {}).values():
        _use_chinese_help(sub)
