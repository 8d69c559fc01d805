"""Table 四 in shapes reports print besides the form's (``recognize._read_table4``,
``table4_cells``, ``placeholders``): turned on its side under a header with a corner
cell, a 16th 合计 column, a value row saying no case happened, 无 cells under a sentence
saying so, a 合计 row under the three groups. Each test builds a small report and
asserts the cells and the note a user would see; the form's own table 四 still reads as
before."""

from __future__ import annotations

from typing import Any

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

TITLE4 = "四、政府信息公开行政复议、行政诉讼情况"
WARNED = {
    "ROW_NOT_FOUND",
    "ROW_INFERRED",
    "ROW_TOO_FEW",
    "ROW_TOO_MANY",
    "VALUES_UNASSIGNED",
    "ROW_DUPLICATE",
    "INTERNAL_ERROR",
    "AMBIGUOUS_RUN",
    "UNDECODED_RUN",
}

RECONSIDERATION = {"upheld": 2, "corrected": 0, "other": 1, "pending": 1, "total": 4}
DIRECT = {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2}
AFTER = {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
EXPECTED = {
    "reconsideration": RECONSIDERATION,
    "litigation_direct": DIRECT,
    "litigation_after_reconsideration": AFTER,
}
ZEROS = {
    group: dict.fromkeys(("upheld", "corrected", "other", "pending", "total"), 0)
    for group in EXPECTED
}
NULLS = {
    group: dict.fromkeys(("upheld", "corrected", "other", "pending", "total")) for group in EXPECTED
}


def _html(part4: str, before: str = "") -> str:
    return f"""<html><head><meta charset="utf-8"><title>某某局2025年政府信息公开工作年度报告</title>
</head><body>
<h1>某某局2025年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>本年度政府信息公开工作平稳推进。</p>
{before}
<p>{TITLE4}</p>
{part4}
<p>五、存在的主要问题及改进情况</p><p>解读形式仍需丰富。</p>
<p>六、其他需要报告的事项</p><p>无其他需要报告的事项。</p>
</body></html>"""


def _report_html(part4: str, before: str = "") -> AnnualReport:
    return parse_bytes(_html(part4, before).encode("utf-8"), "样本.html")


def _text(part4: str) -> str:
    return (
        "某某局2025年政府信息公开工作年度报告\n一、总体情况\n本年度政府信息公开工作平稳推进。\n"
        f"{TITLE4}\n{part4}\n五、存在的主要问题及改进情况\n解读形式仍需丰富。\n"
        "六、其他需要报告的事项\n无其他需要报告的事项。\n"
    )


def _report_text(part4: str) -> AnnualReport:
    return parse_bytes(_text(part4).encode("utf-8"), "样本.txt")


def _table4(report: AnnualReport) -> dict[str, Any]:
    table: dict[str, Any] = report.to_dict()["table4"]
    return table


def _notes(report: AnnualReport, code: str) -> list[dict[str, Any]]:
    return [dict(d) for d in report.diagnostics or () if d["code"] == code]


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


def _grid(*rows: str) -> str:
    return '<table border="1">' + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _cells(*texts: object) -> str:
    return "".join(f"<td>{t}</td>" for t in texts)


NATIONAL_HEADER = (
    '<td colspan="5">行政复议</td><td colspan="10">行政诉讼</td>',
    (
        '<td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
        '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td>'
        '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td>'
    ),
    _cells(*(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)),
)
NATIONAL_VALUES = (*RECONSIDERATION.values(), *DIRECT.values(), *AFTER.values())


def test_the_forms_own_table_four_still_reads_as_before() -> None:
    report = _report_html(_grid(*NATIONAL_HEADER, _cells(*NATIONAL_VALUES)))
    assert _table4(report) == EXPECTED
    assert report.confidence is not None and report.confidence["table4"] == 1.0
    assert not _codes(report) & (WARNED | {"TABLE4_ONE_CELL_A_ROW", "TABLE4_HEADINGS_CONFLICT"})


# ----------------------------------------------------------------- turned on its side

TURNED_LINES = (
    _cells("结果维持", 2, 1, 0),
    _cells("结果纠正", 0, 1, 0),
    _cells("其他结果", 1, 0, 0),
    _cells("尚未审结", 1, 0, 1),
    _cells("总计", 4, 2, 1),
)


def test_a_table_turned_under_a_corner_cell_naming_the_results_is_read_by_columns() -> None:
    report = _report_html(
        _grid(
            '<td rowspan="2">结果</td><td rowspan="2">行政复议</td><td colspan="2">行政诉讼</td>',
            _cells("未经复议直接起诉", "复议后起诉"),
            *TURNED_LINES,
        )
    )
    assert _table4(report) == EXPECTED
    said = _notes(report, "TABLE4_ONE_CELL_A_ROW")
    assert len(said) == 1 and "转置" in said[0]["message"]
    assert not _codes(report) & WARNED


def test_a_corner_cell_of_two_words_and_the_groups_in_another_order() -> None:
    report = _report_html(
        _grid(
            _cells("审理结果", "复议后起诉", "未经复议直接起诉", "行政复议"),
            _cells("结果维持", 0, 1, 2),
            _cells("结果纠正", 0, 1, 0),
            _cells("其他结果", 0, 0, 1),
            _cells("尚未审结", 1, 0, 1),
            _cells("总计", 1, 2, 4),
        )
    )
    assert _table4(report) == EXPECTED
    assert not _codes(report) & WARNED


def test_a_turned_text_table_with_a_corner_word_is_read_by_columns() -> None:
    report = _report_text(
        "结果 行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n"
        "结果维持 2 1 0\n结果纠正 0 1 0\n其他结果 1 0 0\n尚未审结 1 0 1\n总计 4 2 1"
    )
    assert _table4(report) == EXPECTED
    assert "TABLE4_ONE_CELL_A_ROW" in _codes(report)
    assert not _codes(report) & WARNED


def test_lines_named_by_columns_without_a_header_naming_the_groups_are_not_read_silently() -> None:
    report = _report_text(
        "（单位：件）\n结果维持 2 1 0\n结果纠正 0 1 0\n其他结果 1 0 0\n尚未审结 1 0 1\n总计 4 2 1"
    )
    warned = _notes(report, "TABLE4_HEADINGS_CONFLICT")
    assert len(warned) == 1
    assert warned[0]["severity"] == "warning"
    assert "横过来印" in warned[0]["message"]


# ------------------------------------------------------------- a sixteenth column

FIFTEEN_HEADINGS = _cells(*(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3))


def _sixteen(corner: str, last: object) -> str:
    spanned = f'<td rowspan="3">{corner}</td>' if corner else "<td rowspan='3'></td>"
    return _grid(
        f'<td colspan="5" rowspan="2">行政复议</td><td colspan="10">行政诉讼</td>{spanned}',
        _cells("未经复议直接起诉", "复议后起诉").replace("<td>", '<td colspan="5">'),
        FIFTEEN_HEADINGS,
        _cells(*NATIONAL_VALUES, last),
    )


def test_a_sixteenth_number_under_a_heading_of_all_cases_is_set_apart() -> None:
    report = _report_html(_sixteen("案件合计", 7))
    assert _table4(report) == EXPECTED
    said = _notes(report, "SUBTOTAL_IGNORED")
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert "“7”" in said[0]["message"] and "案件合计" in said[0]["message"]
    assert not _codes(report) & WARNED


def test_a_sixteenth_number_equal_to_the_three_totals_added_is_set_apart() -> None:
    report = _report_html(_sixteen("", 7))
    assert _table4(report) == EXPECTED
    said = _notes(report, "SUBTOTAL_IGNORED")
    assert len(said) == 1 and "三组“总计”之和" in said[0]["message"]


def test_a_sixteenth_number_nothing_explains_leaves_the_table_unread() -> None:
    report = _report_html(_sixteen("", 9))
    assert _table4(report) == NULLS
    assert not _notes(report, "SUBTOTAL_IGNORED")


# ---------------------------------------------------- a value row saying no case happened


def _said_row(words: str) -> str:
    return _grid(*NATIONAL_HEADER, f'<td colspan="15">{words}</td>')


def test_a_value_row_of_one_cell_saying_no_case_happened_is_fifteen_zeros() -> None:
    report = _report_html(_said_row("本年度未发生政府信息公开行政复议、行政诉讼案件"))
    assert _table4(report) == ZEROS
    said = _notes(report, "PLACEHOLDER_AS_ZERO")
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert "本年度未发生政府信息公开行政复议、行政诉讼案件" in said[0]["message"]
    assert not _codes(report) & WARNED


def test_a_value_row_saying_only_no_reconsideration_leaves_litigation_null() -> None:
    report = _report_html(_said_row("本年度无行政复议案件"))
    table = _table4(report)
    assert table["reconsideration"] == ZEROS["reconsideration"]
    assert table["litigation_direct"] == NULLS["litigation_direct"]
    assert table["litigation_after_reconsideration"] == NULLS["litigation_after_reconsideration"]
    assert "ROW_NOT_FOUND" in _codes(report)


def test_a_value_row_of_other_words_is_no_zero() -> None:
    report = _report_html(_said_row("详见附件"))
    assert _table4(report) == NULLS
    assert not _notes(report, "PLACEHOLDER_AS_ZERO")


def test_a_blank_value_row_under_a_sentence_saying_no_case_stays_blank() -> None:
    sentence = "<p>本年度未发生政府信息公开行政复议、行政诉讼案件。</p>"
    report = _report_html(sentence + _grid(*NATIONAL_HEADER, _cells(*([""] * 15))))
    assert _table4(report) == NULLS
    assert not _notes(report, "PLACEHOLDER_AS_ZERO")


# ----------------------------------------------- 无 cells under a sentence saying no case

NO_CASE = "<p>本年度未发生因政府信息公开引起的行政复议、行政诉讼。</p>"


def _part4_with(sentence: str, value_row: str) -> str:
    return sentence + _grid(*NATIONAL_HEADER, value_row)


def test_wu_cells_under_a_sentence_saying_no_case_happened_are_zeros() -> None:
    report = _report_html(_part4_with(NO_CASE, _cells(*(["无"] * 15))))
    assert _table4(report) == ZEROS
    said = _notes(report, "PLACEHOLDER_AS_ZERO")
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert "未发生因政府信息公开引起的行政复议、行政诉讼" in said[0]["message"]
    assert not _codes(report) & WARNED


def test_dashes_and_zeros_under_the_sentence_are_zeros() -> None:
    report = _report_html(_part4_with(NO_CASE, _cells(*(["-", "0", "/"] * 5))))
    assert _table4(report) == ZEROS


def test_wu_cells_without_the_sentence_stay_null() -> None:
    report = _report_html(_part4_with("<p>本机关依法应对。</p>", _cells(*(["无"] * 15))))
    assert _table4(report) == NULLS
    assert not _notes(report, "PLACEHOLDER_AS_ZERO")


def test_wu_cells_beside_a_number_stay_null() -> None:
    report = _report_html(_part4_with(NO_CASE, _cells(*(["无"] * 14), 1)))
    assert _table4(report)["reconsideration"] == NULLS["reconsideration"]
    assert not _notes(report, "PLACEHOLDER_AS_ZERO")


def test_a_sentence_on_pending_cases_is_no_sentence_saying_none_happened() -> None:
    pending = "<p>尚未审结的行政诉讼案件由法院审理。</p>"
    report = _report_html(_part4_with(pending, _cells(*(["无"] * 15))))
    assert _table4(report) == NULLS


def test_table_two_wu_stays_null_under_the_sentence() -> None:
    table2 = "<p>二、主动公开政府信息情况</p>" + _grid(
        _cells("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        _cells("规章", "无", "无", "无"),
        _cells("行政规范性文件", 1, 0, 5),
    )
    report = _report_html(_part4_with(NO_CASE, _cells(*(["无"] * 15))), before=table2)
    assert _table4(report) == ZEROS
    assert report.to_dict()["table2"]["regulations"] == {
        "made": None,
        "repealed": None,
        "in_force": None,
    }


# ------------------------------------------------ a 合计 row under the three groups

GROUP_ROWS = (
    '<td colspan="2">类别</td>' + _cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
    '<td colspan="2">行政复议</td>' + _cells(*RECONSIDERATION.values()),
    '<td rowspan="2">行政诉讼</td>' + _cells("未经复议直接起诉", *DIRECT.values()),
    _cells("复议后起诉", *AFTER.values()),
)


def test_a_total_row_equal_to_the_groups_sums_is_set_apart_with_an_info_note() -> None:
    report = _report_html(_grid(*GROUP_ROWS, '<td colspan="2">合计</td>' + _cells(3, 1, 1, 2, 7)))
    assert _table4(report) == EXPECTED
    said = _notes(report, "SUBTOTAL_IGNORED")
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert "核对相符" in said[0]["message"]
    assert not _codes(report) & WARNED


def test_a_total_row_that_does_not_add_up_is_a_warning_and_the_groups_stay_as_printed() -> None:
    report = _report_html(_grid(*GROUP_ROWS, '<td colspan="2">合计</td>' + _cells(3, 1, 1, 2, 9)))
    assert _table4(report) == EXPECTED
    said = _notes(report, "SUBTOTAL_IGNORED")
    assert len(said) == 1 and said[0]["severity"] == "warning"
    assert "不等于三组各列之和" in said[0]["message"] and "3 1 1 2 7" in said[0]["message"]


def test_the_three_group_rows_alone_read_as_before() -> None:
    report = _report_html(_grid(*GROUP_ROWS))
    assert _table4(report) == EXPECTED
    assert not _notes(report, "SUBTOTAL_IGNORED")
    assert not _codes(report) & WARNED
