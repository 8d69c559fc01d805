"""The organ named only in the page's furniture: a report titled ``2025年政府信息公开工作年度报告``,
signed ``本局`` or ``本机关``, on a page whose breadcrumb channel, footer ``主办单位`` or site
name above the title names the organ. Read last, as the site's word (``ORGAN_FROM_PUBLISHER``);
never a technical host or company (``承办单位``, ``技术支持``), a site code or ICP number, a
people's government's portal owner (it hosts every department's reports), nor an organ
the report's own words deny (``我局`` is not a 委员会)."""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

TITLE = "2025年政府信息公开工作年度报告\n"


def _body(own: str = "我局") -> str:
    return (
        f"一、总体情况\n2025年，{own}认真落实《中华人民共和国政府信息公开条例》，做好公开工作。\n"
        "二、主动公开政府信息情况\n本年制发规范性文件3件。\n"
        "五、存在的主要问题及改进情况\n公开质量还需提高。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )


def _read(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "年报.txt")


def _notes(report: AnnualReport, code: str) -> list[dict[str, object]]:
    return [d for d in report.diagnostics or () if d["code"] == code]


def _organ_and_field(report: AnnualReport) -> tuple[str | None, object]:
    notes = _notes(report, "ORGAN_FROM_PUBLISHER")
    return report.organ, notes[0].get("field") if len(notes) == 1 else None


def test_the_footers_host_names_the_organ_its_full_name_in_brackets_preferred() -> None:
    report = _read(
        f"首页 > 信息公开 > 年度报告\n{TITLE}{_body('本局')}本局\n2026年1月\n"
        "网站标识码：3612000031 主办单位：临川区司法局（样例市临川区司法局） 地址：府前路8号\n"
    )
    assert _organ_and_field(report) == ("样例市临川区司法局", "主办单位")
    assert report.year == 2025
    message = str(_notes(report, "ORGAN_FROM_PUBLISHER")[0]["message"])
    assert "主办单位" in message and "请核对" in message


def test_a_second_name_in_brackets_after_the_host_is_kept() -> None:
    report = _read(
        f"{TITLE}{_body()}本局\n2026年1月20日\n主办单位：样例市卫生健康局（样例市中医药管理局）\n"
    )
    assert report.organ == "样例市卫生健康局（样例市中医药管理局）"


def test_a_host_named_before_its_word_names_the_organ() -> None:
    for footer in ("样例市样例区财政局主办 样例市大数据中心承办", "本网站由样例市样例区财政局主办"):
        report = _read(f"{TITLE}{_body()}本局\n2026年1月20日\n{footer}\n")
        assert _organ_and_field(report) == ("样例市样例区财政局", "主办单位"), footer


def test_the_breadcrumbs_department_channel_names_the_organ() -> None:
    report = _read(
        "您当前的位置：首页>>部门频道>>样例市临川区医疗保障局>>法定主动公开内容>>政府信息公开年报\n"
        f"{TITLE}{_body()}本局\n2026年1月13日\n"
    )
    assert _organ_and_field(report) == ("样例市临川区医疗保障局", "当前位置")


def test_the_breadcrumbs_bureau_over_the_county_portals_owner() -> None:
    report = _read(
        "样例县人民政府门户网站\n当前位置：首页 > 政务公开 > 县直部门 > 样例县交通运输局 > 年度报告\n"
        f"{TITLE}{_body()}本局\n2026年1月13日\n"
        "主办单位：样例县人民政府办公室 版权所有：样例县人民政府 技术支持：样例信息技术有限公司\n"
    )
    assert _organ_and_field(report) == ("样例县交通运输局", "当前位置")


def test_a_group_channel_of_the_breadcrumb_is_no_organ() -> None:
    report = _read(f"当前位置：首页 > 信息公开 > 乡镇街道 > 年度报告\n{TITLE}{_body('本单位')}")
    assert report.organ is None
    assert _notes(report, "ORGAN_NOT_FOUND")


def test_the_site_name_above_the_title_names_the_organ() -> None:
    report = _read(
        "样例市临川区发展和改革委员会网站 | 政府信息公开专栏\n首页 > 年度报告\n"
        f"{TITLE}{_body('我委')}本机关\n2026年1月21日\n"
    )
    assert _organ_and_field(report) == ("样例市临川区发展和改革委员会", "网站名称")


def test_technical_hosts_companies_site_codes_and_icp_numbers_are_never_the_organ() -> None:
    report = _read(
        f"{TITLE}{_body('本单位')}2026年1月20日\n"
        "承办单位：样例市样例区大数据发展中心\n技术支持：样例市样例科技有限公司\n"
        "网站标识码：3301000001\n浙ICP备12345678号\n版权所有：样例市样例区人民政府\n"
    )
    assert report.organ is None
    assert _notes(report, "ORGAN_NOT_FOUND")
    assert not _notes(report, "ORGAN_FROM_PUBLISHER")


def test_a_peoples_governments_portal_owner_is_not_a_bureaus_organ() -> None:
    for own in ("我局", "本单位"):
        report = _read(
            f"样例县人民政府门户网站\n{TITLE}{_body(own)}2026年1月20日\n"
            "主办单位：样例县人民政府办公室\n"
        )
        assert report.organ is None, own


def test_an_organ_the_reports_own_words_deny_is_passed_over() -> None:
    report = _read(
        f"样例市样例区卫生健康委员会网站\n{TITLE}{_body('我委')}2026年1月20日\n"
        "主办单位：样例市样例区财政局\n"
    )
    assert report.organ == "样例市样例区卫生健康委员会"  # 我委: not the 局 hosting it


def test_two_hosts_name_no_organ() -> None:
    report = _read(f"{TITLE}{_body('本单位')}2026年1月20日\n主办单位：样例县财政局 样例县税务局\n")
    assert report.organ is None


def test_the_furniture_is_not_read_when_the_signature_names_the_organ() -> None:
    report = _read(
        "您当前的位置：首页>>部门频道>>样例市样例区教育局>>年报\n"
        f"{TITLE}{_body()}样例市样例区民政局\n2026年1月20日\n主办单位：样例市样例区教育局\n"
    )
    assert report.organ == "样例市样例区民政局"
    assert not _notes(report, "ORGAN_FROM_PUBLISHER")


def test_a_breadcrumbs_organ_without_its_place_takes_the_portal_owners() -> None:
    for channel, organ in (
        ("医疗保障局", "样例县医疗保障局"),
        ("县医保局", "样例县医保局"),
        ("市场监督管理局", "样例县市场监督管理局"),
    ):
        report = _read(
            f"样例县人民政府门户网站\n当前位置：首页 - 部门信息 - {channel} - 年报\n"
            f"{TITLE}{_body()}本局\n2026年1月13日\n"
        )
        assert _organ_and_field(report) == (organ, "当前位置"), channel


def test_a_breadcrumbs_organ_without_any_place_named_is_not_read() -> None:
    report = _read(
        f"当前位置：首页 > 部门 > 医疗保障局 > 年报\n{TITLE}{_body()}本局\n2026年1月13日\n"
    )
    assert report.organ is None


def test_the_sites_owner_before_its_columns_name_names_the_organ() -> None:
    report = _read(
        "样例区自然资源和规划局 政府信息公开专栏 | 首页 | 机构概况 | 年度报告\n"
        f"{TITLE}{_body('本局')}\n相关链接：区政府门户网站 | 市自然资源和规划局\n"
    )
    assert _organ_and_field(report) == ("样例区自然资源和规划局", "网站名称")


def test_a_line_of_the_pages_links_after_the_report_does_not_sign_it() -> None:
    report = _read(f"{TITLE}{_body('本单位')}\n相关链接：区政府门户网站 | 市自然资源和规划局\n")
    assert report.organ is None


def test_the_office_that_published_the_report_in_brackets_after_the_signer_is_no_second_name() -> (
    None
):
    report = _read(
        f"{TITLE}{_body('本局')}\n样例市公安局样例区分局（政务公开办公室）\n2026年1月16日\n"
    )
    assert report.organ == "样例市公安局样例区分局"
    assert not _notes(report, "ORGAN_FROM_PUBLISHER")


def test_the_pages_own_title_at_the_breadcrumbs_end_names_the_organ_of_its_year() -> None:
    crumb = "样例县人民政府门户网站\n当前位置：首页 > 年报 > 样例县财政局{year}年政府信息公开工作年度报告\n"
    report = _read(f"{crumb.format(year=2025)}{TITLE}{_body()}本局\n2026年1月20日\n")
    assert _organ_and_field(report) == ("样例县财政局", "当前位置")
    report = _read(f"{crumb.format(year=2024)}{TITLE}{_body()}本局\n2026年1月20日\n")
    assert report.organ is None  # another year's report is another report


def test_a_sentence_of_the_text_naming_who_hosted_an_event_is_no_host() -> None:
    report = _read(
        f"{TITLE}{_body('本单位')}全年参加由样例县委宣传部主办 的培训2次。\n2026年1月20日\n"
    )
    assert report.organ is None


def test_the_note_quotes_the_host_as_the_page_prints_it() -> None:
    report = _read(
        f"{TITLE}{_body()}本局\n2026年1月20日\n主办单位：样例区司法局（样例市样例区司法局）\n"
    )
    message = str(_notes(report, "ORGAN_FROM_PUBLISHER")[0]["message"])
    assert "“主办单位：样例区司法局（样例市样例区司法局）”" in message
    assert "“样例市样例区司法局”" in message


def test_a_schools_report_on_its_bureaus_site_is_not_the_bureaus() -> None:
    footer = "主办单位：样例县教育局 地址：样例县府前路1号\n"
    report = _read(f"{TITLE}{_body('我校')}2026年1月20日\n{footer}")
    assert report.organ is None
    report = _read(f"{TITLE}{_body('本机关')}2026年1月20日\n{footer}")
    assert report.organ == "样例县教育局"
