"""Tables whose cell boundaries a crawler lost (issue 13, shape 1): the project's own
fixtures in ``tests/fixtures/flat``, each with its expected JSON written by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual import AnnualReport
from gongkai.annual.model import AppealCounts, DocumentCounts, Table4
from gongkai.annual.parse.flat_tables import compact, read_flat
from gongkai.annual.parse.normalize import normalize_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FLAT = FIXTURES / "flat"
DAMAGED = FIXTURES / "damaged"
CASES = sorted(p.stem for p in FLAT.glob("*.txt"))


def test_compact_keeps_spaces_between_digits_only() -> None:
    assert compact("社会公益 组织 30 0 0 0 03\n总计") == "社会公益组织30 0 0 0 03总计"


def test_two_spaces_between_digits_are_one_cell_boundary_not_none() -> None:
    """A page that pads its cells prints two spaces, a tab or a line break between them:
    still a boundary (it used to join ``30  0`` into ``300``)."""
    assert compact("其他 30  0\t0 \u3000 0\n\n03") == "其他30 0 0 0 03"


def test_white_space_the_reader_never_prints_stays_except_between_digits() -> None:
    """A no-break space (``\\xa0``) beside a label stays as printed, with the spaces around
    it dropped; between two digits any white space is one cell boundary."""
    assert compact("行政\xa0 许可 \xa0") == "行政\xa0许可\xa0"
    assert compact("3 \xa0\t4 5\u2002x") == "3 4 5\u2002x"
    assert compact("(一) “规章”, 12\n") == '（一）"规章"，12'


@pytest.mark.parametrize("case", CASES)
def test_flat_tables_read_back_every_cell(case: str) -> None:
    expected = AnnualReport.load(FLAT / f"{case}.expected.json")
    flat = read_flat(normalize_text((FLAT / f"{case}.txt").read_text(encoding="utf-8")))
    assert flat.table3 is not None and flat.table4 is not None
    assert dict(flat.table3.rows) == dict(expected.table3.rows)
    assert flat.table4 == expected.table4
    if flat.trial:  # the 2019 table 二 has other items: not read
        assert flat.table2 is None
    else:
        assert flat.table2 == expected.table2


@pytest.mark.parametrize("case", CASES)
def test_the_parser_reads_flat_reports_whole(case: str) -> None:
    from gongkai.annual.parse import parse_bytes

    expected = AnnualReport.load(FLAT / f"{case}.expected.json")
    got = parse_bytes((FLAT / f"{case}.txt").read_bytes(), f"{case}.txt")
    assert (got.organ, got.year) == (expected.organ, expected.year)
    assert dict(got.table3.rows) == dict(expected.table3.rows)
    assert (got.table2, got.table4) == (expected.table2, expected.table4)
    assert got.sections is not None
    # sections 二–四 are their tables: at most the narrative printed before the table
    table_words = {"2": "现行有效件数", "3": "申请人情况", "4": "复议后起诉"}
    assert all(w not in (got.sections.get(k) or "") for k, w in table_words.items())
    assert got.sections.get("1") and got.sections.get("5")
    codes = {str(d["code"]) for d in got.diagnostics or ()}
    assert not codes & {"TABLE_NOT_FOUND", "NO_REPORT"}


def test_a_reports_own_wrong_totals_are_read_as_printed_and_left_to_the_checker() -> None:
    """(七)总计 printed as zeros: the decoder keeps what is printed (never repairs it), a row
    printed with six digits for seven cells stays blank, and the checker reports both."""
    from gongkai.annual import check
    from gongkai.annual.parse import parse_bytes

    got = parse_bytes((DAMAGED / "crawled-wrong-totals.txt").read_bytes(), "x.txt")
    assert got.table3.row("handled_total") == (0,) * 7
    assert got.table3.row("withheld.third_party_rights") == (None,) * 7
    codes = {str(d["code"]) for d in got.diagnostics or ()}
    assert "UNDECODED_RUN" in codes and "SECTION_NOT_FOUND" in codes  # 三's heading is missing
    found = {f.code for f in check(got)}
    assert "T3.E001" in found or "T3.E002" in found


@pytest.mark.parametrize(
    ("case", "codes"),
    [
        ("crawled-total-row-printed-as-zeros-spaced-cells-kept-as-printed", {"T3.E001", "T3.E002"}),
        ("crawled-own-totals-wrong-cells-spaced-not-repaired", {"T3.E002", "T3.E003", "T4.E001"}),
    ],
)
def test_crawled_totals_printed_wrong_are_kept_and_the_checker_says_so(
    case: str, codes: set[str]
) -> None:
    """(七)总计 printed as zeros, a row's 总计 and table 四's 总计 one off, each cell spaced:
    read as printed (the fixtures' expected JSON), never repaired, and the checker reports
    each."""
    from gongkai.annual import check
    from gongkai.annual.parse import parse_bytes

    got = parse_bytes((FLAT / f"{case}.txt").read_bytes(), f"{case}.txt")
    assert got.table3 == AnnualReport.load(FLAT / f"{case}.expected.json").table3
    assert codes <= {f.code for f in check(got)}


def _one_line(rows: dict[str, str]) -> str:
    """A crawled table 三 (national labels unless ``rows`` prints one otherwise)."""
    from gongkai.annual import schema as s

    parts = ["申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"]
    for row in s.TABLE3_ROWS:
        parts.append(rows.get(row.key, row.label + "0000000"))
    return "".join(parts)


ONE_LINE_ROWS = {
    "labels printed with pauses and other quotes": (
        {
            "withheld.prohibited_by_law": "2.其他法律、行政法规禁止公开1000001",
            "withheld.security_stability": "3.危及‘三安全一稳定’2000002",
            "not_processed.petition": "（五）不予处理1.信访、举报、投诉类申请1000001",
            "handled_total": "（七）总计4000004",
        },
        {
            "withheld.prohibited_by_law": (1, 0, 0, 0, 0, 0, 1),
            "withheld.security_stability": (2, 0, 0, 0, 0, 0, 2),
            "not_processed.petition": (1, 0, 0, 0, 0, 0, 1),
        },
    ),
    # the variant 逾期不补正 is found; the run follows the rest of the label; a row
    # printed blank does not take the next row's run
    "a longer printed label read to its end, never into the next row": (
        {
            "other.no_correction": "1.申请人无正当理由逾期不补正，行政机关不再处理其申请1000001",
            "other.other": "3.其他",
            "handled_total": "（七）总计1000001",
        },
        {
            "other.no_correction": (1, 0, 0, 0, 0, 0, 1),
            "other.other": (None,) * 7,
            "handled_total": (1, 0, 0, 0, 0, 0, 1),
        },
    ),
    "a number with thousands separators ends after its last group": (
        {
            "received": "一、本年新收政府信息公开申请数量1,204320071,216",
            "granted": "三、本年度办理结果（一）予以公开1,204320071,216",
            "handled_total": "（七）总计1,204320071,216",
        },
        {
            "received": (1204, 3, 2, 0, 0, 7, 1216),
            "handled_total": (1204, 3, 2, 0, 0, 7, 1216),
        },
    ),
    # a whole row's run followed by a page number's dashes: they are not its cells
    "placeholders among a row's numbers are blank cells": (
        {
            "granted": "三、本年度办理结果（一）予以公开306—11—38",
            "withheld.state_secret": "（三）不予公开1.属于国家秘密1 — 0 0 0 0 1",
            "withheld.prohibited_by_law": "2.其他法律行政法规禁止公开0000000— 4 —",
            "handled_total": "（七）总计31 6 / 1 1 / 39",
        },
        {
            "granted": (30, 6, None, 1, 1, None, 38),
            "withheld.state_secret": (1, None, 0, 0, 0, 0, 1),
            "withheld.prohibited_by_law": (0,) * 7,
            "handled_total": (31, 6, None, 1, 1, None, 39),
        },
    ),
    # (the placeholder comes after the separator's group: the digits read up to it)
    "a placeholder after a number with thousands separators is a blank cell": (
        {
            "granted": "三、本年度办理结果（一）予以公开1,204—0 0 0 0 1,204",
            "handled_total": "（七）总计1,204—0 0 0 0 1,204",
        },
        {
            "granted": (1204, None, 0, 0, 0, 0, 1204),
            "handled_total": (1204, None, 0, 0, 0, 0, 1204),
        },
    ),
    # up to two characters typed into a label of five or more: the row, its run whole
    "characters typed into a row label (red team)": (
        {
            "unavailable.not_held": "（四）无法提供1.本机关不掌握相关的政府信息1000001",
            "handled_total": "（七）总计1000001",
            "carried_forward": "四、结转下一年度继续办理2000002",
        },
        {
            "unavailable.not_held": (1, 0, 0, 0, 0, 0, 1),
            "carried_forward": (2, 0, 0, 0, 0, 0, 2),
        },
    ),
}
"""A crawled table 三 on one line with some rows printed otherwise, and those rows' cells."""


@pytest.mark.parametrize(("printed", "expected"), ONE_LINE_ROWS.values(), ids=list(ONE_LINE_ROWS))
def test_rows_printed_otherwise_on_one_line_are_read_back(
    printed: dict[str, str], expected: dict[str, tuple[int | None, ...]]
) -> None:
    flat = read_flat(normalize_text(_one_line(printed)))
    assert flat.table3 is not None
    assert {key: flat.table3.row(key) for key in expected} == expected
    assert not [n for n in flat.diagnostics if n["code"] == "ROW_NOT_FOUND"]


def test_thousands_separators_are_kept_by_compact_for_the_run_to_end_after_them() -> None:
    assert compact("行政许可86,412第二十条") == "行政许可86，412第二十条"


def test_a_subtotal_column_before_the_organisations_is_left_out() -> None:
    from gongkai.annual import schema as s

    header = "申请人情况自然人法人或其他组织总计小计商业企业科研机构社会公益组织法律服务机构其他"
    rows = {k: (0,) * 7 for k in s.TABLE3_ROW_KEYS}
    rows["received"] = rows["granted"] = rows["handled_total"] = (12, 3, 0, 1, 0, 0, 16)
    parts = [header]
    for row in s.TABLE3_ROWS:
        v = rows[row.key]
        parts.append(row.label + "".join(map(str, (v[0], sum(v[1:6]), *v[1:]))))
    flat = read_flat(normalize_text("".join(parts)))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == rows
    assert [d["code"] for d in flat.diagnostics] == ["SUBTOTAL_IGNORED"]


def test_item_numbers_printed_without_a_mark_are_not_read_into_the_row_above() -> None:
    from gongkai.annual import schema as s

    bare = {
        row.key: row.label.replace(".", "") + "1000001"
        for row in s.TABLE3_ROWS
        if row.group == "withheld"
    }
    flat = read_flat(normalize_text(_one_line(bare)))
    assert flat.table3 is not None
    assert all(flat.table3.row(key) == (1, 0, 0, 0, 0, 0, 1) for key in bare)
    # one row printed so among rows with marks: only the run without the number adds up
    one = _one_line({"withheld.third_party_rights": "4保护第三方合法权益0000000"})
    one = one.replace("危及“三安全一稳定”0000000", "危及“三安全一稳定”1000001")
    flat = read_flat(normalize_text(one))
    assert flat.table3 is not None
    assert flat.table3.row("withheld.security_stability") == (1, 0, 0, 0, 0, 0, 1)


def test_rows_per_line_some_spaced_are_read_whole_by_the_parser() -> None:
    from gongkai.annual import schema as s
    from gongkai.annual.parse import parse_bytes

    rows = {k: (0,) * 7 for k in s.TABLE3_ROW_KEYS}
    rows["received"] = rows["granted"] = rows["handled_total"] = (63, 11, 2, 0, 4, 1, 81)
    spaced = {"received", "granted", "handled_total"}
    lines = ["样例县统计局2025年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    lines.append("申请人情况 自然人 法人或其他组织 总计")
    lines.append("商业企业 科研机构 社会公益组织 法律服务机构 其他")
    for row in s.TABLE3_ROWS:
        glue = " " if row.key in spaced else ""
        lines.append(f"{row.label} {glue.join(map(str, rows[row.key]))}")
    got = parse_bytes("\n".join(lines).encode("utf-8"), "x.txt")
    assert dict(got.table3.rows) == rows


def test_a_document_row_with_placeholders_among_its_numbers() -> None:
    """Table 二's 行政规范性文件 printed 「6/41」: the placeholder is a blank cell, each number
    its own; 「641/」 (which two numbers?) stays blank and says so, never 6, 4, 1."""
    head = "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
    tail = "第二十条第（五）项信息内容本年处理决定数量行政许可12"
    flat = read_flat(normalize_text(f"{head}规章———行政规范性文件6 / 41{tail}"))
    assert flat.table2 is not None
    assert flat.table2.normative_documents == DocumentCounts(6, None, 41)
    assert flat.table2.regulations == DocumentCounts()
    assert flat.table2.licensing == 12
    flat = read_flat(normalize_text(f"{head}规章000行政规范性文件641/{tail}"))
    assert flat.table2 is not None
    assert flat.table2.normative_documents == DocumentCounts()
    # (the rows after 行政许可 are not printed here: each said not found)
    assert [d["code"] for d in flat.diagnostics if d["code"] != "ROW_NOT_FOUND"] == [
        "UNDECODED_RUN"
    ]


def test_placeholders_in_table_four_are_blank_cells_however_the_dashes_ran_together() -> None:
    header = "四、政府信息公开行政复议、行政诉讼情况" + (
        "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
        "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
    )
    for printed in ("1 — — 1 2 — — — — — — — — — —", "1——12——————————"):
        flat = read_flat(normalize_text(_one_line({}) + header + printed + "五、存在的主要问题"))
        assert flat.table4 is not None
        assert flat.table4.reconsideration == AppealCounts(1, None, None, 1, 2)
        assert flat.table4.litigation_direct == AppealCounts()


def test_a_run_read_one_way_of_too_many_to_list_is_ambiguous_not_undecoded() -> None:
    """``UNDECODED_RUN`` says the row is null: a row that keeps a reading it is not sure of
    (its readings with blank cells too many to list) is ``AMBIGUOUS_RUN``, with no
    alternatives and the reason in the message."""
    from gongkai.annual.parse import digit_runs as d
    from gongkai.annual.parse.flat_tables import _unsure_code

    kept = d.Decoded((5, 5, 1, 21, 0, 2, 34), False, (), d.BLANK_UNLISTED_REASON)
    assert _unsure_code(kept) == "AMBIGUOUS_RUN"
    null = d.Decoded((None,) * 7, False, (), "无法拆分")
    assert _unsure_code(null) == "UNDECODED_RUN"
    other = d.Decoded((None,) * 7, False, ((1, 0, 0, 0, 0, 0, 1),), "两种读法")
    assert _unsure_code(other) == "AMBIGUOUS_RUN"


def test_the_last_section_of_a_crawled_page_ends_before_its_signature() -> None:
    """A crawled page runs the signature and its date on after section 六's last sentence;
    the section's text ends with the sentence (the report shows the signature itself),
    and the signature is still read as the organ."""
    from gongkai.annual.parse import parse_bytes

    path = FLAT / "crawled-table4-litigation-first-columns-total-first.txt"
    report = parse_bytes(path.read_bytes(), path.name)
    assert report.sections is not None
    assert report.sections["6"] == "本年度未收取信息处理费。"
    assert report.organ == "样例市样例区自然资源局"
    assert report.published == "2026-01-25"


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (
            "本年度未收取信息处理费。 样例市样例区自然资源局 2026年1月25日",
            "本年度未收取信息处理费。",
        ),
        ("无。 某市财政局 某市税务局 2025年1月20日", "无。"),
        ("无。2025年1月20日", "无。"),
        # a date closing a sentence's words, or a whole text that is a date: no signature
        (
            "本年度未收取信息处理费。截至2024年12月31日",
            "本年度未收取信息处理费。截至2024年12月31日",
        ),
        ("2025年1月3日", "2025年1月3日"),
    ],
)
def test_without_signature(tail: str, kept: str) -> None:
    from gongkai.annual.parse.flat_tables import _without_signature

    assert _without_signature(tail) == kept


@pytest.mark.parametrize("case", CASES)
def test_every_note_of_the_flat_reader_names_its_table(case: str) -> None:
    """Each note says which table it is about (``table``), the one its message names."""
    flat = read_flat(normalize_text((FLAT / f"{case}.txt").read_text(encoding="utf-8")))
    names = {"table2": "表二", "table3": "表三", "table4": "表四"}
    for item in flat.diagnostics:
        assert str(item["message"]).startswith(names[str(item["table"])]), item


def test_a_colon_between_a_label_and_its_run_is_no_cell_and_takes_no_digit() -> None:
    """``行政许可：20`` (red team): the run after the colon, read whole."""
    text = (
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        "规章：000行政规范性文件:206第二十条第（五）项信息内容本年处理决定数量"
        "行政许可：20第二十条第（六）项信息内容本年处理决定数量行政处罚:2行政强制：0"
        + _one_line({"granted": "三、本年度办理结果（一）予以公开：1000001"})
    )
    flat = read_flat(normalize_text(text))
    assert flat.table2 is not None
    assert flat.table2.licensing == 20
    assert (flat.table2.punishment, flat.table2.coercion) == (2, 0)
    assert flat.table2.normative_documents == DocumentCounts(2, 0, 6)
    assert flat.table3 is not None
    assert flat.table3.row("granted") == (1, 0, 0, 0, 0, 0, 1)


def test_qita_in_table4s_header_is_the_forms_other_results() -> None:
    """Table 四's header printed ``其它结果`` (red team): read as ``其他结果``, in the
    national order (no reordering said)."""
    columns = "结果维持结果纠正其它结果尚未审结总计"
    header = f"行政复议行政诉讼{columns}未经复议直接起诉复议后起诉{columns}{columns}"
    run = "1 0 0 0 1" + " 0 0 0 0 0" + " 2 0 0 0 2"
    text = _one_line({"handled_total": "（七）总计0000000"}) + header + run + "五、存在的主要问题"
    flat = read_flat(normalize_text(text))
    assert flat.table4 is not None
    assert flat.table4 == Table4(
        AppealCounts(1, 0, 0, 0, 1), AppealCounts(0, 0, 0, 0, 0), AppealCounts(2, 0, 0, 0, 2)
    )
    assert not any(n["code"] == "TABLE4_REORDERED" for n in flat.diagnostics)


def test_a_row_not_found_is_said_never_left_blank_in_silence() -> None:
    """Three characters typed into a label are too many: the row is not found, and said."""
    text = _one_line({"unavailable.not_held": "1.本机关并不掌握相关的那些政府信息1000001"})
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert flat.table3.row("unavailable.not_held") == (None,) * 7
    notes = [n for n in flat.diagnostics if n["code"] == "ROW_NOT_FOUND"]
    assert [n["row"] for n in notes] == ["table3.unavailable.not_held"]
    assert str(notes[0]["message"]).startswith("表三")


def test_section_six_titled_qita_matters_on_one_line() -> None:
    from gongkai.annual.parse.flat_tables import flat_sections

    text = "一、总体情况本机关公开了信息。五、存在的主要问题及改进情况无。六、其它事项本年度未收取信息处理费。"
    found = flat_sections(text)
    assert found["6"] == "本年度未收取信息处理费。"
    assert found["5"] == "无。"


def test_a_table2_row_typed_otherwise_is_read_and_one_not_found_is_said() -> None:
    """Table 二: a character typed into a label (行政规范性的文件) still finds the row; a row
    not printed at all (行政强制) is said, never left blank in silence."""
    text = (
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
        "规章000行政规范性的文件206第二十条第（五）项信息内容本年处理决定数量"
        "行政许可20第二十条第（六）项信息内容本年处理决定数量行政处罚2"
        + _one_line({"handled_total": "（七）总计0000000"})
    )
    flat = read_flat(normalize_text(text))
    assert flat.table2 is not None
    assert flat.table2.normative_documents == DocumentCounts(2, 0, 6)
    assert flat.table2.coercion is None
    rows = {n["row"] for n in flat.diagnostics if n["code"] == "ROW_NOT_FOUND"}
    assert "table2.coercion" in rows and "table2.normative_documents" not in rows
