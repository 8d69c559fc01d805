"""Table rows printed as text whose cells another mark than a space parts (``flat_tables``):
``、`` (``一、本年新收政府信息公开申请数量：10、0、0、0、0、0、10；``), ``/`` (``8/8/0/0/1/0/17``),
pipes with the rows joined by ``；`` (``规章|0|0|3；``), and rows written as sentences or
as a phone page's cards. A mark is a separator only where it parts the run after a row's
label into exactly that row's cells; elsewhere ``/`` or ``—`` is a blank cell's placeholder
(null, never 0). A note printing the cells' order (``各行数字依次为…``) is followed as a
header's is."""

from __future__ import annotations

from decimal import Decimal

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport, AppealCounts, DocumentCounts, Table4
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text
from tests.annual.parse.test_flat_named_cells import TABLE3  # (every identity holds)

TABLE4 = ((1, 1, 0, 1, 3), (2, 0, 0, 0, 2), (0, 0, 0, 1, 1))
"""Table 四's groups in the form's order, each group's cells in the form's order."""
EXPECTED4 = Table4(*(AppealCounts(*group) for group in TABLE4))
GROUP_LABELS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
TABLE4_NAMES = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

HEAD = """样例县交通运输局2024年政府信息公开工作年度报告
一、总体情况
2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全年收到政府信息公开申请75件。
"""
TAIL = """五、存在的主要问题及改进情况
主动公开的深度和广度还需拓展，下一步将加强政策解读。
六、其他需要报告的事项
本年度未收取信息处理费。
样例县交通运输局
2025年1月15日
"""


def _table3_lines(separator: str, order: tuple[int, ...] = tuple(range(7))) -> list[str]:
    """Each row of table 三 as ``label：a、b、…`` (the cells printed in ``order``)."""
    lines = []
    for row in s.TABLE3_ROWS:
        values = TABLE3[row.key]
        lines.append(f"{row.full_label}：" + separator.join(str(values[i]) for i in order) + "；")
    return lines


def _table4_lines(separator: str, order: tuple[int, ...] = tuple(range(5))) -> list[str]:
    return [
        f"{label}：" + separator.join(str(counts[i]) for i in order) + "；"
        for label, counts in zip(GROUP_LABELS, TABLE4, strict=True)
    ]


def _text_version(
    separator: str,
    table3_order: tuple[int, ...] = tuple(range(7)),
    table4_order: tuple[int, ...] = tuple(range(5)),
) -> str:
    """A report whose tables were printed as images, then as a 文字版 list: table 二 named
    cell by cell, tables 三 and 四 one row a line, the cells parted by ``separator``, in
    the order a note before each table prints."""
    names3 = "、".join(s.TABLE3_COLUMNS[i].label for i in table3_order)
    names4 = "、".join(TABLE4_NAMES[i] for i in table4_order)
    lines = [
        "二、主动公开政府信息情况",
        "1.规章：本年制发件数0，本年废止件数0，现行有效件数3；",
        "2.行政规范性文件：本年制发件数4，本年废止件数2，现行有效件数31；",
        "3.行政许可：本年处理决定数量1206；",
        "4.行政处罚：本年处理决定数量45；",
        "5.行政强制：本年处理决定数量0；",
        "6.行政事业性收费：本年收费金额0万元。",
        "三、收到和处理政府信息公开申请情况",
        f"上表文字版如下（依次为{names3}）：",
        *_table3_lines(separator, table3_order),
        "四、政府信息公开行政复议、行政诉讼情况",
        f"上表文字版如下（依次为{names4}）：",
        *_table4_lines(separator, table4_order),
    ]
    return HEAD + "\n".join(lines) + "\n" + TAIL


def parse(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "文字版.txt")


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


WARNINGS = {"ROW_NOT_FOUND", "ROW_TOO_FEW", "UNDECODED_RUN", "AMBIGUOUS_RUN", "TABLE_NOT_FOUND"}


def _assert_whole(report: AnnualReport) -> None:
    assert dict(report.table3.rows) == TABLE3
    assert report.table4 == EXPECTED4
    assert report.table2.regulations == DocumentCounts(0, 0, 3)
    assert report.table2.normative_documents == DocumentCounts(4, 2, 31)
    assert (report.table2.licensing, report.table2.punishment, report.table2.coercion) == (
        1206,
        45,
        0,
    )
    assert report.table2.fees == Decimal("0")
    assert not WARNINGS & set(codes(report))


def test_cells_apart_by_dunhao_are_read_one_a_cell() -> None:
    _assert_whole(parse(_text_version("、")))


def test_cells_apart_by_slashes_are_read_one_a_cell() -> None:
    _assert_whole(parse(_text_version("/")))


def test_the_order_a_note_prints_is_followed_and_said() -> None:
    """总计 first in table 三 and in table 四, as the notes say: each number to its column."""
    report = parse(_text_version("、", (6, 0, 1, 2, 3, 4, 5), (4, 0, 1, 2, 3)))
    _assert_whole(report)
    assert {"COLUMNS_REORDERED", "TABLE4_REORDERED"} <= set(codes(report))


def test_a_placeholder_among_separated_cells_is_a_blank_cell_never_0() -> None:
    text = _text_version("/").replace(
        "（一）予以公开：27/6/1/0/1/0/35", "（一）予以公开：27/6/1/—/1/0/35"
    )
    assert "27/6/1/—/1/0/35" in text
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert flat.table3.row("granted") == (27, 6, 1, None, 1, 0, 35)
    assert flat.table3.row("received") == TABLE3["received"]


def test_a_slash_that_does_not_part_a_row_into_its_cells_is_a_placeholder() -> None:
    """``规章：6/41``: two numbers for three cells, the slash a blank cell between them (as
    before); ``规章：0/0/3``: three numbers, the row's three cells."""
    text = "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
    flat = read_flat(normalize_text(text + "规章：6/41\n行政规范性文件：0/0/3\n行政许可 5\n"))
    assert flat.table2 is not None
    assert flat.table2.regulations == DocumentCounts(6, None, 41)
    assert flat.table2.normative_documents == DocumentCounts(0, 0, 3)


def test_a_run_of_other_than_the_rows_cells_is_not_read_as_separated() -> None:
    """A table 三 row printing three numbers apart by ``、`` is not its seven cells: not
    read so (the row is left to the usual reading, which says what it could not read)."""
    text = _text_version("、").replace(
        "二、上年结转政府信息公开申请数量：4、1、0、0、0、0、5",
        "二、上年结转政府信息公开申请数量：4、1、5",
    )
    assert "数量：4、1、5；" in text
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert flat.table3.row("carried_over") != (4, 1, 5, None, None, None, None)
    assert flat.table3.row("received") == TABLE3["received"]


def test_commas_of_thousands_are_not_separators() -> None:
    """``1，206``: a thousands separator (a three-digit number after it), one number."""
    text = _text_version("、").replace("本年处理决定数量1206", "本年处理决定数量1，206")
    report = parse(text)
    assert report.table2.licensing == 1206


def test_a_group_heading_on_each_row_is_not_read_as_the_rows_number() -> None:
    """``（六）其他处理3.其他：0、0、…``: the heading of the row's group printed on every
    row of it (as ``_text_version`` prints them), the row's item number after it, then its
    own label: the 3 is no cell. Printed without the headings, the rows read the same."""
    text = _text_version("、")
    assert "（六）其他处理3.其他：0、0、0、0、0、0、0；" in text
    for row in s.TABLE3_ROWS:
        assert f"{row.full_label}：" in text
    bare = text
    for row in s.TABLE3_ROWS:
        bare = bare.replace(f"{row.full_label}：", f"{row.label}：")
    assert "\n3.其他：0、" in bare
    for printed in (text, bare):
        flat = read_flat(normalize_text(printed))
        assert flat.table3 is not None
        assert dict(flat.table3.rows) == TABLE3


def _ruled_lines() -> str:
    """Each table on one crawled line: cells apart by ``|``, rows joined by ``；``."""
    t3 = "；".join(
        f"{row.full_label}|" + "|".join(str(v) for v in TABLE3[row.key]) for row in s.TABLE3_ROWS
    )
    t4 = "；".join(
        f"{label}|" + "|".join(f"{n}|{v}" for n, v in zip(TABLE4_NAMES, counts, strict=True))
        for label, counts in zip(
            ("行政复议", "未经复议直接起诉", "复议后起诉"), TABLE4, strict=True
        )
    )
    return "\n".join(
        (
            "二、主动公开政府信息情况",
            "信息内容|本年制发件数|本年废止件数|现行有效件数；规章|0|0|3；行政规范性文件|4||31；"
            "行政许可|1206；行政处罚|45；行政强制|0；行政事业性收费（万元）|",
            "三、收到和处理政府信息公开申请情况",
            "申请人情况|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计；" + t3 + "。",
            "四、政府信息公开行政复议、行政诉讼情况",
            t4 + "。",
        )
    )


def test_rows_joined_by_semicolons_cells_apart_by_pipes() -> None:
    """Nothing between two pipes is a blank cell (null, never 0); a fee row ending in its
    pipe printed no amount."""
    flat = read_flat(normalize_text(HEAD + _ruled_lines() + "\n" + TAIL))
    assert flat.table3 is not None and flat.table2 is not None and flat.table4 is not None
    assert dict(flat.table3.rows) == TABLE3
    assert flat.table2.regulations == DocumentCounts(0, 0, 3)
    assert flat.table2.normative_documents == DocumentCounts(4, None, 31)
    assert (flat.table2.licensing, flat.table2.punishment, flat.table2.coercion) == (1206, 45, 0)
    assert flat.table2.fees is None
    assert flat.table4 == EXPECTED4


def test_nothing_between_two_pipes_of_a_table3_row_is_a_blank_cell() -> None:
    text = HEAD + _ruled_lines() + "\n" + TAIL
    assert "数量|58|11|2|0|3|1|75；" in text
    flat = read_flat(
        normalize_text(text.replace("数量|58|11|2|0|3|1|75；", "数量|58|11|2||3|1|75；"))
    )
    assert flat.table3 is not None
    assert flat.table3.row("received") == (58, 11, 2, None, 3, 1, 75)
    assert flat.table3.row("carried_over") == TABLE3["carried_over"]


def test_rows_as_sentences_with_short_column_words() -> None:
    """``规章：本年制发0件，本年废止0件，现行有效3件。``: the columns' words without 件数."""
    text = (
        HEAD
        + "\n".join(
            (
                "二、主动公开政府信息情况",
                "规章：本年制发0件，本年废止0件，现行有效3件。",
                "行政规范性文件：本年制发4件，本年废止2件，现行有效31件。",
                "行政许可：本年处理决定数量1206件。",
                "行政处罚：本年处理决定数量45件。",
                "行政强制：本年处理决定数量0件。",
                "行政事业性收费：本年收费金额0万元。",
                "三、收到和处理政府信息公开申请情况",
                *(
                    f"{row.full_label}："
                    + "，".join(
                        f"{c.label}{v}件"
                        for c, v in zip(s.TABLE3_COLUMNS, TABLE3[row.key], strict=True)
                    )
                    + "。"
                    for row in s.TABLE3_ROWS
                ),
                "四、政府信息公开行政复议、行政诉讼情况",
                *(
                    f"{label}："
                    + "，".join(f"{n}{v}件" for n, v in zip(TABLE4_NAMES, counts, strict=True))
                    + "。"
                    for label, counts in zip(GROUP_LABELS, TABLE4, strict=True)
                ),
            )
        )
        + "\n"
        + TAIL
    )
    _assert_whole(parse(text))


def test_a_phone_pages_cards_with_the_organisations_header_among_the_cells() -> None:
    """Each row a card: its label, then a column's name and its value line by line, with
    法人或其他组织 printed over the five organisations' names."""
    lines = ["三、收到和处理政府信息公开申请情况"]
    for row in s.TABLE3_ROWS:
        lines.append(row.full_label)
        for column, value in zip(s.TABLE3_COLUMNS, TABLE3[row.key], strict=True):
            if column.index == 1:
                lines.append(s.TABLE3_ORGANISATION_HEADER)
            lines.extend((column.label, str(value)))
        lines.append("")
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    flat = read_flat(normalize_text("\n".join(lines) + "\n"))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == TABLE3
