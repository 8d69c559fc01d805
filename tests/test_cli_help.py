"""The frame of every help screen in Chinese (``gongkai.commands.help_zh``)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from gongkai.cli import app
from gongkai.commands.help_zh import translate_help

runner = CliRunner()


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Show this message and exit.", "显示本帮助并退出。"),
        ("输出格式。  [default: text]", "输出格式。  [默认：text]"),
        ("天数。  [default: 0; 0<=x<=20]", "天数。  [默认：0; 0<=x<=20]"),
        ("日期。  [required]", "日期。  [必填]"),
        ("说明 [default] 在中间不动。", "说明 [default] 在中间不动。"),
    ],
)
def test_click_words_in_a_help_text_are_translated(english: str, chinese: str) -> None:
    assert translate_help(english) == chinese


def test_a_usage_error_shows_the_usage_in_chinese() -> None:
    result = runner.invoke(app, ["annual", "check"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "用法：gongkai annual check [OPTIONS] {FILE…}..."


def test_a_group_without_a_command_shows_its_help() -> None:
    result = runner.invoke(app, ["annual"])
    assert "用法：gongkai annual [OPTIONS] COMMAND [ARGS]..." in result.output
    assert "命令：" in result.output
    assert "  rules   列出全部核查规则：代码、级别、名称和说明。" in result.output
