"""The shipped year table: regenerated from chinesecalendar, cross-checked with holidays."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gongkai.deadlines import CalendarDataError, load_table, shipped_notices
from gongkai.deadlines.build_table import (
    CORRECTIONS,
    build_notices,
    cross_check,
    main,
    render,
    table_document,
)
from gongkai.deadlines.table import TABLE_PATH


def test_shipped_table_is_what_the_generator_writes() -> None:
    assert TABLE_PATH.read_text(encoding="utf-8") == render(table_document(build_notices()))


def test_table_agrees_with_the_holidays_package_day_by_day() -> None:
    assert cross_check(shipped_notices()) == []


def test_check_mode_passes_on_the_shipped_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0
    assert "23个年份（2004–2026），与数据源一致" in capsys.readouterr().out


def test_check_mode_fails_on_a_stale_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "cn_calendar.json"
    document = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    document["years"] = document["years"][:-1]
    stale.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert main(["--check", "--output", str(stale)]) == 1
    assert "不是由当前数据生成的" in capsys.readouterr().err


def test_corrections_cite_their_notice() -> None:
    assert [(c.date, c.is_workday) for c in CORRECTIONS] == [(date(2005, 12, 31), True)]
    assert all("国办发明电" in c.reason for c in CORRECTIONS)


def test_every_year_cites_its_notice() -> None:
    for notice in shipped_notices():
        assert notice.source.startswith(f"《国务院办公厅关于{notice.year}年部分节假日安排的通知》")
        assert notice.url.startswith("https://")
    by_year = {n.year: n for n in shipped_notices()}
    assert (
        by_year[2025].source
        == "《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号，2024-11-12）"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "无法读取节假日年表"),
        ('{"format": "other/1", "years": []}', "格式应为 gongkai-cn-calendar/1，读到 'other/1'"),
    ],
)
def test_bad_table_file_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "table.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CalendarDataError) as caught:
        load_table(path)
    assert str(caught.value).startswith(f"{path}：")
    assert message in str(caught.value)
