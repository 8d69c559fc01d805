"""PDF documents: text layer, ruled tables with merged cells, running heads, scans."""

from __future__ import annotations

import io

import pytest

from gongkai.annual.parse.document import Document, Grid, Line
from gongkai.annual.parse.reader import UnreadableDocument, read_document

REPORT_HTML = """<html><head><style>
@page { size: A4; margin: 2cm;
        @top-center { content: "测试市测试局年度报告"; }
        @bottom-center { content: "- " counter(page) " -"; } }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; }
table { border-collapse: collapse; } td { border: 1px solid black; padding: 2px 4px; }
</style></head><body>
<p>测试市测试局2024年政府信息公开工作年度报告</p>
<p>⼀、总体情况</p>
<p>2024年，本局共收到政府信息公开申请1,234件。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table>
<tr><td colspan="2">行政复议</td><td colspan="2">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td>总计</td><td>未经复议直接起诉</td><td>复议后起诉</td></tr>
<tr><td>合计</td><td>—</td><td></td></tr>
<tr><td>1</td><td>０</td><td>1,000</td><td>2</td></tr>
</table>
<p style="page-break-before: always">五、存在的主要问题及改进情况</p>
<table><tr><td>规章</td><td>0</td></tr></table>
<p style="page-break-before: always">六、其他需要报告的事项</p>
</body></html>"""


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    data: bytes = weasyprint.HTML(string=REPORT_HTML).write_pdf()
    return data


@pytest.fixture(scope="module")
def document(report_pdf: bytes) -> Document:
    return read_document(report_pdf, "报告.pdf")


def test_text_outside_tables_in_reading_order_with_pages(document: Document) -> None:
    assert document.kind == "pdf"
    assert document.pages == 3
    assert document.diagnostics == []
    # running head and "- n -" footers are gone; the Kangxi radical ⼀ is 一
    assert [(line.text, line.page) for line in document.lines()] == [
        ("测试市测试局2024年政府信息公开工作年度报告", 1),
        ("一、总体情况", 1),
        ("2024年，本局共收到政府信息公开申请1234件。", 1),
        ("四、政府信息公开行政复议、行政诉讼情况", 1),
        ("五、存在的主要问题及改进情况", 2),
        ("六、其他需要报告的事项", 3),
    ]


def test_ruled_table_with_merged_cells_becomes_the_real_grid(document: Document) -> None:
    first, second = document.grids()
    assert first == Grid(
        rows=(
            ("行政复议", "行政复议", "行政诉讼", "行政诉讼"),
            ("结果维持", "总计", "未经复议直接起诉", "复议后起诉"),
            ("结果维持", "合计", "-", ""),
            ("1", "0", "1000", "2"),
        ),
        merged=(
            (False, True, False, True),
            (False, False, False, False),
            (True, False, False, False),
            (False, False, False, False),
        ),
        page=1,
    )
    assert second.rows == (("规章", "0"),)
    assert second.page == 2
    # the grid sits between the lines around it
    kinds = [(type(b).__name__, b.page) for b in document.blocks]
    assert kinds.index(("Grid", 1)) == 4


def image_only_pdf(pages: int = 2) -> bytes:
    image_module = pytest.importorskip("PIL.Image")
    draw_module = pytest.importorskip("PIL.ImageDraw")
    images = []
    for _ in range(pages):
        image = image_module.new("RGB", (600, 800), "white")
        draw_module.Draw(image).rectangle([50, 50, 550, 300], outline="black")
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:])
    return out.getvalue()


def test_scanned_pdf_gets_a_clear_diagnostic_not_a_guess() -> None:
    document = read_document(image_only_pdf(), "扫描件.pdf")
    assert document.blocks == []
    assert document.pages == 2
    assert document.diagnostics == [
        {
            "code": "PDF_NO_TEXT",
            "severity": "error",
            "message": "扫描件.pdf：共2页，是扫描件，没有文字层，无法读取表格（需要先做文字识别）",
            "page": 1,
        }
    ]


@pytest.mark.parametrize("keep", [0.2, 0.6, 0.95])
def test_truncated_pdf_is_reported(report_pdf: bytes, keep: float) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(report_pdf[: int(len(report_pdf) * keep)], "截断.pdf")
    assert caught.value.code == "PDF_DAMAGED"
    assert str(caught.value) == "截断.pdf PDF 文件已损坏或不完整，无法读取；请重新获取原文件"


def test_lines_mark_their_page(document: Document) -> None:
    assert all(isinstance(b, Line | Grid) and b.page for b in document.blocks)


def test_vertical_label_in_a_cell_is_one_word() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>body{font-family:'Noto Sans CJK SC'}"
        "table{border-collapse:collapse}td{border:1px solid #000;padding:2px}</style></head>"
        "<body><table><tr><td rowspan='2'>行<br>政<br>复<br>议</td><td>结果维持</td></tr>"
        "<tr><td>1,000</td></tr></table></body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "竖排.pdf")
    (grid,) = document.grids()
    assert grid.rows == (("行政复议", "结果维持"), ("行政复议", "1000"))
    assert grid.merged == ((False, False), (True, False))


def test_ruby_pinyin_wrapped_in_a_cell_or_a_line_is_dropped() -> None:
    """Text copied with its ruby pinyin (``總計(jì)``) into a narrow cell or a paragraph:
    where the line breaks between the character and its pinyin, the pinyin is still
    dropped, so the row label is still recognised."""
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>body{font-family:'Noto Sans CJK SC';font-size:10pt}"
        "table{border-collapse:collapse}td{border:1px solid #000;padding:2px}"
        "p{width:8em}</style></head><body>"
        "<p>加強政府網(wǎng)站信息內容更新</p>"
        "<table><tr><td style='width:3em'>總計(jì)</td><td>12</td></tr></table></body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "注音.pdf")
    (grid,) = document.grids()
    assert grid.rows == (("總計", "12"),)
    text = "".join(b.text for b in document.blocks if isinstance(b, Line))
    assert text == "加強政府網站信息內容更新"


def test_a_row_cut_by_the_page_break_is_one_row() -> None:
    """A tall row at the foot of a page goes on at the top of the next one, with no
    border at the break: its two pieces are one row (label, numbers and the 件 of 10件
    that went over), at the end of the first page's table."""
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>@page{size:148mm 105mm;margin:10mm}"
        "body{font-family:'Noto Sans CJK SC';font-size:10pt}"
        "table{border-collapse:collapse}td{border:1px solid #000;padding:2px}"
        "</style></head><body><div style='height:52mm'>说明</div><table>"
        "<tr><td>类别</td><td style='width:6em'>项目</td><td>自然人</td><td>总计</td></tr>"
        "<tr><td>（六）其他处理</td>"
        "<td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>"
        "<td>7</td><td>10件</td></tr>"
        "<tr><td></td><td>3.其他</td><td>0</td><td>0</td></tr>"
        "</table></body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "跨页.pdf")
    first, second = document.grids()
    assert (first.page, second.page) == (1, 2)
    header, cut = first.rows
    assert header == ("类别", "项目", "自然人", "总计")
    assert "".join(cut[0].split()) == "(六)其他处理"
    assert cut[1:] == (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "7",
        "10件",
    )
    assert second.rows == (("", "3.其他", "0", "0"),)


def encrypted_pdf() -> bytes:
    """A one-page PDF whose /Encrypt dictionary needs a password nobody gave."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> /P -4 >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    file_id = b"<00112233445566778899aabbccddeeff>"
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [%s %s] >>\n" % (
        len(objects) + 1,
        file_id,
        file_id,
    )
    return out + b"startxref\n%d\n%%%%EOF\n" % xref


def test_encrypted_pdf_is_refused_with_the_reason() -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(encrypted_pdf(), "加密.pdf")
    assert caught.value.code == "ENCRYPTED"
    assert str(caught.value) == "加密.pdf PDF 设有打开密码（已加密），无法读取；请提供未加密的文件"


def test_a_cut_row_joins_grids_padded_to_different_widths() -> None:
    """The two pieces of a table are padded each to its own widest row: the cut row is
    joined over the first one's width (a crash here lost the whole document)."""
    from gongkai.annual.parse.read_pdf import _joined

    first = Grid((("项目", "自然人", "", ""), ("2.其他法律", "3", "", "")), (), 1, 1)
    second = Grid((("行政法规禁止公开", ""), ("3.其他", "0")), (), 2, 2)
    top, rest = _joined(first, second)
    assert top.rows == (("项目", "自然人", "", ""), ("2.其他法律行政法规禁止公开", "3", "", ""))
    assert top.page == 1
    assert rest.rows == (("3.其他", "0"),)
    assert rest.page == 2


def test_a_striped_borderless_table_is_read_row_by_row_not_as_shaded_boxes() -> None:
    """Shaded rows are filled rectangles without an outline, not ruling lines: read as
    frames they made each shaded row a table of its own and joined the plain rows
    between them into one cell (``2.重复申请 2 0 0`` in every column)."""
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>body{font-family:'Noto Sans CJK SC';font-size:10pt}"
        "table{border-collapse:collapse}td{padding:2px 8px}"
        "tr:nth-child(even) td{background:#ddd}</style></head><body><table>"
        "<tr><td>1.信访举报投诉类申请</td><td>0</td><td>3</td></tr>"
        "<tr><td>2.重复申请</td><td>2</td><td>0</td></tr>"
        "<tr><td>3.要求提供公开出版物</td><td>1</td><td>4</td></tr>"
        "<tr><td>4.无正当理由大量反复申请</td><td>0</td><td>5</td></tr>"
        "</table></body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "条纹.pdf")
    assert document.grids() == []
    assert [line.text.split() for line in document.lines()] == [
        ["1.信访举报投诉类申请", "0", "3"],
        ["2.重复申请", "2", "0"],
        ["3.要求提供公开出版物", "1", "4"],
        ["4.无正当理由大量反复申请", "0", "5"],
    ]


def test_shaded_cells_of_a_ruled_table_keep_its_grid() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>body{font-family:'Noto Sans CJK SC';font-size:10pt}"
        "table{border-collapse:collapse}td{border:0.6pt solid #000;padding:2px 8px}"
        "td:first-child{background:#ccc}</style></head><body><table>"
        "<tr><td>行政处罚</td><td>14</td></tr><tr><td>行政强制</td><td>2</td></tr>"
        "</table></body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "底纹.pdf")
    (grid,) = document.grids()
    assert grid.rows == (("行政处罚", "14"), ("行政强制", "2"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "side_by_side"),
    [
        ("pdf_word_export_title_page_running_heads_striped_borderless_tables", False),
        ("pdf_shaded_header_cells_tables_side_by_side", True),
    ],
)
def test_word_exported_pdf_layouts_read_to_their_values(name: str, side_by_side: bool) -> None:
    """A title page, running heads over a rule, ``— n —`` numbers, striped borderless
    tables, shaded header cells, tables 二 and 四 each printed as two tables side by side
    (``fixture_documents.build_word_export_pdf``)."""
    pytest.importorskip("weasyprint")
    from gongkai.annual.parse import parse_bytes
    from tests.annual.parse.fixture_documents import build_word_export_pdf
    from tests.annual.parse.test_fixture_reports import differences, expected_for

    expected = expected_for(name)
    report = parse_bytes(build_word_export_pdf(expected, side_by_side=side_by_side), f"{name}.pdf")
    assert differences(report, expected) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


@pytest.mark.slow
def test_a_table_drawn_turned_on_a_rotated_page_is_read_upright() -> None:
    """Table 三 on landscape pages that a print driver drew turned a quarter on portrait
    pages with ``/Rotate 270``: in the page's own coordinates its lines run up the page
    (read so, no table was found and every row of table 三 was null)."""
    pytest.importorskip("weasyprint")
    from gongkai.annual.parse import parse_bytes
    from tests.annual.parse.fixture_documents import build_turned_landscape_pdf
    from tests.annual.parse.test_fixture_reports import differences, expected_for

    name = "pdf_landscape_table3_drawn_turned_on_portrait_pages"
    expected = expected_for(name)
    report = parse_bytes(build_turned_landscape_pdf(expected), f"{name}.pdf")
    assert differences(report, expected) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_a_title_printed_only_as_the_running_head_is_kept_once() -> None:
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>@page{size:A6;margin:1.5cm 1cm;"
        "@top-center{content:'某市某局2024年政府信息公开工作年度报告';font-size:7pt}"
        "@bottom-center{content:counter(page)}}"
        "body{font-family:'Noto Sans CJK SC';font-size:9pt}</style></head><body>"
        "<p>一、总体情况</p><p>依法公开。</p>"
        "<p style='break-before:page'>二、主动公开政府信息情况</p>"
        "<p style='break-before:page'>三、收到和处理政府信息公开申请情况</p></body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "页眉标题.pdf")
    assert [(line.text, line.page) for line in document.lines()] == [
        ("某市某局2024年政府信息公开工作年度报告", 1),
        ("一、总体情况", 1),
        ("依法公开。", 1),
        ("二、主动公开政府信息情况", 2),
        ("三、收到和处理政府信息公开申请情况", 3),
    ]


def test_a_cut_row_is_joined_where_the_next_page_adds_a_groups_column() -> None:
    """The rows on the next page begin a group (``（三）不予公开`` beside its items): their
    table has a vertical rule the first piece has not. The cut row's second piece is laid
    on the first piece's columns and joined (the pieces were not joined: the row's label
    and its numbers were read as two rows, the numbers without a label)."""
    from gongkai.annual.parse.pdf_layout import TableBox
    from gongkai.annual.parse.read_pdf import Cut, _aligned, _joined

    first = Grid((("项目", "自然人", "总计"), ("", "6", "8")), (), 1, 1)
    first_columns = (50.0, 250.0, 300.0, 350.0)
    second = Grid(
        (
            ("(二)部分公开(区分处理的", "(二)部分公开(区分处理的", "", ""),
            ("(三)不予公开", "1.属于国家秘密", "0", "0"),
        ),
        (),
        2,
        2,
    )
    second_columns = (50.0, 110.0, 250.0, 300.0, 350.0)
    document = Document(source="x.pdf", kind="pdf")
    document.blocks.append(first)
    table = TableBox([], 50.0, 40.0, 350.0, 90.0, columns=second_columns, open_top=True)
    assert Cut(first, first_columns).fits(table, second, document)
    bottom = _aligned(second.rows[0], second_columns, first_columns)
    assert bottom == ("(二)部分公开(区分处理的", "", "")
    top, rest = _joined(first, second, bottom)
    assert top.rows[-1] == ("(二)部分公开(区分处理的", "6", "8")
    assert rest.rows == (("(三)不予公开", "1.属于国家秘密", "0", "0"),)


def test_a_table_on_the_next_page_on_other_rules_is_not_a_cut_rows_rest() -> None:
    from gongkai.annual.parse.pdf_layout import TableBox
    from gongkai.annual.parse.read_pdf import Cut

    first = Grid((("项目", "自然人", "总计"), ("", "6", "8")), (), 1, 1)
    second = Grid((("a", "b"),), (), 2, 2)
    document = Document(source="x.pdf", kind="pdf")
    document.blocks.append(first)
    narrower = TableBox([], 50.0, 40.0, 300.0, 90.0, columns=(50.0, 200.0, 300.0), open_top=True)
    assert not Cut(first, (50.0, 250.0, 300.0, 350.0)).fits(narrower, second, document)
    moved = TableBox([], 50.0, 40.0, 350.0, 90.0, columns=(50.0, 120.0, 350.0), open_top=True)
    assert not Cut(first, (50.0, 250.0, 300.0, 350.0)).fits(moved, second, document)


def test_running_heads_of_a_book_layout_are_dropped_on_both_sides() -> None:
    """The organ's name heads the left-hand pages, the title the right-hand ones: each
    is on half the pages only, and both are dropped (the title kept once)."""
    weasyprint = pytest.importorskip("weasyprint")
    html = (
        "<html><head><style>@page{size:A6;margin:1.5cm 1cm}"
        "@page :left{@top-center{content:'某市某局';font-size:7pt}}"
        "@page :right{@top-center{content:'某市某局2024年政府信息公开工作年度报告';font-size:7pt}}"
        "body{font-family:'Noto Sans CJK SC';font-size:9pt}</style></head><body>"
        + "".join(f"<p style='break-before:page'>第{n}部分</p>" for n in "一二三四五")
        + "</body></html>"
    )
    document = read_document(weasyprint.HTML(string=html).write_pdf(), "书页.pdf")
    assert [line.text for line in document.lines()] == [
        "某市某局2024年政府信息公开工作年度报告",
        *(f"第{n}部分" for n in "一二三四五"),
    ]


BOOK_CSS = (
    "@page{size:A5} @page :left{@top-center{content:'%(organ)s';font-size:8pt}}"
    "@page :right{@top-center{content:'%(title)s';font-size:8pt}}"
    "td,th{padding:3pt 1pt;font-size:7pt}"
)


@pytest.mark.slow
def test_table_3_cut_by_a_page_break_at_every_place_in_a_book_layout() -> None:
    """Table 三 pushed down the page step by step, so that the page break cuts it at
    every row in turn (rows cut in two among them), under running heads that differ on
    left- and right-hand pages and without its header rows repeated: every cell reads."""
    weasyprint = pytest.importorskip("weasyprint")
    from gongkai.annual.parse import parse_bytes
    from tests.annual.parse.fixture_documents import pdf_html
    from tests.annual.parse.test_fixture_reports import differences, expected_for

    expected = expected_for("county_named_alone_in_title_signed_by_its_office")
    title = f"{expected['organ']}{expected['year']}年政府信息公开工作年度报告"
    css = BOOK_CSS % {"organ": "青禾县人民政府办公室", "title": title}
    html = pdf_html(expected).replace("</style>", css + "</style>", 1)
    html = html.replace("<thead>", "<tbody>").replace("</thead>", "")
    for height in range(0, 120, 8):
        shifted = html.replace("<h2>三、", f'<div style="height:{height}mm"></div><h2>三、', 1)
        report = parse_bytes(weasyprint.HTML(string=shifted).write_pdf(), "书页.pdf")
        assert differences(report, expected) == [], height
