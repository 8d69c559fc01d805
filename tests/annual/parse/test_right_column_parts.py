"""A page printed in two columns and copied as text: each line the left column's, a wide
gap, then the right column's. A part whose heading stands only after such a gap (parts 五
and 六 beside table 三) is found, and its text is the right column's from its heading on;
the table beside it is read as before."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.rows import Row
from gongkai.annual.parse.sections import find_headings, section_texts

GAP = " " * 8
RIGHT = [
    "五、存在的主要问题及改进情况",
    "一是解读形式较为单一；",
    "二是答复文书格式不统一。",
    "下一步将逐项整改。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
]


def numbers(i: int) -> tuple[int, ...]:
    own = (i % 3, 1, 0, 0, 0, 0)
    return (*own, sum(own))


def document(right: list[str]) -> bytes:
    table = [
        f"{row.full_label} {' '.join(map(str, numbers(i)))}" for i, row in enumerate(s.TABLE3_ROWS)
    ]
    beside = [line + (GAP + right[k] if k < len(right) else "") for k, line in enumerate(table)]
    return "\n".join(
        [
            "某某局2025年政府信息公开工作年度报告",
            "一、总体情况",
            "本局依法公开。",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
            *beside,
            "四、政府信息公开行政复议、行政诉讼情况",
            "某某局",
            "2026年1月10日",
        ]
    ).encode()


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_parts_in_the_right_column_are_found_with_their_text() -> None:
    report = parse_bytes(document(RIGHT), "two-columns.txt")
    assert "SECTION_NOT_FOUND" not in codes(report)
    assert (
        report.sections["5"]
        == "一是解读形式较为单一；\n二是答复文书格式不统一。\n下一步将逐项整改。"
    )
    assert report.sections["6"] == "本年度未收取信息处理费。"
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == numbers(i), row.key


def test_a_heading_after_a_narrow_gap_is_no_part() -> None:
    """Two spaces part a label from its numbers in any table: only a wide gap parts
    two columns of a page."""
    rows = [
        Row(0, ("一、总体情况",), "一、总体情况"),
        Row(1, ("规章 0", "五、存在的主要问题及改进情况"), "规章 0  五、存在的主要问题及改进情况"),
    ]
    assert "5" not in find_headings(rows)


def test_the_left_column_keeps_its_own_text() -> None:
    rows = [
        Row(0, ("一、总体情况",), "一、总体情况"),
        Row(
            1,
            ("本局依法公开。", "五、存在的主要问题及改进情况"),
            f"本局依法公开。{GAP}五、存在的主要问题及改进情况",
        ),
        Row(2, ("本局依法答复。", "问题一。"), f"本局依法答复。{GAP}问题一。"),
    ]
    headings = find_headings(rows)
    assert headings["5"] == len(rows)
    texts = section_texts(rows, headings, set())
    assert texts["1"] == "本局依法公开。\n本局依法答复。"
    assert texts["5"] == "问题一。"
