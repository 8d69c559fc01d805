"""Plain text printed in two columns (a newspaper page, a two-column PDF converted with its
layout kept): the left column is read first, then the right, so part titles at the head of
a column are found and each part's words stay together; tables are never taken apart."""

from __future__ import annotations

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.text_columns import unfold_columns

LEFT = [
    "五、存在的主要问题及改进情况",
    "一是主动公开的深度不够，政策",
    "解读的形式还比较单一；二是依",
    "申请公开答复的规范性有待提高。",
]
RIGHT = [
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。本机",
    "关无其他需要报告的事项，特此",
    "说明。",
]


def _two_columns(left: list[str], right: list[str], column: int = 36) -> str:
    out = []
    for a, b in zip(left, right, strict=True):
        width = len(a) * 2  # (Chinese characters: two display columns each)
        out.append(a + " " * (column - width) + b)
    return "\n".join(out)


def test_the_left_column_is_read_before_the_right() -> None:
    text, blocks = unfold_columns("前言\n" + _two_columns(LEFT, RIGHT) + "\n结尾")
    assert blocks == 1
    assert text.split("\n") == ["前言", *LEFT, *RIGHT, "结尾"]


def test_a_report_whose_last_two_parts_stand_side_by_side_finds_both() -> None:
    head = "\n".join(
        [
            "青石县水利局2024年政府信息公开工作年度报告",
            "一、总体情况",
            "2024年，本局依法做好政府信息公开工作。",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
        ]
    )
    report = parse_bytes((head + "\n" + _two_columns(LEFT, RIGHT)).encode("utf-8"), "两栏.txt")
    sections = report.sections or {}
    assert sections["5"].startswith("一是主动公开") and "六、" not in sections["5"]
    assert sections["6"].startswith("本年度未收取信息处理费")
    said = [d for d in report.diagnostics or () if d["code"] == "TEXT_TWO_COLUMNS"]
    assert said and said[0]["severity"] == "info"


def test_a_table_laid_out_with_spaces_is_not_two_columns() -> None:
    rows = [
        "信息内容    本年处理决定数量",
        "行政许可    12",
        "信息内容    本年处理决定数量",
        "行政处罚    3",
        "行政强制    0",
        "信息内容    本年收费金额（单位：万元）",
    ]
    assert unfold_columns("\n".join(rows)) == ("\n".join(rows), 0)


def test_rows_of_numbers_after_their_labels_are_never_a_right_column() -> None:
    rows = [f"（五）不予处理{i}.信访举报投诉类申请        1 0 0 0 0 0 1" for i in range(1, 6)]
    assert unfold_columns("\n".join(rows))[1] == 0
