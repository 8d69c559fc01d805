"""Issue 12: table 二's four entered figures come from the workspace with their source,
a blank cell blocks publication, and reviewers decide warnings that stay decided."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pdfplumber
import pytest
from django.test import Client

from gongkai.reports import services
from gongkai.reports.models import AnnualReportDraft, FindingDecision, Status

from .conftest import YEAR

pytestmark = pytest.mark.django_db

FIGURES = {
    "t2-licensing": "137",
    "t2-licensing-source": "市政务服务平台，按办结日期统计",
    "t2-punishment": "9",
    "t2-punishment-source": "省行政执法监管平台",
    "t2-coercion": "2",
    "t2-coercion-source": "省行政执法监管平台",
    "t2-fees": "3.25",
    "t2-fees-source": "财政非税收入系统",
}
TEXTS = {
    "section-1": "本年度依法做好政府信息公开工作。",
    "section-5": "主要问题：解读形式单一。改进：丰富解读形式。",
    "section-6": "本年度未收取信息处理费。",
}


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def url(organ: Any, rest: str = "") -> str:
    return f"/office/reports/{organ.slug}/{YEAR}/{rest}"


def _write_texts(client: Client, organ: Any) -> None:
    draft = AnnualReportDraft.objects.get(organ=organ, year=YEAR)
    client.post(url(organ, "save/"), {"version": draft.version, **TEXTS})


def _enter(client: Client, organ: Any, figures: dict[str, str]) -> str:
    draft = AnnualReportDraft.objects.get(organ=organ, year=YEAR)
    response = client.post(
        url(organ, "table2/"), {"version": draft.version, **figures}, follow=True
    )
    return response.content.decode()


def test_blank_table2_blocks_publishing_and_entered_figures_reach_the_pdf(staff: Any) -> None:
    officer, head = client_for(staff.officer), client_for(staff.head)
    officer.post(url(staff.organ, "start/"))
    _write_texts(officer, staff.organ)
    refused = head.post(url(staff.organ, "actions/publish/"), follow=True).content.decode()
    assert "不能发布：核查发现1个错误，请先改正。" in refused
    assert "CELL.E001" in refused and "表二“行政许可”的“本年处理决定数量”" in refused
    assert AnnualReportDraft.objects.get().status == Status.DRAFT

    page = _enter(officer, staff.organ, FIGURES)
    assert "表二数字已保存。" in page
    who = re.search(r'<td id="t2-licensing-who">(.*?)</td>', page, re.S)
    assert who and "张专员" in who.group(1)
    assert 'value="市政务服务平台，按办结日期统计"' in page
    history = re.search(r'<table class="data" id="history">(.*?)</table>', page, re.S)
    assert (
        history
        and "填报表二：行政许可 137（来源：市政务服务平台，按办结日期统计）" in history.group(1)
    )

    done = head.post(url(staff.organ, "actions/publish/"), follow=True).content.decode()
    assert "已发布" in done
    pdf = head.get(url(staff.organ, "download.pdf")).content
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = "\n".join(page.extract_text() or "" for page in document.pages)
    line = next(t for t in text.splitlines() if "行政许可" in t and "137" in t)
    assert line.split()[-1] == "137"
    fees = next(t for t in text.splitlines() if t.startswith("行政事业性收费"))
    assert fees.split()[-1] == "3.25"  # as entered, not the column's stored 3.2500


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        (
            {"t2-licensing": "十二", "t2-licensing-source": "x"},
            "行政许可的本年处理决定数量应为非负整数，收到的是“十二”",
        ),
        (
            {"t2-licensing": "-3", "t2-licensing-source": "x"},
            "行政许可的本年处理决定数量应为非负整数，收到的是“-3”",
        ),
        (
            {"t2-fees": "1.123456", "t2-fees-source": "x"},
            "行政事业性收费的本年收费金额最多保留4位小数（万元），收到的是“1.123456”",
        ),
        (
            {"t2-punishment": "4", "t2-punishment-source": " "},
            "请注明“行政处罚”数字的数据来源（系统名称/统计口径）",
        ),
    ],
)
def test_bad_figures_are_refused_and_nothing_is_written(
    staff: Any, figures: dict[str, str], message: str
) -> None:
    from gongkai.disclosure.models import Table2Entry

    officer = client_for(staff.officer)
    officer.post(url(staff.organ, "start/"))
    page = _enter(officer, staff.organ, figures)
    assert message in page
    assert not Table2Entry.objects.exists()
    assert AnnualReportDraft.objects.get().version == 1


def test_a_stale_form_is_refused(staff: Any) -> None:
    officer = client_for(staff.officer)
    officer.post(url(staff.organ, "start/"))
    page = officer.post(
        url(staff.organ, "table2/"), {"version": 0, **FIGURES}, follow=True
    ).content.decode()
    assert "他人已修改或定稿" in page


def _fee_warning(client: Client, organ: Any) -> dict[str, str]:
    page = client.get(url(organ, "check/")).content.decode()
    row = re.search(r'<tr class="sev-warning[^"]*">(.*?T2\.W003.*?)</tr>', page, re.S)
    assert row, "T2.W003 should be listed"
    mark = re.search(r'name="fingerprint" value="([0-9a-f]{64})"', row.group(1))
    return {"row": row.group(0), "fingerprint": mark.group(1) if mark else ""}


def test_a_rejected_warning_stays_decided_until_its_cell_changes(staff: Any) -> None:
    officer, reviewer = client_for(staff.officer), client_for(staff.reviewer)
    officer.post(url(staff.organ, "start/"))
    _write_texts(officer, staff.organ)
    _enter(officer, staff.organ, {**FIGURES, "t2-fees": "5000"})
    warning = _fee_warning(reviewer, staff.organ)
    assert "提出意见" in warning["row"]

    # the officer may not decide; the reviewer may, with a reason
    assert (
        officer.post(
            url(staff.organ, "check/decide/"),
            {"fingerprint": warning["fingerprint"], "decision": "rejected", "reason": "理由"},
        ).status_code
        == 403
    )
    empty = reviewer.post(
        url(staff.organ, "check/decide/"),
        {"fingerprint": warning["fingerprint"], "decision": "rejected", "reason": " "},
        follow=True,
    ).content.decode()
    assert "请写明理由" in empty and not FindingDecision.objects.exists()
    reason = "本局收费含不动产登记费，金额经财政部门核实"
    done = reviewer.post(
        url(staff.organ, "check/decide/"),
        {"fingerprint": warning["fingerprint"], "decision": "rejected", "reason": reason},
        follow=True,
    ).content.decode()
    assert "已记录核查意见：[T2.W003] 不采纳。" in done
    assert "待处理的警告0个" in done

    # a re-check (another visit, the text edited elsewhere) keeps the decision
    _write_texts(officer, staff.organ)
    again = _fee_warning(reviewer, staff.organ)
    assert "<strong>不采纳</strong>：" + reason in again["row"] and "李审核" in again["row"]
    confirm = client_for(staff.head).get(url(staff.organ, "publish/")).content.decode()
    assert "待处理的警告0个" in confirm

    # the history shows the decision
    workspace = officer.get(url(staff.organ)).content.decode()
    assert f"[T2.W003] 不采纳：{reason}" in workspace

    # changing the cell makes it a new, open warning
    _enter(officer, staff.organ, {**FIGURES, "t2-fees": "6000"})
    reopened = _fee_warning(reviewer, staff.organ)
    assert "<strong>不采纳</strong>" not in reopened["row"]
    assert reopened["fingerprint"] != warning["fingerprint"]

    # publishing records the open warning; a decided one is stored with its decision
    services.publish(AnnualReportDraft.objects.get(), staff.head, on=date(2026, 1, 20))
    stored = AnnualReportDraft.objects.get()
    assert stored.events.last().summary.endswith("发布时有1个未处理的警告")


def test_errors_cannot_be_decided(staff: Any) -> None:
    reviewer = client_for(staff.reviewer)
    reviewer.post(url(staff.organ, "start/"))
    page = reviewer.get(url(staff.organ, "check/")).content.decode()
    assert 'name="fingerprint"' not in page  # only errors (prompts, blank cells) so far
    draft = AnnualReportDraft.objects.get()
    with pytest.raises(services.InvalidInput, match="已不存在"):
        services.decide(draft, staff.reviewer, "0" * 64, "verified", "核实无误")
