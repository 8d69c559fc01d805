"""annual.render.html: the official layout as accessible, printable HTML."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import lxml.html
import pytest
from hypothesis import given, settings

from gongkai.annual import AnnualReport, Finding, Severity
from gongkai.annual import schema as s
from gongkai.annual.render import render_html
from tests.conftest import EXPECTED, seed_params
from tests.strategies import blank_report, consistent_reports


def form_labels() -> list[str]:
    """Every label of the form that a rendered report must print."""
    labels: list[str] = [s.TABLE2_CONTENT_HEADER]
    for block in s.TABLE2_BLOCKS:
        labels.append(block.heading)
        labels.extend(c.label for c in block.columns)
        labels.extend(r.label for r in block.rows)
    labels += [s.TABLE3_IDENTITY_NOTE, s.TABLE3_APPLICANT_HEADER, s.TABLE3_ORGANISATION_HEADER]
    labels += [c.label for c in s.TABLE3_COLUMNS]
    labels += [s.TABLE3_RESULTS_GROUP.label, *(g.label for g in s.TABLE3_GROUPS)]
    labels += [r.label for r in s.TABLE3_ROWS]
    labels += [s.TABLE4_LITIGATION_HEADER, *(g.label for g in s.TABLE4_GROUPS)]
    labels += [c.label for c in s.TABLE4_COLUMNS]
    labels += [sec.heading for sec in s.SECTIONS]
    return labels


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


def cell_texts(root: lxml.html.HtmlElement) -> set[str]:
    return {el.text_content() for el in root.iter("th", "td", "h1", "h2")}


def parse_number(text: str) -> int | Decimal | None:
    if text == "":
        return None
    return Decimal(text) if "." in text else int(text)


def data_cells(root: lxml.html.HtmlElement) -> dict[str, int | Decimal | None]:
    return {td.get("data-cell"): parse_number(td.text_content()) for td in root.iter("td")
            if td.get("data-cell")}  # fmt: skip


def test_every_label_of_the_form_is_printed_exactly() -> None:
    texts = cell_texts(parse(render_html(blank_report())))
    missing = [label for label in form_labels() if label not in texts]
    assert missing == []


@pytest.mark.parametrize(
    ("organ", "year", "title"),
    [
        ("嘉兴市数据局", 2024, "嘉兴市数据局2024年政府信息公开工作年度报告"),
        (None, 2024, "2024年政府信息公开工作年度报告"),
        ("某局", None, "某局政府信息公开工作年度报告"),
    ],
)
def test_title_names_organ_and_year(organ: str | None, year: int | None, title: str) -> None:
    root = parse(render_html(AnnualReport(organ=organ, year=year)))
    assert "".join(root.find(".//h1").itertext()) == title
    assert root.findtext(".//title") == title


def test_a_long_title_breaks_between_the_organ_and_the_year() -> None:
    """Never inside a word: the organ on the first line, 年份 + 年度报告 on the second."""
    root = parse(render_html(AnnualReport(organ="某某市某某区人民政府办公室", year=2024)))
    lines = [span.text for span in root.find(".//h1")]
    assert lines == ["某某市某某区人民政府办公室", "2024年政府信息公开工作年度报告"]


def test_blank_cells_are_empty_and_every_cell_of_the_form_is_there() -> None:
    cells = data_cells(parse(render_html(blank_report())))
    assert set(cells) == set(s.all_cell_keys())
    assert set(cells.values()) == {None}


@pytest.mark.parametrize("seed", seed_params())
def test_seed_numbers_are_printed_in_their_cells(seed: str) -> None:
    report = AnnualReport.load(EXPECTED / f"{seed}.json")
    assert data_cells(parse(render_html(report))) == dict(report.cells())


def test_zero_is_printed_as_zero_and_fees_keep_their_decimals() -> None:
    report = blank_report().with_cell("table3.received.total", 0)
    report = report.with_cell("table2.fees", Decimal("0.35"))
    root = parse(render_html(report))
    cells = {td.get("data-cell"): td for td in root.iter("td") if td.get("data-cell")}
    assert cells["table3.received.total"].text_content() == "0"
    assert cells["table3.received.natural_person"].text_content() == ""
    assert "gk-null" in cells["table3.received.natural_person"].get("class")
    assert cells["table2.fees"].text_content() == "0.35"


def _grid(table: lxml.html.HtmlElement) -> list[list[str]]:
    """Expand rowspan/colspan into a grid of cell texts; fail on overlaps and ragged rows."""
    grid: dict[tuple[int, int], str] = {}
    rows = table.findall(".//tr")
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            while (r, c) in grid:
                c += 1
            for dr in range(int(cell.get("rowspan", "1"))):
                for dc in range(int(cell.get("colspan", "1"))):
                    assert (r + dr, c + dc) not in grid, f"overlap at {(r + dr, c + dc)}"
                    grid[(r + dr, c + dc)] = cell.text_content()
            c += int(cell.get("colspan", "1"))
    width = max(c for _, c in grid) + 1
    assert len(grid) == len(rows) * width, "ragged table"
    return [[grid[(r, c)] for c in range(width)] for r in range(len(rows))]


def test_tables_have_the_official_merged_layout() -> None:
    root = parse(render_html(blank_report()))
    t2, t3, t4 = (_grid(root.get_element_by_id(f"gk-table{n}")) for n in (2, 3, 4))

    assert len(t2[0]) == 4
    assert t2[0] == [s.TABLE2_BLOCKS[0].heading] * 4
    assert t2[1] == [s.TABLE2_CONTENT_HEADER, *(c.label for c in s.TABLE2_BLOCKS[0].columns)]
    assert t2[5] == [s.TABLE2_CONTENT_HEADER, *[s.TABLE2_BLOCKS[1].columns[0].label] * 3]

    note, applicants = s.TABLE3_IDENTITY_NOTE, s.TABLE3_APPLICANT_HEADER
    organisation = s.TABLE3_ORGANISATION_HEADER
    assert len(t3) == 3 + len(s.TABLE3_ROWS)
    assert t3[0] == [note] * 3 + [applicants] * 7
    assert t3[1] == [note] * 3 + ["自然人", *[organisation] * 5, "总计"]
    assert t3[2] == [note] * 3 + [c.label for c in s.TABLE3_COLUMNS]
    assert t3[3][:3] == [s.TABLE3_ROWS[0].label] * 3
    granted = 3 + s.TABLE3_ROW_BY_KEY["granted"].index
    total = 3 + s.TABLE3_ROW_BY_KEY["handled_total"].index
    assert {row[0] for row in t3[granted : total + 1]} == {s.TABLE3_RESULTS_GROUP.label}
    assert t3[granted][1:3] == [s.TABLE3_ROW_BY_KEY["granted"].label] * 2
    secret = 3 + s.TABLE3_ROW_BY_KEY["withheld.state_secret"].index
    assert t3[secret][:3] == [s.TABLE3_RESULTS_GROUP.label, "（三）不予公开", "1.属于国家秘密"]
    assert t3[-1][:3] == [s.TABLE3_ROW_BY_KEY["carried_forward"].label] * 3

    labels = [c.label for c in s.TABLE4_COLUMNS]
    assert t4[0] == ["行政复议"] * 5 + [s.TABLE4_LITIGATION_HEADER] * 10
    assert t4[1] == labels + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5
    assert t4[2] == labels * 3
    assert len(t4) == 4


def test_every_data_cell_is_associated_with_its_row_and_column_headers() -> None:
    root = parse(render_html(blank_report()))
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    for td in root.iter("td"):
        if not td.get("data-cell"):
            continue
        heads = [by_id[h] for h in td.get("headers").split()]
        assert all(h.tag == "th" for h in heads), td.get("data-cell")
    cell = root.xpath('//td[@data-cell="table3.withheld.state_secret.commercial"]')[0]
    assert [by_id[h].text_content() for h in cell.get("headers").split()] == [
        "申请人情况", "法人或其他组织", "商业企业",
        "三、本年度办理结果", "（三）不予公开", "1.属于国家秘密",
    ]  # fmt: skip
    cell = root.xpath('//td[@data-cell="table4.litigation_direct.pending"]')[0]
    assert [by_id[h].text_content() for h in cell.get("headers").split()] == [
        "行政诉讼", "未经复议直接起诉", "尚未审结",
    ]  # fmt: skip
    cell = root.xpath('//td[@data-cell="table2.regulations.made"]')[0]
    assert [by_id[h].text_content() for h in cell.get("headers").split()] == [
        "第二十条第（一）项", "本年制发件数", "规章",
    ]  # fmt: skip
    scopes = {th.get("scope") for th in root.iter("th")}
    assert scopes == {"col", "colgroup", "row", "rowgroup"}


def test_section_texts_become_escaped_paragraphs_before_the_tables() -> None:
    report = replace(
        blank_report(),
        sections={"1": "第一段。\n\n  第二段<script>。", "3": "本年新收申请10件。"},
    )
    html = render_html(report)
    assert "<script>" not in html
    root = parse(html)
    first = root.get_element_by_id("gk-section-1")
    assert [p.text_content() for p in first.iter("p")] == ["第一段。", "第二段<script>。"]
    third = root.get_element_by_id("gk-section-3")
    assert [el.tag for el in third] == ["h2", "p", "div"]  # the table in its scroll box
    assert [el.tag for el in third[2]] == ["table"]
    assert [el.tag for el in root.get_element_by_id("gk-section-5")] == ["h2"]


def test_fragment_is_one_article_and_the_page_carries_print_css() -> None:
    fragment = render_html(blank_report(), standalone=False)
    assert fragment.startswith('<article class="gk-report"')
    assert "<html" not in fragment and "<style>" not in fragment
    page = render_html(blank_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "@page" in page and "size: A4" in page


def test_two_fragments_with_their_own_prefixes_share_a_page_without_clashing_ids() -> None:
    report = blank_report()
    both = render_html(report, standalone=False, id_prefix="a") + render_html(
        report, standalone=False, id_prefix="b"
    )
    ids = [el.get("id") for el in lxml.html.fromstring(f"<div>{both}</div>").iter() if el.get("id")]
    assert len(ids) == len(set(ids))


def test_findings_are_listed_after_the_report() -> None:
    findings = [
        Finding(
            "T3.E001", Severity.ERROR, "表三“自然人”列：一加二为8，三加四为0。", hint="核对总计"
        ),
        Finding("NARR.W010", Severity.WARNING, "正文说13件，表三为10件。"),
    ]
    root = parse(render_html(blank_report(), findings=findings))
    items = root.get_element_by_id("gk-findings").findall(".//li")
    assert [li.text_content() for li in items] == [
        "错误 T3.E001 表三“自然人”列：一加二为8，三加四为0。 建议：核对总计",
        "警告 NARR.W010 正文说13件，表三为10件。",
    ]
    assert root.get_element_by_id("gk-report")[-1].get("id") == "gk-findings"


def test_no_findings_says_so_and_none_leaves_the_list_out() -> None:
    assert "未发现问题。" in render_html(blank_report(), findings=[])
    assert "gk-findings" not in render_html(blank_report(), standalone=False)


@settings(max_examples=30, deadline=None)
@given(consistent_reports())
def test_random_consistent_reports_print_every_number(report: AnnualReport) -> None:
    assert data_cells(parse(render_html(report, standalone=False))) == dict(report.cells())
