"""A report pasted into an e-mail and hard-wrapped at a fixed width (``read_text``).

The wrapping tool cuts every line longer than its width, wherever the width falls: inside a
label, between two cells, or inside a number (``…14 4 27`` and a line ``3``). The reader
finds the width (in characters, or in display columns where a Chinese character takes
two), joins each cut line with the line that goes on with it and says so
(``HARD_WRAPPED``); a text that is not hard-wrapped keeps its lines as they are.

The report here is hand-written (larger numbers than most, so that a wrap often falls
inside one) and wrapped by the tools' rules: ``fold`` (a cut at exactly the width, nothing
dropped), ``fold -s`` (a cut after the last space that fits), ``textwrap`` and mail
programs (a cut at a space, the space dropped; a run of Chinese characters cut anywhere).
"""

from __future__ import annotations

import itertools
import re
import textwrap
import unicodedata
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.read_text import unwrap_hard_wrap
from tests.annual.parse import shapes
from tests.annual.parse.redteam import RedTeam
from tests.conftest import FIXTURES
from tests.strategies import consistent_reports

REPORT = """示范市交通运输局2024年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的政府信息公开工作年度报告格式要求编制，统计期限自2024年1月1日起至2024年12月31日止。
一、总体情况
2024年，示范市交通运输局以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，认真落实《中华人民共和国政府信息公开条例》，围绕交通运输中心工作，持续深化政务公开，不断提升公开质量和实效。全年通过门户网站主动公开政府信息1287条，办理政府信息公开申请1365件。
（一）主动公开。聚焦交通规划、重大项目、行政执法等重点领域，及时公开政策文件、项目进展和执法信息，做好政策解读和回应关切工作。
（二）依申请公开。严格落实申请登记、审核、答复等工作环节，依法依规在法定期限内答复申请人，切实保障申请人合法权益。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 2 1 19
行政规范性文件 37 12 246
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 18634
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 7215
行政强制 329
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 1283.56
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 1108 163 7 12 54 21 1365
二、上年结转政府信息公开申请数量 86 9 0 1 3 2 101
三、本年度办理结果 （一）予以公开 512 88 4 6 21 9 640
（二）部分公开（区分处理的，只计这一情形，不计其他情形） 133 17 1 2 8 3 164
（三）不予公开 1.属于国家秘密 3 0 0 0 0 0 3
2.其他法律行政法规禁止公开 5 1 0 0 0 0 6
3.危及“三安全一稳定” 2 0 0 0 0 0 2
4.保护第三方合法权益 27 6 0 0 1 1 35
5.属于三类内部事务信息 11 2 0 0 0 0 13
6.属于四类过程性信息 19 3 0 0 2 0 24
7.属于行政执法案卷 8 1 0 0 1 0 10
8.属于行政查询事项 6 0 0 0 0 1 7
（四）无法提供 1.本机关不掌握相关政府信息 214 24 1 2 9 4 254
2.没有现成信息需要另行制作 31 4 0 1 2 0 38
3.补正后申请内容仍不明确 17 2 0 0 1 1 21
（五）不予处理 1.信访举报投诉类申请 45 3 0 0 1 0 49
2.重复申请 29 1 0 0 0 1 31
3.要求提供公开出版物 4 0 0 0 0 0 4
4.无正当理由大量反复申请 12 0 0 0 0 0 12
5.要求行政机关确认或重新出具已获取信息 9 2 0 0 0 0 11
（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 23 3 1 0 2 1 30
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 2 0 0 0 0 0 2
3.其他 8 1 0 0 1 0 10
（七）总计 1120 158 7 11 49 21 1366
四、结转下年度继续办理 74 14 0 2 8 2 100
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
31 6 4 5 46 12 3 2 4 21 7 1 0 2 10
五、存在的主要问题及改进情况
一是政策解读的形式还不够丰富，图解、视频等解读方式运用较少；二是部分栏目信息更新不够及时。下一步，本局将进一步丰富解读形式，建立栏目更新提醒机制，加强业务培训，不断提升政务公开工作水平。
六、其他需要报告的事项
本年度未收取信息处理费。本机关2024年度政务公开工作要点落实情况已在门户网站专栏公布。
示范市交通运输局
2025年1月20日
"""
"""A report as a researcher pastes it into an e-mail: one table row a line, cells apart by
one space, paragraphs on one line each."""


def _column_width(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def _width_of(display: bool) -> Callable[[str], int]:
    if display:
        return lambda text: sum(_column_width(c) for c in text)
    return len


def fold(text: str, width: int, display: bool = False) -> str:
    """``fold -w``: every line cut at exactly ``width`` (a wide character that does not fit
    goes to the next line), nothing dropped."""
    return "\n".join(piece for line in text.split("\n") for piece in _folded(line, width, display))


def _folded(line: str, width: int, display: bool) -> list[str]:
    measure = _width_of(display)
    pieces: list[str] = []
    current = ""
    for character in line:
        if current and measure(current + character) > width:
            pieces.append(current)
            current = ""
        current += character
    return [*pieces, current]


def fold_at_spaces(text: str, width: int) -> str:
    """``fold -s``: a line cut after its last space that fits (kept at the line's end), or
    at ``width`` when it has none."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            space = line.rfind(" ", 0, width)
            cut = space + 1 if space >= 0 else width
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


_TOKEN_RE = re.compile(
    r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]|[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+"
)


def mail_wrap(text: str, width: int, display: bool = False) -> str:
    """A mail program's wrap: a line broken at a space (the space dropped) or between two
    Chinese characters, a number or word kept whole unless longer than ``width``."""
    measure = _width_of(display)
    out: list[str] = []
    for line in text.split("\n"):
        current = ""
        for token in _tokens(line):
            if token == " ":
                current += " " if current and measure(current + " ") <= width else ""
                continue
            if measure(current + token) > width and current.strip():
                out.append(current.rstrip())
                current = ""
            while measure(token) > width:
                head = _fitting(token, width, measure)
                out.append(token[:head])
                token = token[head:]
            current += token
        out.append(current.rstrip())
    return "\n".join(out)


def _tokens(line: str) -> list[str]:
    tokens: list[str] = []
    for word in line.split(" "):
        if tokens:
            tokens.append(" ")
        tokens.extend(_TOKEN_RE.findall(word))
    return tokens


def _fitting(token: str, width: int, measure: Callable[[str], int]) -> int:
    n = 1
    while n < len(token) and measure(token[: n + 1]) <= width:
        n += 1
    return n


def python_textwrap(text: str, width: int) -> str:
    """Python's ``textwrap``: breaks at spaces (dropped), a run without spaces longer than
    ``width`` cut at ``width``."""
    return "\n".join(line for raw in text.split("\n") for line in textwrap.wrap(raw, width) or [""])


def parse(text: str, name: str = "邮件正文.txt") -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), name)


def cells(report: AnnualReport) -> dict[str, Any]:
    data = report.to_dict()
    return {key: data[key] for key in ("table2", "table3", "table4")}


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def wrap_notes(report: AnnualReport) -> list[dict[str, Any]]:
    return [dict(d) for d in report.diagnostics or () if d["code"] == "HARD_WRAPPED"]


UNWRAPPED = parse(REPORT)


def test_the_report_reads_whole_as_written() -> None:
    assert UNWRAPPED.table3.row("received") == (1108, 163, 7, 12, 54, 21, 1365)
    assert UNWRAPPED.table3.row("handled_total") == (1120, 158, 7, 11, 49, 21, 1366)
    assert UNWRAPPED.table2.licensing == 18634
    assert UNWRAPPED.table4.group("litigation_direct").total == 21
    assert UNWRAPPED.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert "HARD_WRAPPED" not in codes(UNWRAPPED)


def _cuts(text: str, width: int, display: bool) -> set[str]:
    """Where ``fold`` cuts the lines: inside a number, inside a label (between two Chinese
    characters), or between two cells (at a space)."""
    kinds: set[str] = set()
    for line in text.split("\n"):
        pieces = _folded(line, width, display)
        for piece, after in itertools.pairwise(pieces):
            end, start = piece[-1], after[0]
            if end.isdigit() and start.isdigit():
                kinds.add("number")
            elif " " in (end, start):
                kinds.add("cells")
            elif _column_width(end) == 2 and _column_width(start) == 2:
                kinds.add("label")
    return kinds


WIDTHS = [(30, False), (35, False), (40, False), (70, True), (72, True), (76, True)]


@pytest.mark.parametrize(
    ("width", "display"), WIDTHS, ids=[f"{w}{'列' if d else '字'}" for w, d in WIDTHS]
)
def test_a_hard_wrap_at_any_usual_width_reads_as_the_unwrapped_report(
    width: int, display: bool
) -> None:
    wrapped = fold(REPORT, width, display)
    assert max(map(_width_of(display), wrapped.split("\n"))) == width
    report = parse(wrapped)
    assert cells(report) == cells(UNWRAPPED)
    assert report.confidence == UNWRAPPED.confidence
    (note,) = wrap_notes(report)
    unit = "个显示宽度" if display else "个字符"
    assert f"每行 {width} {unit}" in note["message"]


def test_the_widths_tried_cut_numbers_labels_and_rows_between_cells() -> None:
    kinds: set[str] = set()
    for width, display in WIDTHS:
        kinds |= _cuts(REPORT, width, display)
    assert kinds == {"number", "label", "cells"}


def test_a_total_cut_in_the_middle_is_read_whole_and_the_note_says_so() -> None:
    wrapped = fold(REPORT, 40)
    assert " 1108 163 7 12 54 21 136\n5\n" in wrapped
    assert " 214 24 1 2 9 4 25\n4\n" in wrapped
    report = parse(wrapped)
    assert report.table3.row("received") == (1108, 163, 7, 12, 54, 21, 1365)
    assert report.table3.row("unavailable.not_held") == (214, 24, 1, 2, 9, 4, 254)
    (note,) = wrap_notes(report)
    assert note["severity"] == "info"
    assert "处数字被折断在两行，已接为一个数" in note["message"]


def test_windows_line_ends_do_not_hide_the_wrap() -> None:
    wrapped = fold(REPORT, 35).replace("\n", "\r\n")
    report = parse(wrapped)
    assert cells(report) == cells(UNWRAPPED)
    assert "HARD_WRAPPED" in codes(report)


@pytest.mark.parametrize(
    ("name", "wrap"),
    [
        ("fold", lambda text, w: fold(text, w)),
        ("fold-columns", lambda text, w: fold(text, 2 * w, display=True)),
        ("fold-s", fold_at_spaces),
        ("mail", lambda text, w: mail_wrap(text, w)),
        ("mail-columns", lambda text, w: mail_wrap(text, 2 * w, display=True)),
        ("textwrap", python_textwrap),
    ],
)
def test_every_width_reads_the_same_numbers(name: str, wrap: Callable[[str, int], str]) -> None:
    """Whatever the tool and the width (20 to 80 characters, 40 to 160 columns), the
    wrapped report reads as the unwrapped one: never another number."""
    wrong = [
        width for width in range(20, 81) if cells(parse(wrap(REPORT, width))) != cells(UNWRAPPED)
    ]
    assert wrong == []


def _spaced(rows: shapes.Rows) -> list[str]:
    return [" ".join(cell for cell in row if cell) for row in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    consistent_reports(max_count=3000),
    st.sampled_from(["fold", "fold-columns", "fold-s", "mail", "mail-columns", "textwrap"]),
    st.integers(min_value=20, max_value=80),
)
def test_any_report_wrapped_reads_the_same_or_says_it_is_unsure(
    report: AnnualReport, tool: str, width: int
) -> None:
    """A report's text wrapped by any tool at any width reads as unwrapped, or with a note
    and less confidence: never another number silently."""
    text = shapes.report_text(report, _spaced)
    unwrapped = parse(text)
    assert cells(unwrapped) == {k: report.to_dict()[k] for k in ("table2", "table3", "table4")}
    wrapped = {
        "fold": lambda: fold(text, width),
        "fold-columns": lambda: fold(text, 2 * width, display=True),
        "fold-s": lambda: fold_at_spaces(text, width),
        "mail": lambda: mail_wrap(text, width),
        "mail-columns": lambda: mail_wrap(text, 2 * width, display=True),
        "textwrap": lambda: python_textwrap(text, width),
    }[tool]()
    read = parse(wrapped)
    if cells(read) != cells(unwrapped):
        assert read.diagnostics
        assert any(read.confidence[k] < 1.0 for k in read.confidence)


# --------------------------------------------------------------- texts not hard-wrapped


def test_a_report_whose_lines_are_paragraphs_and_rows_is_never_joined() -> None:
    assert unwrap_hard_wrap(REPORT) is None


def test_rows_that_continue_on_the_next_line_without_a_common_width_are_not_joined() -> None:
    """A report whose long rows end on the next line, but whose lines stop at no one width
    (typed so, or wrapped by hand), is left as it is: the table reader joins those rows."""
    text = REPORT.replace("23 3 1 0 2 1 30", "23 3 1\n0 2 1 30").replace(
        "133 17 1 2 8 3 164", "133 17 1 2\n8 3 164"
    )
    short = "\n".join(line[:60] if len(line) > 120 else line for line in text.split("\n"))
    assert unwrap_hard_wrap(short) is None
    report = parse(short)
    assert "HARD_WRAPPED" not in codes(report)
    assert report.table3.row("other.no_correction") == (23, 3, 1, 0, 2, 1, 30)


def test_lines_of_one_width_that_are_table_rows_between_pipes_are_not_joined() -> None:
    """A Markdown table padded to one width: its rows all stop at the same column, and
    are whole rows, never a row cut in two."""
    rows = [f"| 第{i}行 | {i} | {i * 7 % 10} |" for i in range(1, 10)]
    text = "\n".join(["标题", *rows, "说明文字。"] * 2)
    assert unwrap_hard_wrap(text) is None


def test_a_line_with_a_label_of_its_own_is_not_joined_to_the_line_cut_before_it() -> None:
    wrapped = fold(REPORT, 35)
    unwrapped = unwrap_hard_wrap(wrapped)
    assert unwrapped is not None
    lines = [line for line in unwrapped.text.split("\n") if line]
    assert "二、上年结转政府信息公开申请数量 86 9 0 1 3 2 101" in lines
    assert "申请人情况" in lines
    assert "三、收到和处理政府信息公开申请情况" in lines


def test_joined_lines_keep_the_line_numbers_of_the_file() -> None:
    wrapped = fold(REPORT, 35)
    unwrapped = unwrap_hard_wrap(wrapped)
    assert unwrapped is not None
    before, after = wrapped.split("\n"), unwrapped.text.split("\n")
    assert len(after) == len(before)
    number = next(i for i, line in enumerate(after) if line.startswith("一、本年新收"))
    assert before[number].startswith("一、本年新收")
    assert after[number + 1] == ""


# ------------------------------------------------------------------- the red team's mail

TEAM = RedTeam(FIXTURES / "redteam7")


def test_the_red_teams_mail_wrapped_at_35_characters_reads_its_cut_totals_whole() -> None:
    report = TEAM.read("email-body-hard-wrapped-at-35-characters-digit-runs-cut-across-lines")
    assert report.table3.row("received") == (208, 46, 0, 1, 14, 4, 273)
    assert report.table3.row("granted") == (114, 26, 0, 1, 12, 3, 156)
    assert report.table3.row("unavailable.not_held") == (42, 12, 0, 0, 1, 1, 56)
    (note,) = wrap_notes(report)
    assert "每行 35 个字符" in note["message"]
    assert "其中 2 处数字被折断在两行" in note["message"]


def test_the_red_teams_mail_wrapped_at_spaces_stays_whole() -> None:
    name = "email-wrapped-at-spaces-72-columns-last-cells-of-long-rows-on-the-next-line"
    TEAM.assert_reads_whole(name)


def test_the_only_row_cut_is_joined_when_its_total_then_adds_up() -> None:
    """A short report whose one long row is the only line the wrap cuts, inside its 总计
    (``… 2 1 3`` and a line ``0``): too few lines to know the text hard-wrapped, but the
    row adds up only with the digits joined."""
    row = "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 23 3 1 0 2 1 30"
    short = "\n".join(line for line in REPORT.split("\n") if len(line) < 50 or line == row)
    wrapped = fold(short, len(row) - 1)
    assert "23 3 1 0 2 1 3\n0\n" in wrapped
    assert sum(len(line) == len(row) - 1 for line in wrapped.split("\n")) == 1
    report = parse(wrapped)
    assert report.table3.row("other.no_correction") == (23, 3, 1, 0, 2, 1, 30)
    assert "HARD_WRAPPED" in codes(report)


def test_two_rows_cut_alike_are_both_joined() -> None:
    """Two rows of one length, the only lines the wrap cuts, each inside its 总计: both are
    joined (joining only the first left the second's 总计 210 read as 21, with no doubt)."""
    first = "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 10 10 20"
    second = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 10 100 100 0 0 0 210"
    assert len(first) == len(second)
    text = "\n".join(["标题", "说明", first, "其他文字", second, "结尾", *["其他文字"] * 8])
    wrap = unwrap_hard_wrap(fold(text, len(first) - 1))
    assert wrap is not None and (wrap.joined, wrap.numbers) == (2, 2)
    lines = wrap.text.split("\n")
    assert first in lines and second in lines


def test_a_row_that_adds_up_is_not_joined_with_the_digits_after_it() -> None:
    """The widest line a whole row (it adds up), the next a bare run of digits of its own
    (table 四's numbers after a header cut short): nothing is joined."""
    row = "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 23 3 1 0 2 1 30"
    text = "\n".join(["标题", "说明", row, "31 6 4 5 46", "结尾", *["其他文字"] * 8])
    assert unwrap_hard_wrap(text) is None


def test_lines_that_are_whole_markdown_images_are_never_cut() -> None:
    """Image links as long as the text's longest lines (a report whose tables were printed
    as images, then a text version): a line that is one whole link was not cut by a wrap,
    so the text is not taken for hard-wrapped and nothing is joined to a link."""
    link = "![](https://www.example.gov.cn/upload/2026/01/{}.png)"
    lines = [link.format(f"a3f9e1c{i}") for i in range(5)]
    text = "\n".join(
        ["标题", *(f"{line}\n（图片）\n上表文字版如下：" for line in lines), *["其他文字"] * 8]
    )
    assert unwrap_hard_wrap(text) is None
    wrapped = fold(REPORT, 40)
    assert unwrap_hard_wrap(wrapped) is not None  # (a wrapped report is still found)
