"""A crawler's JSON record saved as the file (``crawler_record``): the article in its
``content`` (or ``正文``, ``text`` …) field is read as the document, text or HTML, and the
page's fields beside it (title, publication time, source, url) as a crawled page's header.
Text that only looks like JSON is read as the text it is."""

from __future__ import annotations

import json

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.detect import detect_format

BODY = """一、总体情况
本机关依法做好政府信息公开工作。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 2 1 9
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 37
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 5
行政强制 0
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 0
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
一、本年新收政府信息公开申请数量 6 1 0 0 0 0 7
二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1
三、本年度办理结果 （一）予以公开 4 1 0 0 0 0 5
（二）部分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0
（三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0
2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
3.危及“三安全一稳定” 0 0 0 0 0 0 0
4.保护第三方合法权益 0 0 0 0 0 0 0
5.属于三类内部事务信息 0 0 0 0 0 0 0
6.属于四类过程性信息 0 0 0 0 0 0 0
7.属于行政执法案卷 0 0 0 0 0 0 0
8.属于行政查询事项 0 0 0 0 0 0 0
（四）无法提供 1.本机关不掌握相关政府信息 2 0 0 0 0 0 2
2.没有现成信息需要另行制作 0 0 0 0 0 0 0
3.补正后申请内容仍不明确 0 0 0 0 0 0 0
（五）不予处理 1.信访举报投诉类申请 0 0 0 0 0 0 0
2.重复申请 0 0 0 0 0 0 0
3.要求提供公开出版物 0 0 0 0 0 0 0
4.无正当理由大量反复申请 0 0 0 0 0 0 0
5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0
（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
3.其他 0 0 0 0 0 0 0
（七）总计 6 1 0 0 0 0 7
四、结转下年度继续办理 1 0 0 0 0 0 1
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
1 0 0 0 1 0 0 0 1 1 0 0 0 0 0
五、存在的主要问题及改进情况
政策解读的形式还不够丰富。
六、其他需要报告的事项
本年度未收取信息处理费。"""

TITLE = "乙县水利局2024年政府信息公开工作年度报告"
RECORD = {
    "url": "https://www.example.gov.cn/slj/202501/t20250120_1.html",
    "title": TITLE,
    "publish_time": "2025-01-20 09:30:00",
    "source": "乙县水利局",
    "content": BODY,
    "crawl_time": "2025-03-02 11:20:45",
}


def _read(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "记录.json")


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


def _assert_read_whole(report: AnnualReport) -> None:
    assert (report.organ, report.year) == ("乙县水利局", 2024)
    assert report.table2.licensing == 37
    assert report.table2.punishment == 5
    assert report.table3.row("received") == (6, 1, 0, 0, 0, 0, 7)
    assert report.table3.row("unavailable.not_held") == (2, 0, 0, 0, 0, 0, 2)
    assert report.to_dict()["table4"]["litigation_direct"] == {
        "upheld": 0,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 1,
    }
    assert not _codes(report) & {"TABLE_NOT_FOUND", "ROW_NOT_FOUND", "SECTION_NOT_FOUND"}


def test_a_record_on_one_line_reads_its_content_field_as_the_report() -> None:
    _assert_read_whole(_read(json.dumps(RECORD, ensure_ascii=False)))


def test_a_record_with_escaped_characters_and_chinese_field_names_reads_the_same() -> None:
    record = {"标题": TITLE, "发布时间": "2025-01-20", "来源": "乙县水利局", "正文": BODY}
    _assert_read_whole(_read(json.dumps(record, ensure_ascii=True, indent=2)))


def test_a_record_holding_html_reads_its_tables() -> None:
    html = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    record = {**RECORD, "content": f"<div class='article'>{html}</div>"}
    text = json.dumps(record, ensure_ascii=False)
    assert detect_format(text.encode("utf-8")) == "html"
    _assert_read_whole(_read(text))


def test_the_title_field_names_the_organ_and_year_the_article_does_not() -> None:
    record = {**RECORD, "title": "丙县林业局2023年政府信息公开工作年度报告"}
    report = _read(json.dumps(record, ensure_ascii=False))
    assert (report.organ, report.year) == ("丙县林业局", 2023)


def test_in_json_lines_the_record_holding_a_report_is_read() -> None:
    news = {"title": "乙县水利局召开防汛工作会议", "content": "会议要求。" * 60}
    lines = [json.dumps(r, ensure_ascii=False) for r in (news, RECORD)]
    _assert_read_whole(_read("\n".join(lines) + "\n"))


def test_a_record_inside_an_apis_answer_is_found() -> None:
    answer = {"code": 0, "msg": "ok", "data": {"list": [RECORD]}}
    _assert_read_whole(_read(json.dumps(answer, ensure_ascii=False)))


def test_a_publication_time_in_milliseconds_dates_a_title_without_year() -> None:
    record = {
        "title": "政府信息公开工作年度报告",
        "pubtime": 1737336600000,  # 2025-01-20 09:30 in China
        "publisher": "乙县水利局",
        "content": BODY,
    }
    report = _read(json.dumps(record, ensure_ascii=False))
    assert (report.organ, report.year) == ("乙县水利局", 2024)
    [note] = [d for d in report.diagnostics or () if d["code"] == "YEAR_FROM_DATE"]
    assert "发布时间“2025-01-20”" in str(note["message"])


def test_text_that_only_starts_like_json_is_read_as_text() -> None:
    for start in ("[首页] > 信息公开 > 年报\n", '{"title": "cut short\n'):
        report = _read(start + TITLE + "\n" + BODY + "\n")
        assert (report.organ, report.year) == ("乙县水利局", 2024), start
        assert report.table3.row("received") == (6, 1, 0, 0, 0, 0, 7), start


def test_json_holding_no_article_is_read_as_text() -> None:
    assert detect_format(json.dumps({"title": TITLE, "views": 3}).encode()) == "text"
    report = _read(json.dumps({"title": TITLE, "views": 3}, ensure_ascii=False))
    assert report.table3.row("received") == (None,) * 7


def test_brackets_nested_past_any_depth_are_text_not_a_damaged_file() -> None:
    report = _read("[" * 100_000 + "\n" + TITLE + "\n" + BODY + "\n")
    assert (report.organ, report.year) == ("乙县水利局", 2024)
    assert report.table3.row("received") == (6, 1, 0, 0, 0, 0, 7)
