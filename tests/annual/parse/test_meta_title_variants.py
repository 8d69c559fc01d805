"""Organ and year of a second red team: titles as sites, converters and organs print them
(a column's name before the title, the organ after the year or after a dash, a scope note
after the organ, a place left out of the title, a year typed with a digit zero, titles
only in the crawler's ``标题：`` field, traditional characters), each against the organ
and year a reader of the report would write down."""

from __future__ import annotations

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes, parse_file
from gongkai.annual.parse.meta import arabic_years
from tests.conftest import FIXTURES

BODY = (
    "\n一、总体情况\n{overview}\n二、主动公开政府信息情况\n详见下表。\n"
    "三、收到和处理政府信息公开申请情况\n详见下表。\n四、政府信息公开行政复议、行政诉讼情况\n"
    "未发生。\n五、存在的主要问题及改进情况\n信息公开的及时性还有差距。\n"
    "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
)
OVERVIEW = "本机关坚持以公开为常态、不公开为例外。"


def _codes(report: object) -> set[str]:
    return {str(d["code"]) for d in getattr(report, "diagnostics", None) or ()}


def _parse(head: str, overview: str = OVERVIEW, tail: str = "") -> AnnualReport:
    """A report of ``head`` (title and what a page prints above it), the six sections'
    bare text with ``overview`` opening the first, and ``tail`` (signature and date)."""
    text = head + BODY.format(overview=overview or OVERVIEW) + tail
    return parse_bytes(text.encode("utf-8"), "年报.txt")


VARIANTS = [
    pytest.param(
        "某县财政局2023年度政府信息\n公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="split_two_lines_mid_words",
    ),
    pytest.param(
        "政府信息公开年报 > 某县财政局2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="column_prefix_gt",
    ),
    pytest.param(
        "首页>>政务公开>>政府信息公开年报>>某县财政局2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="column_prefix_double_gt",
    ),
    pytest.param(
        "2023年度某县财政局政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="year_before_organ",
    ),
    pytest.param(
        "关于某县财政局2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="guanyu_organ",
    ),
    pytest.param(
        "某县人民政府办公室2023年政府信息公开工作年度报告",
        "",
        "\n某县人民政府办公室\n2024年1月20日\n",
        "某县人民政府办公室",
        2023,
        id="govt_office",
    ),
    pytest.param(
        "某市高新技术产业开发区管理委员会2023年政府信息公开工作年度报告",
        "",
        "\n某市高新技术产业开发区管理委员会\n2024年1月20日\n",
        "某市高新技术产业开发区管理委员会",
        2023,
        id="zone_committee",
    ),
    pytest.param(
        "某区青石街道办事处2023年政府信息公开工作年度报告",
        "",
        "\n青石街道办事处\n2024年1月20日\n",
        "某区青石街道办事处",
        2023,
        id="street_office",
    ),
    pytest.param(
        "青石街道2023年政府信息公开工作年度报告",
        "",
        "\n青石街道办事处\n2024年1月20日\n",
        "青石街道办事处",
        2023,
        id="street_alone",
    ),
    pytest.param(
        "某县柳河乡人民政府2023年政府信息公开工作年度报告",
        "",
        "\n柳河乡人民政府\n2024年1月20日\n",
        "某县柳河乡人民政府",
        2023,
        id="township_gov",
    ),
    pytest.param(
        "柳河乡2023年政府信息公开工作年度报告",
        "",
        "\n柳河乡人民政府\n2024年1月20日\n",
        "柳河乡人民政府",
        2023,
        id="township_alone",
    ),
    pytest.param(
        "中共某县委宣传部 某县人民政府新闻办公室2023年政府信息公开工作年度报告",
        "",
        "\n中共某县委宣传部\n某县人民政府新闻办公室\n2024年1月20日\n",
        "中共某县委宣传部",
        2023,
        id="party_joint",
    ),
    pytest.param(
        "标题:某县财政局2023年政府信息公开工作年度报告\n发布时间:2024-01-20\n发布机构:某县财政局\n原文链接:https://www.example.gov.cn/a.html\n当前位置：首页 > 政务公开 > 年报\n全真版 文字版 文件下载",
        "",
        "",
        "某县财政局",
        2023,
        id="crawler_title_only",
    ),
    pytest.param(
        "标题:某县财政局政府信息公开工作年度报告\n发布时间:2024-01-25\n发布机构:某县财政局\n原文链接:https://www.example.gov.cn/a.html\n某县财政局政府信息公开工作年度报告",
        "本年度，本局坚持以公开为常态。",
        "",
        "某县财政局",
        2023,
        id="benniandu_header_date",
    ),
    pytest.param(
        "某县财政局２０２３年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="fullwidth_digits",
    ),
    pytest.param(
        "某縣財政局2023年度政府資訊公開工作年度報告",
        "",
        "\n某縣財政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="traditional",
    ),
    pytest.param(
        "某县财政局二0二三年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="mixed_zero_chinese_year",
    ),
    pytest.param(
        "某县财政局政府信息公开工作年度报告",
        "本局对照2022年度报告查找不足，2022年12月出台制度，2021年、2022年分别修订目录，2022年底完成清理。",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="earlier_years_more",
    ),
    pytest.param(
        "某县财政局政府信息公开工作年度报告（2023）",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="bracket_year_short",
    ),
    pytest.param(
        "《某县财政局2023年政府信息公开工作年度报告》",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="book_title_marks",
    ),
    pytest.param(
        "[2024-01-20] 某县财政局2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="date_prefixed",
    ),
    pytest.param(
        "某 县 财 政 局 2023 年 政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="spaced_title",
    ),
    pytest.param(
        "某市人民政府2023年政府信息公开工作年度报告",
        "",
        "\n某市人民政府办公室\n2024年3月20日\n",
        "某市人民政府",
        2023,
        id="city_govt",
    ),
    pytest.param(
        "某县财政局2023年度政府信息公开工作报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="year_after_organ_du",
    ),
    pytest.param(
        "某縣財政局二〇二三年度政府信息公開工作年度報告",
        "",
        "\n某縣財政局\n二〇二四年一月二十日\n",
        "某县财政局",
        2023,
        id="trad_year_chinese",
    ),
    pytest.param(
        "中共某县委员会办公室2023年政府信息公开工作年度报告",
        "",
        "\n中共某县委员会办公室\n2024年1月20日\n",
        "中共某县委员会办公室",
        2023,
        id="party_committee_office",
    ),
    pytest.param(
        "某县教育局（含局属单位）2023年政府信息公开工作年度报告",
        "",
        "\n某县教育局\n2024年1月20日\n",
        "某县教育局",
        2023,
        id="bureau_and_units",
    ),
    pytest.param(
        "某市某区\n人民政府2023年政府信息公开工作年度报告",
        "",
        "\n某市某区人民政府\n2024年3月20日\n",
        "某市某区人民政府",
        2023,
        id="title_two_lines_year_second",
    ),
    pytest.param(
        "2023年某县财政局的政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="organ_after_year_with_de",
    ),
    pytest.param(
        "2019年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2020年1月20日\n",
        "某县财政局",
        2019,
        id="signature_only_2019",
    ),
    pytest.param(
        "县财政局2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="short_title_name_sig_full",
    ),
    pytest.param(
        "标题:某县财政局2023年政府信息公开工作年度报告\n发布时间:2024-01-20\n发布机构:某县人民政府\n某县财政局政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="header_year_body_no_year",
    ),
    pytest.param(
        "标题:某县财政局2023年政府信息公开工作年度报告\n发布时间:2024-01-20\n发布机构:某县人民政府\n2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="header_organ_body_no_organ",
    ),
    pytest.param(
        "標題:某縣財政局2023年度政府信息公開工作年度報告\n發布時間:2024-01-20\n發布機構:某縣財政局\n原文鏈接:https://www.example.gov.cn/a.html",
        "",
        "",
        "某县财政局",
        2023,
        id="trad_crawled",
    ),
    pytest.param(
        "標題:某縣財政局2023年度政府信息公開工作年度報告\n發布時間:2024-01-20",
        "",
        "",
        "某县财政局",
        2023,
        id="trad_header_only",
    ),
    pytest.param(
        "2023年度青石街道政府信息公开工作年度报告",
        "",
        "\n青石街道办事处\n2024年1月20日\n",
        "青石街道办事处",
        2023,
        id="year_first_street",
    ),
    pytest.param(
        "某市某区发展和\n改革局2023年度政府信息公开\n工作年度报告",
        "",
        "",
        "某市某区发展和改革局",
        2023,
        id="three_lines_organ_split",
    ),
    pytest.param(
        "某县柳河镇人民政府关于2023年度政府信息公开工作的报告",
        "",
        "",
        "某县柳河镇人民政府",
        2023,
        id="town_guanyu_de_baogao",
    ),
    pytest.param(
        "某县财政局2023年度政府信息公开工作年度报告\n（2024年1月20日）",
        "",
        "",
        "某县财政局",
        2023,
        id="subtitle_date",
    ),
    pytest.param(
        "当前位置：首页 > 政府信息公开 > 年度报告 > 2022年\n某县财政局2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="breadcrumb_year",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告 发布时间：2024-01-20 来源：某县财政局",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="flat_line_fields",
    ),
    pytest.param(
        "标题:某县财政局政府信息公开工作年度报告\n发布时间:2024-03-25\n某县财政局政府信息公开工作年度报告",
        "2023年，本局坚持以公开为常态。",
        "",
        "某县财政局",
        2023,
        id="benben_published_late",
    ),
    pytest.param(
        "某县财政局二O二三年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年8月20日\n",
        "某县财政局",
        2023,
        id="title_year_O_letter",
    ),
    pytest.param(
        "某县财政局二0二三年度政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年8月20日\n",
        "某县财政局",
        2023,
        id="title_year_zero_digit_late_pub",
    ),
    pytest.param(
        "某县卫生健康局（本级）2023年政府信息公开工作年度报告",
        "",
        "\n某县卫生健康局\n2024年1月20日\n",
        "某县卫生健康局",
        2023,
        id="bureau_benji",
    ),
    pytest.param(
        "某县教育局及所属单位2023年政府信息公开工作年度报告",
        "",
        "\n某县教育局\n2024年1月20日\n",
        "某县教育局",
        2023,
        id="and_subordinate",
    ),
    pytest.param(
        "中共某县县委办公室、某县人民政府办公室2023年政府信息公开工作年度报告",
        "",
        "",
        "中共某县县委办公室",
        2023,
        id="party_joint_same_line_title_dun",
    ),
    pytest.param(
        "某县财政局\n2023年度政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="no_heading_hash",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告-某县人民政府网",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="ganzhou_style_dash",
    ),
    pytest.param(
        "某某市2023年政府信息公开工作年度报告",
        "",
        "\n某某市人民政府办公室\n2024年3月20日\n",
        "某某市人民政府",
        2023,
        id="county_level_city",
    ),
    pytest.param(
        "某县人民政府门户网站\n某县财政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="title_with_banner_above",
    ),
    pytest.param(
        "自然资源部2023年政府信息公开工作年度报告", "", "", "自然资源部", 2023, id="ministry"
    ),
    pytest.param(
        "某省交通运输厅2023年政府信息公开工作年度报告",
        "",
        "",
        "某省交通运输厅",
        2023,
        id="provincial_dept",
    ),
    pytest.param(
        "中国人民银行某市分行2023年政府信息公开工作年度报告",
        "",
        "",
        "中国人民银行某市分行",
        2023,
        id="banner_bank",
    ),
    pytest.param(
        "某县财政局2023年\n政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="split_after_year",
    ),
    pytest.param(
        "某县财政局2023年度政府信息公开\n工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="split_after_gongkai",
    ),
    pytest.param(
        "二〇二三年度某县财政局政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="chinese_year_first",
    ),
    pytest.param(
        "政府信息公开年报：某县财政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="colon_prefix",
    ),
    pytest.param(
        "【政府信息公开年报】某县财政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="black_bracket_prefix",
    ),
    pytest.param(
        "年报专栏 某县财政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="space_prefix",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告（文字版）",
        "",
        "",
        "某县财政局",
        2023,
        id="wenziban_suffix",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告 (某县财政局)",
        "",
        "",
        "某县财政局",
        2023,
        id="organ_after_half_space",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告——某县财政局",
        "",
        "",
        "某县财政局",
        2023,
        id="organ_after_dash",
    ),
    pytest.param(
        "2023年度政府信息公开工作年度报告\n某县财政局\n2024年1月",
        "",
        "",
        "某县财政局",
        2023,
        id="organ_line_below_title_and_date",
    ),
    pytest.param(
        "某市高新区2023年政府信息公开工作年度报告",
        "",
        "\n某市高新区管委会\n2024年1月20日\n",
        "某市高新区管委会",
        2023,
        id="zone_short",
    ),
    pytest.param(
        "标题:2023年政府信息公开工作年度报告\n发布机构:县财政局\n2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="publisher_short_sig_full_no_title_organ",
    ),
    pytest.param(
        "区教育局2023年度政府信息公开工作年度报告",
        "2023年，某市某区教育局坚持公开。某市某区教育局持续推进。",
        "",
        "某市某区教育局",
        2023,
        id="title_short_district_bureau",
    ),
    pytest.param(
        "２０２３年度政府信息公开工作年度报告（某县财政局）",
        "",
        "",
        "某县财政局",
        2023,
        id="fullwidth_year_organ_after",
    ),
    pytest.param(
        "某縣財政局2023年度政務公開年報", "", "", "某县财政局", 2023, id="nianbao_traditional_du"
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局（盖章）\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="sig_with_seal_word",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告",
        "",
        "\n某县财政局 2024年1月20日\n",
        "某县财政局",
        2023,
        id="sig_and_date_one_line",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告",
        "",
        "\n                                某县财政局\n                          2024年1月20日\n",
        "某县财政局",
        2023,
        id="sig_right_aligned_spaces",
    ),
    pytest.param(
        "某县财政局2020年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2020,
        id="trial_title_2020",
    ),
    pytest.param(
        "某县人民政府某某街道办事处2023年政府信息公开工作年度报告",
        "",
        "",
        "某县人民政府某某街道办事处",
        2023,
        id="village_committee_office",
    ),
    pytest.param(
        "（某县财政局）2023年度政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="organ_in_brackets_before",
    ),
    pytest.param(
        "[某县财政局]2023年度政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="organ_in_square_brackets_before",
    ),
    pytest.param(
        "某县财政局2023政府信息公开工作年度报告", "", "", "某县财政局", 2023, id="no_nian_char"
    ),
    pytest.param(
        "2023年度 | 某县财政局政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="year_dash_title",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告\n相关阅读\n某县财政局2022年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="two_titles_page_then_article_other_year_sidebar",
    ),
    pytest.param(
        "某县财政局2023年度政府信息公开工作年度报告（2023年度）",
        "",
        "",
        "某县财政局",
        2023,
        id="year_in_title_xx_nian_du_duplicated",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告\n某财发〔2024〕3号",
        "",
        "",
        "某县财政局",
        2023,
        id="title_then_wenhao",
    ),
    pytest.param(
        "某财发〔2024〕3号\n某县财政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="wenhao_before",
    ),
    pytest.param(
        "索引号：11330000002482020X/2024-00012\n发布机构：某县财政局\n成文日期：2024-01-20\n标题：某县财政局2023年政府信息公开工作年度报告\n发文字号：无",
        "",
        "",
        "某县财政局",
        2023,
        id="suoyinhao_header",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告——某县人民政府门户网站",
        "",
        "\n某县财政局\n2024年1月20日\n",
        "某县财政局",
        2023,
        id="site_name_after_a_dash_is_no_organ",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告——某市人力资源和社会保障局（某市公务员局）",
        "",
        "",
        "某市人力资源和社会保障局（某市公务员局）",
        2023,
        id="organ_with_second_name_after_a_dash",
    ),
    pytest.param(
        "某区青石街道2023年政府信息公开工作年度报告",
        "",
        "",
        "某区青石街道办事处",
        2023,
        id="district_street_alone",
    ),
    pytest.param(
        "某县青石镇2023年政府信息公开工作年度报告",
        "",
        "",
        "某县青石镇人民政府",
        2023,
        id="county_town_alone",
    ),
    pytest.param(
        "某县柳河乡2023年度政府信息公开工作年度报告",
        "",
        "",
        "某县柳河乡人民政府",
        2023,
        id="county_xiang_alone",
    ),
    pytest.param(
        "某县柳河回族乡人民政府2023年政府信息公开工作年度报告",
        "",
        "",
        "某县柳河回族乡人民政府",
        2023,
        id="ethnic_township",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告",
        "",
        "\n青石街道办事处\n2024年1月20日\n",
        "青石街道办事处",
        2023,
        id="street_sig_short",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告",
        "",
        "\n青石镇人民政府\n2024年1月20日\n",
        "青石镇人民政府",
        2023,
        id="town_sig_alone",
    ),
    pytest.param(
        "2023年政府信息公开工作年度报告",
        "",
        "\n某市云溪区\n财政局\n2024年1月20日\n",
        "某市云溪区财政局",
        2023,
        id="sig_with_city_district_two_lines",
    ),
    pytest.param(
        "某縣財政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="title_organ_traditional_chars_partial",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告 2024-01-20",
        "",
        "",
        "某县财政局",
        2023,
        id="title_and_date_same_line",
    ),
    pytest.param(
        "某县财政局2023年政府信息公开工作年度报告 浏览次数：123",
        "",
        "",
        "某县财政局",
        2023,
        id="title_with_views",
    ),
    pytest.param(
        "某县财政局2024年政府信息公开工作年度报告",
        "2024年，本局较2023年多公开信息30条，2023年度报告提出的问题已整改，2023年12月起实行新制度，2023年。",
        "\n某县财政局\n2025年1月20日\n",
        "某县财政局",
        2024,
        id="title_year_2024_pub_2025_body_2023_compare",
    ),
    pytest.param(
        "某县财政局2023年度政府信息公开工作年度报告（修订版）",
        "",
        "",
        "某县财政局",
        2023,
        id="revised",
    ),
    pytest.param(
        "关于公布《某县财政局2023年度政府信息公开工作年度报告》的通知",
        "",
        "",
        "某县财政局",
        2023,
        id="notice_book_marks",
    ),
    pytest.param(
        "公告：某县财政局2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="gonggao_prefix",
    ),
    pytest.param(
        "某县人民政府办公室关于印发某县财政局2023年政府信息公开工作年度报告的通知",
        "",
        "",
        "某县财政局",
        2023,
        id="office_issues_bureau_report",
    ),
    pytest.param(
        "某县财政局2023年度（2023年1月1日至12月31日）政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="title_year_range_du",
    ),
    pytest.param(
        "某县财政局\n（某县国有资产监督管理局）\n2023年政府信息公开工作年度报告",
        "",
        "",
        "某县财政局（某县国有资产监督管理局）",
        2023,
        id="two_line_organ_and_bracket",
    ),
    pytest.param(
        "中共某县纪律检查委员会 某县监察委员会2023年政府信息公开工作年度报告",
        "",
        "",
        "中共某县纪律检查委员会",
        2023,
        id="party_org_joint_title",
    ),
    pytest.param(
        "某县财政局2023年度政府信息公开工作的年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="words_gongzuo_de_niandu_baogao",
    ),
    pytest.param(
        "某县财政局2O23年政府信息公开工作年度报告", "", "", "某县财政局", 2023, id="year_letter_o"
    ),
    pytest.param(
        "某县财政局2o23年度政府信息公开工作年度报告",
        "",
        "",
        "某县财政局",
        2023,
        id="year_small_letter_o",
    ),
    pytest.param(
        "某县延年镇人民政府2023年政府信息公开工作年度报告",
        "",
        "",
        "某县延年镇人民政府",
        2023,
        id="town_name_with_nian",
    ),
    pytest.param(
        "某市公安局交通警察支队第二大队2023年度政府信息公开工作年度报告",
        "",
        "",
        "某市公安局交通警察支队第二大队",
        2023,
        id="brigade_with_numerals",
    ),
    pytest.param(
        "某 县 财 政 局 2 0 2 3 年 政 府 信 息 公 开 工 作 年 度 报 告",
        "",
        "",
        "某县财政局",
        2023,
        id="letter_spaced_title",
    ),
    pytest.param(
        "某县人民政府关于某县2023年政府信息公开工作年度报告",
        "",
        "",
        "某县人民政府",
        2023,
        id="guanyu_with_place_again",
    ),
    pytest.param(
        "某县财政局\n关于2023年政府信息公开工作情况的报告",
        "",
        "",
        "某县财政局",
        2023,
        id="organ_line_then_guanyu_qingkuang_de_baogao",
    ),
]


@pytest.mark.parametrize(("head", "overview", "tail", "organ", "year"), VARIANTS)
def test_organ_and_year_of_a_title_variant(
    head: str, overview: str, tail: str, organ: str, year: int
) -> None:
    report = _parse(head, overview, tail)
    assert (report.organ, report.year) == (organ, year)
    assert "ORGAN_SPELLING" not in _codes(report)


@pytest.mark.parametrize(
    ("printed", "digits"),
    [
        ("二0二四年度", "2024年度"),
        ("二O二四年", "2024年"),
        ("二〇二四年", "2024年"),
        ("贰零贰肆年", "2024年"),
        ("二0二五年一月二十日", "2025年一月二十日"),
        ("第二0条", "第二0条"),
        ("十二月三十一日", "十二月三十一日"),
    ],
)
def test_a_year_in_chinese_numerals_with_its_zero_typed_as_a_digit_or_a_letter(
    printed: str, digits: str
) -> None:
    assert arabic_years(printed) == digits
    assert len(arabic_years(printed)) == len(printed)


def test_a_title_year_typed_with_a_digit_zero_needs_no_date() -> None:
    report = _parse("某县财政局二0二三年政府信息公开工作年度报告")
    assert report.year == 2023
    assert not {c for c in _codes(report) if c.startswith("YEAR")}


NEW_FIXTURES = {
    "title_year_typed_with_digit_zero_signed_in_august": set(),
    "title_organ_with_scope_note_in_brackets": set(),
    "title_organ_and_its_subordinate_units_signed_by_the_organ": set(),
    "title_names_organ_without_its_place_signature_names_it_whole": set(),
    "title_names_organ_without_its_place_body_names_it_whole_no_signature": set(),
    "crawler_title_field_names_the_organ_article_title_does_not_publisher_is_the_portal": set(),
    "column_name_with_zhuanlan_before_the_title_on_its_line": set(),
    "organ_after_a_dash_after_the_title_words_no_signature": set(),
    "signature_wrapped_with_its_places_on_the_line_above_no_organ_in_title": set(),
}
"""This red team's organ fixtures and the notes on organ and year each must give (organ,
year and cells are compared by ``test_fixture_reports``): each failed before its rule."""


@pytest.mark.parametrize(("name", "notes"), NEW_FIXTURES.items(), ids=list(NEW_FIXTURES))
def test_the_new_organ_fixtures_give_no_note_they_need_not(name: str, notes: set[str]) -> None:
    report = parse_file(FIXTURES / "organs" / f"{name}.txt")
    codes = _codes(report)
    assert {c for c in codes if c.startswith(("YEAR", "ORGAN"))} == notes


def test_a_bracketed_second_name_is_kept_and_a_scope_note_is_not() -> None:
    report = _parse(
        "某市人力资源和社会保障局（某市公务员局）（本级）2024年政府信息公开工作年度报告"
    )
    assert report.organ == "某市人力资源和社会保障局（某市公务员局）"


def test_a_title_without_its_place_is_kept_as_printed_when_nothing_names_the_place() -> None:
    report = _parse("县财政局2024年政府信息公开工作年度报告")
    assert report.organ == "县财政局"


def test_the_crawlers_title_of_another_year_does_not_name_the_organ() -> None:
    report = _parse(
        "标题:某县财政局2023年政府信息公开工作年度报告\n发布机构:某县人民政府\n"
        "2024年政府信息公开工作年度报告"
    )
    assert report.organ == "某县人民政府"
    assert "ORGAN_FROM_PUBLISHER" in _codes(report)


@pytest.mark.parametrize(
    ("title", "printed"),
    [
        ("某县财政局2O23年政府信息公开工作年度报告", "2O23"),
        ("某县财政局2o2o年政府信息公开工作年度报告", "2o2o"),
    ],
)
def test_a_title_year_with_the_letter_o_for_zero_is_read_and_said(title: str, printed: str) -> None:
    report = _parse(title)
    assert report.year == int(printed.replace("O", "0").replace("o", "0"))
    found = [d for d in report.diagnostics or () if d["code"] == "LETTER_O_AS_ZERO"]
    assert len(found) == 1
    assert f"“{printed}年”" in str(found[0]["message"])


@pytest.mark.parametrize("text", ["Google2O23年", "GO2O23年", "2O23", "2Oab年"])
def test_letters_beside_digits_are_no_year(text: str) -> None:
    assert arabic_years(text) == text
