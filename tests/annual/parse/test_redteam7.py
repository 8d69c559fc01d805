"""A seventh red team's hand-made fixtures (``tests/fixtures/redteam7``): reports as they reach
a researcher by other ways than a web page or a PDF: pasted into an e-mail (hard-wrapped at a
fixed width, or forwarded with every line quoted), copied from a WeChat article, read by
Tesseract (spaces between characters) or another OCR (〇 for 0, table rules read as l and I),
copied from Excel (cells with line breaks quoted), converted by docling, Jina Reader or a
notebook (box-drawing tables), written out cell by cell for screen readers, kept as a
crawler's JSON record, and HTML made by pdf2htmlEX, pasted into a CMS as one table row or as
``<pre>`` text, or holding two years' reports in tab panes (or a crawled page with last year's
report after this year's), and table 三 headers in other words (dotted, short names, 合计
first, no 总计 column).

Here are the notes each fixture must (or must not) give, and the pending list (how the
fixtures are kept and compared: ``tests/annual/parse/redteam.py``).
"""

from __future__ import annotations

import pytest

from tests.annual.parse.redteam import BAD_CODES, WARNED_ROWS, RedTeam, codes, pending_params
from tests.annual.parse.test_fixture_reports import differences
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam7")


PENDING: dict[str, str] = {
    "email-body-hard-wrapped-at-35-characters-digit-runs-cut-across-lines": (
        "The report pasted into an e-mail body hard-wrapped every 35 characters: two table 三 "
        "rows are cut inside their 总计 (“…申请数量 208 46 0 1 14 4 27” then a line “3”; "
        "“（一）予以公开 114 26 0 1 12 3 1” then “56”). Both rows are read with the cut total "
        "(27 for 273, 1 for 156), silently: no note, confidence 1.0; the continuation lines "
        "are dropped. Rule (read_text.py / normalize.py, before tables are read): a text whose "
        "long lines all stop at one width (here 35 characters) is hard-wrapped; join a line "
        "that is cut at that width with the next when the next has no label of its own (and "
        "a digit run cut at the width with the digits that go on after it), as labels "
        "wrapped inside a column are joined today; at least (tables_text.py), a row whose "
        "total is not the sum of its six cells while the next line is a bare digit run must "
        "not be read whole."
    ),
    "wechat-article-copy-emoji-before-part-titles-image-captions-follow-and-like-buttons": (
        "A WeChat article copied as text: every part title starts with an emoji (“🌿 一、总体"
        "情况”, “📌 二、主动公开政府信息情况”, “💡 五、…”). The tables are read right, but all "
        "six parts are SECTION_NOT_FOUND. Rule (sections.py, or normalize.py for every line): "
        "leading pictographs and decoration (Unicode symbols of category So, variation "
        "selectors U+FE0F, ▲●■◆ and the like) before a part title do not stop it being the "
        "title; the 关注/阅读原文/点赞/在看 furniture after the signature is already ignored."
    ),
    "ocr-text-zero-read-as-ling-circle-in-every-number-cell-ten-as-one-ling": (
        "OCR text where every 0 in the table cells is the character 〇 (a cell “〇”, and "
        "inside numbers: “1〇”, “2〇6”, “4〇”). 行政许可 2〇6 is read as 2 and 行政处罚 4〇 as 4 "
        "(silently), the other table 二 rows are blank, all 25 table 三 rows are "
        "UNDECODED_RUN and table 四 is blank. Rule (cells.py / digit_runs.py, beside "
        "LETTER_O_AS_ZERO): in a number cell or a digit run of a table row, 〇 standing alone "
        "or between, before or after ASCII digits is the digit 0 (as 零 is already read in "
        "a cell), said once per report with the note LETTER_O_AS_ZERO already gives for O."
    ),
    "excel-copy-tab-separated-cells-with-line-breaks-quoted-quotes-doubled": (
        "Tables copied from Excel as tab-separated text: cells holding a line break are "
        "quoted and run over several lines (the 勾稽关系 note, “（二）部分公开\\n（区分……）”, "
        "the （六） labels, “结果\\n维持”), two table 三 cells are empty between tabs "
        "(1.属于国家秘密 × 科研机构, 3.要求提供公开出版物 × 法律服务机构) and the fee is “/”. "
        "The quoted lines break the tab-table reading, so the rows are read as flat digit "
        "runs and the two rows with an empty cell are UNDECODED_RUN (all seven cells null) "
        "instead of one null cell each. Rule (read_text.py / tables_text.py): read "
        "tab-separated text as Excel writes it: a cell that starts with a quote runs to its "
        "closing quote across lines, a doubled quote is one quote; each record is then one "
        "table row and an empty cell between tabs is a certain blank (CELL_BLANK), as "
        "redteam5's tab-separated-copy-from-spreadsheet-blank-cells-empty-between-tabs reads."
    ),
    "box-drawing-tables-tabulate-simple-outline-label-columns-padded-to-widest-label": (
        "The three tables printed with box-drawing characters (tabulate's simple_outline "
        "from a notebook: ┌─┬─┐ rules, cells between │). The │ are not read as cell "
        "separators: the numbers are taken for row numbers (ROW_NUMBERS_IGNORED on 126 "
        "lines), every table 三 row is ROW_TOO_FEW, （六）3.其他 ROW_NOT_FOUND, table 二's "
        "document rows are blank (and ROW_NOT_PRINTED said for 规章, which is printed) and "
        "table 四 is blank. Rule (tables_text.py, or normalize.py mapping the characters): "
        "a line that starts and ends with │ (or ┃ ║) is a table row whose cells the │ "
        "separate, like a Markdown row between pipes; lines made only of ─━═ and the "
        "corner and junction characters ┌┬┐├┼┤└┴┘ are rules, like Markdown's alignment row."
    ),
    "screen-reader-text-version-every-cell-named-by-its-column-label-colon-number": (
        "A 文字版 for screen readers writes every table row as a sentence naming each cell "
        "by its column: “一、本年新收政府信息公开申请数量：自然人31，商业企业6，…，总计39。”, "
        "“规章：本年制发件数0，本年废止件数0，现行有效件数0。”, “行政复议：结果维持2，…，总计4。”. "
        "Table 二 is TABLE_NOT_FOUND, every table 三 row UNDECODED_RUN (the column names "
        "between the numbers cut the runs), table 四's litigation groups blank "
        "(reconsideration read by position). Rule (flat_tables.py): after a row's label, "
        "pairs of a column name of the form (table 三's seven applicant columns, table 四's "
        "five result columns with the group named in the label, table 二's 本年制发件数…) "
        "and a number give each number its column by its name, in any order."
    ),
    "crawler-json-record-content-field-newlines-escaped-one-line": (
        "A crawler's record saved as the file: one JSON object whose “content” field holds "
        "the report with its line breaks escaped as \\n (organ and year in its “title” "
        "field). Tables 二 and 三 happen to be read, table 四 is TABLE_NOT_FOUND. Rule "
        "(read_text.py / files.py): a text file that is one JSON object (or JSON lines) "
        "with a long string field (content, text, body, 正文) is decoded and that field "
        "read as the document, its title field as the page title and its source field as "
        "the publisher (like a crawled page's header)."
    ),
    "docling-markdown-dotted-headers-total-column-first-qita-before-falv-fuwu": (
        "docling's Markdown (table 三 with one header row, the header levels joined by "
        "dots: “申请人情况.总计”, “申请人情况.自然人”, “申请人情况.法人或其他组织.商业企业” …) "
        "printing 总计 first and 其他 before 法律服务机构. The header is not read as "
        "table 三's header, so the columns are read by the national form's position: "
        "every row is wrong (received [48, 39, 3, 0, 1, 4, 1] for [39, 3, 0, 1, 1, 4, 48]), "
        "silently: no COLUMNS_REORDERED, confidence 1.0, only the checker's identities "
        "would catch it. The same document in the national order "
        "(docling-markdown-header-levels-joined-with-dots-merged-cells-repeated) reads "
        "whole. Rule (tables.py / labels.py, table 三 header): a header cell made of "
        "header words joined by “.” (or “/”, “_”, as pandas and docling flatten "
        "multi-level headers) names the column by its last word; with those names read "
        "the columns by the header (COLUMNS_REORDERED), as two-row headers are today."
    ),
    "md-table3-header-short-column-names-heji-first-one-header-row": (
        "Markdown table 三 whose one header row names the columns in short forms and "
        "another order: 合计, 自然人, 企业, 科研机构, 公益组织, 法律服务机构, 其他. The "
        "header is not matched (企业, 公益组织 are not taken for 商业企业, 社会公益组织), "
        "so the columns are read by position: every row wrong (received [24, 13, 9, 1, 0, "
        "0, 1] for [13, 9, 1, 0, 0, 1, 24]), silently, confidence 1.0. With 商业企业 and "
        "社会公益组织 spelled out the same table reads whole (COLUMNS_REORDERED). Rule "
        "(labels.py / tables.py, table 三 header): match the applicant columns by their "
        "short forms too (企业, 科研, 公益组织, 法律服务, 合计); and a header that names "
        "总计 or 合计 anywhere but last is never read by position: when its other names "
        "are not all matched, leave table 三 blank and say so."
    ),
    "md-table3-printed-without-its-total-column-six-applicant-columns-only": (
        "Markdown table 三 printed without its 总计 column: the header names 自然人 and "
        "the five 法人或其他组织 columns only, every row has six numbers. All 25 rows are "
        "ROW_TOO_FEW and left blank. Rule (tables.py, table 三 header): when the header "
        "names the six applicant columns and no 总计, and every row has six numbers, "
        "read them into the six columns and leave 总计 null (not printed, not summed), "
        "with a note naming the column as not printed."
    ),
    "ocr-bordered-table-vertical-rules-read-as-pipe-or-letters-l-and-i-between-cells": (
        "OCR of a bordered table: the vertical rules between the cells come out as “|”, "
        "“l” or “I” with a space on each side (“| 规章 | 0 | 0 l 0 |”, “| 一、本年新收……"
        " | 20 | 4 l 0 | 0 I 1 | 0 l 25 |”). Each lone l or I is read as the digit 1 "
        "(LETTER_L_AS_ONE on every row) and joined to a cell: 规章 read [0, 1, 0], "
        "行政规范性文件 [11, 0, 6], received [20, 41, 0, 1, 1, 1, 25] (no ROW_ warning), "
        "seven other table 三 rows read wrong, the rest ROW_TOO_FEW, table 四 blank. Rule "
        "(cells.py / tables_text.py, where LETTER_L_AS_ONE is decided): an l or I that "
        "stands alone between spaces, between two numbers or between a label and a number, "
        "in a row whose cells are otherwise apart by “|”, is a column rule (a separator "
        "like “|”), not a digit; only an l or I touching digits (“1l”, “l2”) or filling a "
        "cell between real separators is read as 1."
    ),
    "html-table3-pasted-as-one-row-each-column-one-cell-lines-joined-by-br": (
        "Table 三 pasted from a PDF into a CMS editor: after the header, one <tr> whose "
        "eight cells each hold a whole column, its 25 lines joined by <br> (the labels in "
        "the first cell, 25 numbers in each of the seven others). Every table 三 row is "
        "ROW_NOT_FOUND. Rule (read_html.py / tables_grid.py): a table row whose cells "
        "each hold the same number of <br>-separated lines (more than one), the first "
        "cell labels and the others numbers, is that many rows: line i of every cell "
        "makes row i."
    ),
}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize(
    "name",
    pending_params(PENDING),
)
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=16)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "A row cut by the e-mail's hard wrap inside its 总计 is read with the cut total "
        "(27 for 273), silently (read_text.py / tables_text.py: join the continuation "
        "digits, or leave the row blank and say so)."
    ),
)
def test_a_total_cut_by_a_hard_wrap_is_never_read_as_its_first_digits() -> None:
    name = "email-body-hard-wrapped-at-35-characters-digit-runs-cut-across-lines"
    report = TEAM.read(name)
    assert report.table3.row("received") in ((208, 46, 0, 1, 14, 4, 273), (None,) * 7)
    assert report.table3.row("granted") in ((114, 26, 0, 1, 12, 3, 156), (None,) * 7)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "〇 inside a number (2〇6, 4〇) cuts the number: 行政许可 is read as 2 and 行政处罚 "
        "as 4 (cells.py / digit_runs.py: 〇 among digits is 0)."
    ),
)
def test_ling_circle_inside_a_number_is_never_dropped_with_the_digits_after_it() -> None:
    report = TEAM.read("ocr-text-zero-read-as-ling-circle-in-every-number-cell-ten-as-one-ling")
    assert report.table2.licensing in (206, None)
    assert report.table2.punishment in (40, None)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "A table 三 header printing 总计 (合计) first is not read when its names are joined "
        "by dots or shortened (企业, 公益组织): the columns are read by position, silently "
        "(tables.py / labels.py: read such headers, or leave the table blank and say so)."
    ),
)
@pytest.mark.parametrize(
    ("name", "received"),
    [
        (
            "docling-markdown-dotted-headers-total-column-first-qita-before-falv-fuwu",
            (39, 3, 0, 1, 1, 4, 48),
        ),
        ("md-table3-header-short-column-names-heji-first-one-header-row", (13, 9, 1, 0, 0, 1, 24)),
    ],
)
def test_columns_a_header_puts_in_another_order_are_never_read_by_position(
    name: str, received: tuple[int, ...]
) -> None:
    assert TEAM.read(name).table3.row("received") in (received, (None,) * 7)


def test_a_total_column_not_printed_is_never_filled_in() -> None:
    name = "md-table3-printed-without-its-total-column-six-applicant-columns-only"
    report = TEAM.read(name)
    for key in TEAM.values(name)["table3"]:
        assert report.table3.row(key)[6] is None


@pytest.mark.xfail(
    strict=True,
    reason=(
        "A table rule OCR'd as a lone l or I between two numbers is read as the digit 1 "
        "(规章 read 0, 1, 0): cells.py / tables_text.py, a lone l or I between spaces in a "
        "ruled row is a separator."
    ),
)
def test_a_table_rule_read_as_a_letter_is_never_a_digit() -> None:
    name = "ocr-bordered-table-vertical-rules-read-as-pipe-or-letters-l-and-i-between-cells"
    regulations = TEAM.read(name).to_dict()["table2"]["regulations"]
    assert regulations in (
        {"made": 0, "repealed": 0, "in_force": 0},
        {"made": None, "repealed": None, "in_force": None},
    )


def test_empty_cells_and_slash_in_an_excel_copy_are_never_read_as_zero() -> None:
    report = TEAM.read("excel-copy-tab-separated-cells-with-line-breaks-quoted-quotes-doubled")
    assert report.table2.fees is None
    assert report.table3.row("withheld.state_secret")[2] is None
    assert report.table3.row("not_processed.publication")[4] is None
    assert report.table2.licensing == 1207


@pytest.mark.xfail(
    strict=True,
    reason=(
        "The empty cells between tabs are read as certain blanks (one null cell, CELL_BLANK) "
        "once quoted multi-line cells are read as Excel writes them (read_text.py); today "
        "the two rows are UNDECODED_RUN, all seven cells null."
    ),
)
def test_an_empty_cell_between_tabs_is_one_null_cell_with_its_note() -> None:
    report = TEAM.read("excel-copy-tab-separated-cells-with-line-breaks-quoted-quotes-doubled")
    assert report.table3.row("withheld.state_secret") == (0, 0, None, 0, 0, 0, 0)
    assert "CELL_BLANK" in codes(report)


def test_this_years_report_is_read_from_a_page_holding_last_years_in_a_tab() -> None:
    name = "html-two-years-reports-in-tab-panes-last-years-full-report-in-second-pane"
    report = TEAM.read(name)
    assert (report.organ, report.year) == ("示范县司法局", 2023)
    assert report.table3.row("received") == (7, 0, 0, 0, 1, 0, 8)
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "The signing date is taken from the last report on the page (last year's, in a "
        "second tab pane or the expanded 上一篇 item), so a false YEAR_CONFLICT is given "
        "(meta.py: take the signature that ends the report read, the one before the next "
        "report's title)."
    ),
)
@pytest.mark.parametrize(
    "name",
    [
        "html-two-years-reports-in-tab-panes-last-years-full-report-in-second-pane",
        "crawled-previous-article-expanded-last-years-whole-report-after-this-years",
    ],
)
def test_last_years_report_after_this_years_gives_no_year_conflict(name: str) -> None:
    assert "YEAR_CONFLICT" not in codes(TEAM.read(name))


@pytest.mark.parametrize(
    ("name", "organ", "year"),
    [
        (
            "jina-reader-markdown-organ-and-year-only-in-title-field-body-says-benju",
            "样例市审计局",
            2024,
        ),
        (
            "email-forwarded-every-line-quoted-with-angle-bracket-under-original-mail-header",
            "示范县自然资源局",
            2024,
        ),
        (
            "crawler-json-record-content-field-newlines-escaped-one-line",
            "示范县统计局",
            2023,
        ),
    ],
)
def test_organ_and_year_from_a_reader_or_mail_header(name: str, organ: str, year: int) -> None:
    report = TEAM.read(name)
    assert (report.organ, report.year) == (organ, year)
    assert not {"ORGAN_NOT_FOUND", "YEAR_NOT_FOUND", "YEAR_CONFLICT"} & set(codes(report))


@pytest.mark.parametrize(
    "name",
    [
        "tesseract-ocr-space-between-every-chinese-character-one-space-between-numbers",
        "web-copy-cells-apart-by-em-and-en-spaces-zero-width-spaces-inside-labels-and-numbers",
        "pdf2htmlex-page-absolute-text-lines-table-cells-apart-by-empty-spacer-spans",
    ],
)
def test_spaces_of_other_kinds_between_characters_and_cells_read_whole(name: str) -> None:
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_emoji_before_part_titles_do_not_change_the_tables() -> None:
    name = "wechat-article-copy-emoji-before-part-titles-image-captions-follow-and-like-buttons"
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
