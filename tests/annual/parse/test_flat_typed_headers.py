"""Crawled table 四's header words and table 三's first rows typed otherwise (red team):
spaces inside words, a character or two typed in, after a word or missing, 其它 for 其他,
traditional characters, words in another order. Each is read as the form's word, as the
rows of tables 二 and 三 already are (``LOOSE_EXTRA``); a word as printed is always looked
for first."""

from __future__ import annotations

import pytest

from gongkai.annual.model import AppealCounts, Table4
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text

from .shapes import _s2t
from .test_flat_red_team import _table3, _values

TITLE = "四、政府信息公开行政复议、行政诉讼情况"
COLUMNS = "结果维持结果纠正其他结果尚未审结总计"
NATIONAL = f"行政复议行政诉讼{COLUMNS}未经复议直接起诉复议后起诉{COLUMNS}{COLUMNS}"
RUN = "100012000203003"
"""行政复议 1,0,0,0,1; 未经复议直接起诉 2,0,0,0,2; 复议后起诉 0,3,0,0,3."""
EXPECTED = Table4(
    AppealCounts(1, 0, 0, 0, 1), AppealCounts(2, 0, 0, 0, 2), AppealCounts(0, 3, 0, 0, 3)
)
END = "五、存在的主要问题及改进情况无。"


def _read(header: str, run: str = RUN, before: str = "") -> tuple[Table4 | None, list[str]]:
    text = _table3(_values()) + before + TITLE + header + run + END
    flat = read_flat(normalize_text(text))
    return flat.table4, [str(n["code"]) for n in flat.diagnostics]


@pytest.mark.parametrize(
    "header",
    [
        NATIONAL.replace("行政复议行政诉讼结果维持", "行政复议 行政诉讼 结果 维持"),
        NATIONAL.replace("其他结果", "其它结果"),
        NATIONAL.replace("结果维持", "结果予以维持", 1),  # two characters typed in
        NATIONAL.replace("结果纠正", "结果纠", 1),  # one missing
        NATIONAL.replace("尚未审结", "尚未审结案件"),  # typed after the word
        NATIONAL.replace("复议后起诉", "经复议后起诉"),  # typed before the next word
        NATIONAL.replace("行政复议行政诉讼", "行政复议案件行政诉讼案件"),
        NATIONAL.replace("未经复议直接起诉", "未经复议直接向法院起诉"),
    ],
)
def test_table_four_header_words_typed_otherwise_are_the_forms(header: str) -> None:
    table4, codes = _read(header)
    assert table4 == EXPECTED
    assert not {"TABLE4_REORDERED", "TABLE4_HEADINGS_CONFLICT", "UNDECODED_RUN"} & set(codes)


def test_typed_header_words_still_say_the_order_the_table_prints() -> None:
    """行政诉讼 first and 总计 before the columns, with words typed otherwise: each number
    goes to the group and column the header prints it under."""
    columns = "总计结果予以维持结果纠正其它结果尚未审结案件"
    header = f"行政诉讼行政复议{columns}未经复议直接起诉复议后起诉{columns}{columns}"
    # printed order: 直接起诉 (total first) 2,2,0,0,0; 复议后起诉 3,0,3,0,0; 行政复议 1,1,0,0,0
    table4, codes = _read(header, "220003030011000")
    assert table4 == EXPECTED
    assert "TABLE4_REORDERED" in codes and "TABLE4_HEADINGS_CONFLICT" not in codes


def test_the_parts_title_is_not_the_tables_header() -> None:
    """The title ``…行政复议、行政诉讼情况`` runs into the header (``情况行政诉讼…``): its
    words are not the header's, so the groups' order is the header's, said once, with no
    conflict between the title's 行政复议 and the header's."""
    header = f"行政诉讼行政复议{COLUMNS}未经复议直接起诉复议后起诉{COLUMNS}{COLUMNS}"
    # printed order: 直接起诉, 复议后起诉, 行政复议
    table4, codes = _read(header, "200020300310001")
    assert table4 == EXPECTED
    assert codes.count("TABLE4_REORDERED") == 1 and "TABLE4_HEADINGS_CONFLICT" not in codes


def test_a_traditional_page_is_read_as_simplified() -> None:
    """The reader converts a page in traditional characters before reading it
    (``normalize_text``): its header words (結果維持, 尚未審結, 複議後起訴) are the form's."""
    text = _s2t().convert(_table3(_values()) + TITLE + NATIONAL + RUN + END)
    assert "結果維持" in text and "複議後起訴" in text
    flat = read_flat(normalize_text(text))
    assert flat.table4 == EXPECTED


def test_narrative_naming_the_groups_before_the_table_is_not_the_table() -> None:
    before = "本年度发生行政复议案件1件，行政诉讼案件2件。"
    table4, _ = _read(NATIONAL.replace("尚未审结", "尚未审结案件"), before=before)
    assert table4 == EXPECTED


@pytest.mark.parametrize(
    ("printed", "form"),
    [
        ("本年度新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ("本年新收到的政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ("上年度结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量"),
    ],
)
def test_table_three_begins_at_its_first_row_typed_otherwise_not_in_the_narrative(
    printed: str, form: str
) -> None:
    """The narrative before the table says 本年新收政府信息公开申请36件 as the form words it;
    the table's own first rows are typed otherwise: the table begins at them."""
    narrative = "三、收到和处理政府信息公开申请情况本年新收政府信息公开申请36件，上年结转0件。"
    rows = _values()
    text = narrative + _table3(rows).replace(form, form[:2] + printed)
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == rows
    assert not [n for n in flat.diagnostics if n["code"] in ("ROW_NOT_FOUND", "UNDECODED_RUN")]


@pytest.mark.parametrize(
    "title",
    [
        "四、政府信息公开行政复议和行政诉讼情况",
        "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "四、行政复议、行政诉讼情况",
    ],
)
def test_the_parts_title_worded_otherwise_is_not_the_header(title: str) -> None:
    """The title names 行政复议 and 行政诉讼 (joined by 和, or words between them) and runs
    into a header printing 行政诉讼 first: the header's order is read, with no conflict."""
    header = f"行政诉讼行政复议{COLUMNS}未经复议直接起诉复议后起诉{COLUMNS}{COLUMNS}"
    text = _table3(_values()) + title + header + "200020300310001" + END
    flat = read_flat(normalize_text(text))
    assert flat.table4 == EXPECTED
    codes = [str(n["code"]) for n in flat.diagnostics]
    assert codes.count("TABLE4_REORDERED") == 1 and "TABLE4_HEADINGS_CONFLICT" not in codes


@pytest.mark.parametrize(
    "header",
    [
        NATIONAL.replace("尚未审结", "尚在审理"),
        NATIONAL.replace("总计", "总数"),
        NATIONAL.replace("总计", "合计").replace("尚未审结", "尚在审理"),
        "行政复议行政诉讼结果维持结果纠正其他结果尚在审理总数"
        "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚在审理总数"
        "结果维持结果纠正其他结果尚在审理总数",
    ],
)
def test_pending_printed_as_under_trial_and_total_as_sum_are_the_forms(header: str) -> None:
    """``尚在审理`` for 尚未审结, ``总数`` or ``合计`` for 总计: the same columns (尚在审理 left
    table 四 unread)."""
    table4, codes = _read(header)
    assert table4 == EXPECTED
    assert "UNDECODED_RUN" not in codes
