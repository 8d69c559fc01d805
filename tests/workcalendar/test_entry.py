"""Reading the day lists an administrator types."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from gongkai.workcalendar.entry import format_days, parse_days
from gongkai.workcalendar.services import DayEntry

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-01-01 元旦", [(D(2027, 1, 1), "元旦")]),
        ("\n  2027-1-1   元旦  \n\n", [(D(2027, 1, 1), "元旦")]),
        (
            "2027-02-06至2027-02-08 春节",
            [(D(2027, 2, 6), "春节"), (D(2027, 2, 7), "春节"), (D(2027, 2, 8), "春节")],
        ),
        ("2027-05-01~2027-05-02 劳动节", [(D(2027, 5, 1), "劳动节"), (D(2027, 5, 2), "劳动节")]),
    ],
)
def test_lines_and_runs(text: str, expected: list[tuple[datetime.date, str]]) -> None:
    days = parse_days(text, "holiday", "放假日期")
    assert [(d.date, d.name) for d in days] == expected
    assert {d.kind for d in days} == {"holiday"}


def test_every_bad_line_is_reported_with_its_number() -> None:
    text = "2027-01-01 元旦\n2027/02/06 春节\n2027-02-30 春节\n2027-03-05至2027-03-01 节"
    with pytest.raises(ValidationError) as info:
        parse_days(text, "holiday", "放假日期")
    assert info.value.messages == [
        "放假日期 第2行：应为“YYYY-MM-DD 名称”或“YYYY-MM-DD至YYYY-MM-DD 名称”，读到“2027/02/06 春节”",
        "放假日期 第3行：“2027-02-30”不是有效日期",
        "放假日期 第4行：结束日期应在开始日期之后且不超过31天，读到“2027-03-05至2027-03-01 节”",
    ]


def test_a_name_is_required() -> None:
    with pytest.raises(ValidationError) as info:
        parse_days("2027-01-01", "holiday", "放假日期")
    assert "第1行" in info.value.messages[0]


def test_format_days_is_the_inverse() -> None:
    text = "2027-01-01 元旦\n2027-02-06至2027-02-09 春节\n2027-02-10 另一节日"
    days = parse_days(text, "holiday", "放假日期")
    assert format_days(days) == text
    assert format_days([DayEntry(D(2027, 2, 20), "workday", "春节")]) == "2027-02-20 春节"
