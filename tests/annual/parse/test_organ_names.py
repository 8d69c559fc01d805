"""Organ and year (issue 13, shape 4): the title's full name over a short form in the
body, the crawler's 发布机构 when the title has no organ, and a misread character flagged."""

from __future__ import annotations

from gongkai.annual.parse import parse_bytes


def _read(text: str) -> tuple[str | None, int | None, list[dict[str, object]]]:
    report = parse_bytes(text.encode("utf-8"), "样本.txt")
    return report.organ, report.year, list(report.diagnostics or ())


def test_the_titles_full_name_wins_over_the_short_form_in_the_body() -> None:
    organ, year, _ = _read(
        "某市科学技术委员会2024年政府信息公开工作年度报告\n一、总体情况\n"
        "2024年，某市科委认真做好政府信息公开工作。\n六、其他需要报告的事项\n无。\n某市科委\n"
    )
    assert (organ, year) == ("某市科学技术委员会", 2024)


def test_a_city_and_district_government_keeps_its_city() -> None:
    organ, _, _ = _read(
        "某某市某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n区政府依法公开。\n"
    )
    assert organ == "某某市某某区人民政府"


def test_without_an_organ_in_the_title_the_crawlers_publisher_names_it() -> None:
    organ, year, found = _read(
        "标题：2024年政府信息公开工作年度报告\n发布时间：2025-01-15\n发布机构：某某市某某区教育局\n"
        "2024年政府信息公开工作年度报告\n一、总体情况\n本局依法做好政府信息公开工作。\n"
    )
    assert (organ, year) == ("某某市某某区教育局", 2024)
    assert "ORGAN_SPELLING" not in {d["code"] for d in found}


def test_a_misread_character_is_kept_as_printed_and_flagged() -> None:
    organ, _, found = _read(
        "某某市某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n区政府依法公开。\n"
        "六、其他需要报告的事项\n无。\n某某市某菜区人民政府\n2025年3月20日\n"
    )
    assert organ == "某某市某某区人民政府"
    [flag] = [d for d in found if d["code"] == "ORGAN_SPELLING"]
    assert flag["spelling"] == "某某市某菜区人民政府"
    assert "有字不同" in str(flag["message"])


def test_an_organ_with_a_second_name_in_brackets_keeps_full_width_brackets() -> None:
    organ, _, found = _read(
        "某市人力资源和社会保障局(某市公务员局)2024年政府信息公开工作年度报告\n"
        "一、总体情况\n依法公开。\n某市人力资源和社会保障局（某市公务员局）\n2025年1月20日\n"
    )
    assert organ == "某市人力资源和社会保障局（某市公务员局）"
    assert "ORGAN_SPELLING" not in {d["code"] for d in found}


def test_the_signature_is_found_above_its_date_and_notes_in_brackets() -> None:
    organ, year, _ = _read(
        "2024年度政府信息公开工作年度报告\n一、总体情况\n本局依法做好政府信息公开工作。\n"
        "六、其他需要报告的事项\n无。\n某某县医疗保障局\n2025年1月20日\n（此件主动公开）\n"
        "【打印本页】 【关闭窗口】\n"
    )
    assert (organ, year) == ("某某县医疗保障局", 2024)


def test_a_title_about_the_work_situation_names_the_organ_before_guanyu() -> None:
    organ, year, _ = _read(
        "某市交通运输局关于2024年度政府信息公开工作情况的报告\n"
        "现将2024年度政府信息公开工作情况报告如下\n一、总体情况\n依法公开。\n"
    )
    assert (organ, year) == ("某市交通运输局", 2024)
    organ, year, _ = _read(
        "某市交通运输局关于印发2024年政府信息公开工作年度报告的通知\n一、总体情况\n依法公开。\n"
    )
    assert (organ, year) == ("某市交通运输局", 2024)


def test_a_title_wrapped_inside_the_organs_name_is_read_whole() -> None:
    organ, year, _ = _read(
        "某某市发展和改革\n委员会2024年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n"
    )
    assert (organ, year) == ("某某市发展和改革委员会", 2024)
    organ, _, _ = _read(
        "某某市人民政府门户网站\n国家某某局2024年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n"
    )
    assert organ == "国家某某局"


def test_a_shortened_publisher_field_gives_way_to_the_signatures_full_name() -> None:
    organ, _, _ = _read(
        "发布机构：某某市发改委\n2024年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n"
        "某某市发展和改革委员会\n2025年1月15日\n"
    )
    assert organ == "某某市发展和改革委员会"


def test_the_signature_is_found_among_the_pages_furniture_and_without_its_seal_note() -> None:
    for tail in (
        "某市某局\n2025年1月20日\n责任编辑：张三\n【打印】【关闭】\n扫一扫在手机打开当前页\n",
        "某市某局（盖章）\n2025年1月20日\n",
        "某市某局\n二〇二五年一月二十日\n附件：\n",
        "某市某局 2025年1月20日 （此件公开发布）\n",
        "某市某局\n2025年1月20日\n相关附件\n1.2024年政府信息公开工作年度报告（PDF版）\n",
    ):
        organ, year, _ = _read(
            "2024年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n"
            "六、其他需要报告的事项\n无。\n" + tail
        )
        assert (organ, year) == ("某市某局", 2024), tail


def test_a_publisher_that_is_another_organ_gives_way_to_the_signature() -> None:
    organ, _, _ = _read(
        "发布机构：某某市某某区人民政府办公室\n2024年政府信息公开工作年度报告\n一、总体情况\n"
        "依法公开。\n某某市某某区司法局\n2025年1月15日\n"
    )
    assert organ == "某某市某某区司法局"


def test_a_town_signing_with_its_name_is_its_government() -> None:
    organ, _, _ = _read(
        "2024年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n某县某镇\n2025年1月15日\n"
    )
    assert organ == "某县某镇人民政府"


def test_a_misread_place_is_flagged_when_the_signature_leaves_out_the_city() -> None:
    organ, _, found = _read(
        "某市柘川县民政局2024年政府信息公开工作年度报告\n一、总体情况\n依法公开。\n"
        "六、其他需要报告的事项\n无。\n拓川县民政局\n2025年1月20日\n"
    )
    assert organ == "某市柘川县民政局"
    [flag] = [d for d in found if d["code"] == "ORGAN_SPELLING"]
    assert flag["spelling"] == "拓川县民政局"


def test_a_misread_place_is_flagged_when_the_body_spells_it_otherwise() -> None:
    organ, _, found = _read(
        "某市柘川县民政局2024年政府信息公开工作年度报告\n一、总体情况\n"
        "2024年，拓川县民政局依法公开。\n六、其他需要报告的事项\n拓川县民政局未收取信息处理费。\n"
    )
    assert organ == "某市柘川县民政局"
    [flag] = [d for d in found if d["code"] == "ORGAN_SPELLING"]
    assert flag["spelling"] == "某市拓川县民政局"


def test_a_neighbouring_place_named_in_the_body_is_not_a_misreading() -> None:
    _, _, found = _read(
        "某市云溪区司法局2024年政府信息公开工作年度报告\n一、总体情况\n"
        "2024年，云溪区司法局与云河区司法局开展交流，云溪区司法局依法公开，云河区派员参加。\n"
        "六、其他需要报告的事项\n无。\n某市云溪区司法局\n2025年1月20日\n"
    )
    assert "ORGAN_SPELLING" not in {d["code"] for d in found}


def test_the_fixture_whose_title_misreads_a_place_is_flagged_with_the_bodys_spelling() -> None:
    from tests.conftest import FIXTURES

    name = "misread_place_in_title_body_spells_it_otherwise_no_signature"
    report = parse_bytes((FIXTURES / "organs" / f"{name}.txt").read_bytes(), f"{name}.txt")
    assert report.organ == "青禾市湄源县农业农村局"
    [flag] = [d for d in report.diagnostics or () if d["code"] == "ORGAN_SPELLING"]
    assert flag["spelling"] == "青禾市湄原县农业农村局"


def test_a_page_flattened_to_one_line_names_its_organ() -> None:
    """A crawler's one-line page: the signature before the page's buttons on the same
    line, the 发布机构 value run into the next field, a title without a year among the
    words."""
    body = (
        " 一、总体情况 2024年，本局依法公开。二、主动公开政府信息情况 六、其他需要报告的事项 "
        "本年度未收取信息处理费。"
    )
    organ, year, _ = _read(
        "当前位置：首页 > 年报 2024年政府信息公开工作年度报告"
        + body
        + " 某市某区某局 2025年1月20日 分享到： 打印本页 关闭窗口"
    )
    assert (organ, year) == ("某市某区某局", 2024)
    organ, _, _ = _read(
        "标题:2024年政府信息公开工作年度报告发布时间:2025-01-20发布机构:某市某区某局原文链接:"
        "https://www.example.gov.cn/a.html 2024年政府信息公开工作年度报告" + body
    )
    assert organ == "某市某区某局"
    organ, year, _ = _read("首页 > 年报 某市某区某局政府信息公开工作年度报告" + body)
    assert (organ, year) == ("某市某区某局", 2024)


def test_a_flattened_title_run_into_the_text_after_the_sites_menu() -> None:
    body = (
        "本报告根据《中华人民共和国政府信息公开条例》编制。 一、总体情况 2024年，本局依法公开。"
        "二、主动公开政府信息情况 六、其他需要报告的事项 本年度未收取信息处理费。"
    )
    menu = "首页\n政务公开\n政策文件\n互动交流\n办事服务\n"
    organ, year, _ = _read(
        menu + "当前位置：首页 > 年报 某市某区某局2024年政府信息公开工作年度报告" + body
    )
    assert (organ, year) == ("某市某区某局", 2024)
    organ, year, _ = _read(
        menu
        + "当前位置：首页>年报全真版文字版文件下载某市某区某局2024年政府信息公开工作年度报告"
        + body
    )
    assert (organ, year) == ("某市某区某局", 2024)


def test_the_pages_own_title_names_the_organ_when_the_article_title_does_not() -> None:
    text = "一、总体情况\n依法公开。\n六、其他需要报告的事项\n无。\n"
    organ, _, _ = _read(
        "某市某局2024年政府信息公开工作年度报告-某市人民政府门户网站\n首页\n"
        "2024年政府信息公开工作年度报告\n" + text
    )
    assert organ == "某市某局"
    organ, _, _ = _read(
        "某市某局2023年政府信息公开工作年度报告\n2024年政府信息公开工作年度报告\n" + text
    )
    assert organ is None  # another year's report is another report


def test_a_sidebar_of_other_organs_reports_does_not_name_the_organ() -> None:
    organ, _, _ = _read(
        "某市人民政府门户网站\n部门年报\n某市甲局2024年政府信息公开工作年度报告\n"
        "某市乙局2024年政府信息公开工作年度报告\n2024年政府信息公开工作年度报告\n"
        "一、总体情况\n依法公开。\n六、其他需要报告的事项\n无。\n"
    )
    assert organ is None
