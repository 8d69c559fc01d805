"""Part titles printed without their numbers (a CMS's bold lines ``总体情况``,
``主动公开政府信息情况``…): taken for the parts when at least four come in the form's
order, never a lone line that happens to say a part's title."""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.builders import report_text
from tests.strategies import blank_report

TITLES = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def _text(*, keep: int = 0) -> str:
    """A whole report whose part titles lose their numbers, but the first ``keep``."""
    report = blank_report(2025, "样例县水利局")
    for key, _ in report.cells():
        report = report.with_cell(key, 0)
    text = report_text(report)
    for numbered in TITLES[keep:]:
        assert numbered in text
        text = text.replace(numbered, numbered.split("、", 1)[1])
    return text


def parse_text(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "年报.txt")


def _codes(text: str) -> list[str]:
    return [str(d["code"]) for d in parse_text(text).diagnostics or ()]


def test_part_titles_without_numbers_are_the_parts() -> None:
    numbered = parse_text(_text(keep=6))
    bare = parse_text(_text())
    assert "SECTION_NOT_FOUND" not in _codes(_text())
    assert bare.sections == numbered.sections
    assert bare.table3 == numbered.table3


def test_some_titles_numbered_the_rest_bare() -> None:
    assert "SECTION_NOT_FOUND" not in _codes(_text(keep=2))


def test_a_lone_line_saying_a_parts_title_is_not_taken_for_the_parts() -> None:
    text = _text(keep=6).replace("一、总体情况", "一、总体情况\n总体情况", 1)
    # a line 总体情况 alone, all six parts numbered: it stays the text's
    plain = parse_text(_text(keep=6)).sections
    assert parse_text(text).sections == {**plain, "1": "总体情况\n" + plain["1"]}
    few = _text()
    for bare in (
        "存在的主要问题及改进情况",
        "其他需要报告的事项",
        "收到和处理政府信息公开申请情况",
    ):
        few = few.replace(f"\n{bare}\n", f"\n本节：{bare}\n", 1)
    assert _codes(few).count("SECTION_NOT_FOUND") >= 3  # three bare titles are too few
