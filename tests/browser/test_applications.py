"""依申请公开 in the browser.

One walk from the public form through the three reviews to the applicant reading the reply;
then the other paths of the issue, each on a case brought to its starting point through
the services, with the step of the path itself taken on the case page (one log-in per
path) and what the officer and the applicant then see checked: status, due date (computed
independently with the working-day calendar, across the National Day holiday of 2025),
the timeline entry and the notice. The eight reasons for withholding and the four appeal
outcomes each run on cases prepared through the services in one log-in, checked against
the statistics page (tables 三 and 四); the applicant withdraws on the private page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai.annual import schema
from gongkai.applications import answers, clock, services
from gongkai.applications.models import Application
from gongkai.organs.models import Organ
from gongkai.workcalendar.calendar import current_calendar

from .test_login import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(page: Any, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username, DEMO_PASSWORD)
    page.wait_for_url("**/office/")


def act(page: Any, number: str, button: str) -> None:
    """Open the action ``button`` from the case page's menu and submit its form as it is."""
    page.goto(f"/office/applications/{number}/")
    page.get_by_role("link", name=button, exact=True).click()
    page.get_by_role("button", name=button, exact=True).click()
    assert f"已办理：{button}" in page.locator("main").inner_text()


def open_form(page: Any, action: str) -> Any:
    """The form of ``action``, opened from the case page's menu."""
    page.locator(f'[data-action="{action}"]').click()
    form = page.locator(f"#act-{action}")
    form.wait_for(state="visible")
    return form


def test_citizen_applies_and_reads_the_reply_after_three_reviews(site: Any) -> None:
    # The citizen: a mistake first, then a valid application.
    site.goto("/apply/")
    site.get_by_label("受理机关").select_option(label="示范区发展和改革局")
    site.get_by_label("姓名或名称").fill("张三")
    site.get_by_label("身份证明号码").fill("123")
    site.get_by_label("电子邮箱").fill("zhangsan@example.cn")
    site.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        "2024年本区老旧小区改造项目的立项批复文件"
    )
    site.get_by_label("获取政府信息的方式").select_option(label="网上查看")
    site.get_by_role("button", name="提交申请").click()
    assert "居民身份证号码应为18位，输入的是3位" in site.locator("main").inner_text()
    site.get_by_label("身份证明号码").fill("11010519491231002X")
    site.get_by_role("button", name="提交申请").click()
    number = site.locator("#number").inner_text()
    assert re.fullmatch(r"FGJ-\d{4}-\d{5}", number)
    link = site.locator("#follow-link").get_attribute("href")
    assert "?token=" in link
    site.goto(link)
    assert site.url.endswith(f"/apply/{number}/")  # the token exchanged for a cookie
    assert site.locator("#state").inner_text() == "待确认（网上申请）"

    # The officer finds it in the queue, confirms it and drafts the answer 予以公开.
    as_user(site, "fgj_officer")
    site.goto("/office/applications/")
    site.get_by_role("link", name=number).first.click()
    open_form(site, "confirm").get_by_role("button", name="确认收到网上申请").click()
    assert site.locator("#state").inner_text() == "办理中"
    draft = open_form(site, "draft_reply")
    draft.get_by_label("答复类型").select_option(label="予以公开：提供该政府信息")
    draft.get_by_label("答复理由或说明").fill("请查收附件。")
    draft.get_by_role("button", name="拟写答复并提交初审").click()
    assert site.locator("#state").inner_text() == "初审中"

    # 初审, 复审 and 终审 by three different people, delivery by the officer.
    as_user(site, "fgj_reviewer")
    act(site, number, "初审通过")
    assert "复审须由本机关其他审核人或机构负责人办理" in site.locator("#review-note").inner_text()
    as_user(site, "fgj_reviewer2")
    act(site, number, "复审通过")
    as_user(site, "fgj_head")
    site.goto(f"/office/applications/{number}/")
    site.get_by_role("link", name="终审签发", exact=True).click()
    sign = site.locator("#act-sign_off")
    sign.get_by_role("button", name="终审签发").click()  # the browser asks for the box first
    assert site.locator("#state").inner_text() == "终审中"
    sign.get_by_label("我已审阅答复书全文，确认签发").check()
    sign.get_by_role("button", name="终审签发").click()
    assert "已办理：终审签发" in site.locator("main").inner_text()
    as_user(site, "fgj_officer")
    act(site, number, "送达答复")
    assert site.locator("#state").inner_text() == "已办结"

    # The applicant's page shows the reply.
    site.context.clear_cookies()
    site.goto(link)
    main = site.locator("main").inner_text()
    assert site.locator("#state").inner_text() == "已办结"
    assert "政府信息公开申请答复告知书" in main
    assert "现予以提供" in main and "60日内向示范区人民政府申请行政复议" in main


# ---------------------------------------------------------------------------- the other paths

RECEIVED = date(2025, 9, 26)
"""The Friday before the National Day holiday of 2025 (1–8 October; 28 September and
11 October are working Saturdays/Sundays)."""
ACTED = date(2025, 10, 13)
"""The day the path's step is taken on the page."""


def due(
    received: date = RECEIVED, *, paused: tuple[date, date] | None = None, extra: int = 0
) -> str:
    """The statutory due date from the calendar alone: 20 working days after receipt, plus
    the working days of a pause (after its first day, up to and including its last), plus
    an extension."""
    cal = current_calendar()
    day = cal.add_workdays(received, 20)
    if paused:
        day = cal.add_workdays(day, cal.count_workdays(*paused))
    if extra:
        day = cal.add_workdays(day, extra)
    return day.isoformat()


def test_the_calendar_puts_the_due_date_after_national_day() -> None:
    assert due() == "2025-10-30"  # not 24 October: 1–8 October are not working days


@dataclass(frozen=True)
class Path:
    user: str
    """Who takes the step on the page."""
    before: Callable[[Application], None]
    """Bring the case to the step's starting point (services, on ``RECEIVED``)."""
    step: Callable[[Any, Application], None]
    """The step on the case page."""
    state: str
    due: Callable[[], str]
    entry: str
    """The timeline entry of the step (the last, or the last but its notice)."""
    applicant: tuple[str, ...]
    """What the applicant's private page shows (besides the state and due date)."""
    applicant_due: bool = True


def _people() -> dict[str, Any]:
    users = get_user_model().objects
    return {r: users.get(username=f"fgj_{r}") for r in ("officer", "reviewer", "reviewer2", "head")}


def _do(case: Application, event: str, who: str, reason: str = "", **data: Any) -> None:
    services.apply(case, event, _people()[who], reason, data=data)


def _reviewed(case: Application) -> None:
    _do(case, "approve_first", "reviewer")
    _do(case, "approve_second", "reviewer2")
    _do(case, "sign_off", "head")


def _draft(answer: str, reason: str) -> Callable[[Any, Application], None]:
    """The officer picks the answer and drafts; the reviews happen; the officer delivers."""

    def step(page: Any, case: Application) -> None:
        form = open_form(page, "draft_reply")
        form.get_by_label("答复类型").select_option(answer)
        form.get_by_label("答复理由或说明").fill(reason)
        form.locator("button").click()
        assert page.locator("#state").inner_text() == "初审中"
        _reviewed(Application.objects.get(pk=case.pk))
        page.reload()
        open_form(page, "deliver").locator("button").click()

    return step


def _answered(case: Application, answer: str) -> None:
    _do(case, "draft_reply", "officer", "现予提供", answer=answer)
    _reviewed(case)
    _do(case, "deliver", "officer")


def _nothing(case: Application) -> None:
    pass


def _click(action: str) -> Callable[[Any, Application], None]:
    return lambda page, case: open_form(page, action).locator("button").click()


def _fee_then_paid(page: Any, case: Application) -> None:
    form = open_form(page, "send_fee_notice")
    form.get_by_label("收费方式").select_option(label="按量计收")
    form.get_by_label("计费数量（件或页）").fill("120")
    form.locator("button").click()
    assert page.locator("#state").inner_text() == "待缴费"
    assert page.locator("#due").inner_text() == "暂停计算"
    services.today = lambda: date(2025, 10, 20)  # restored by the test's monkeypatch
    page.reload()
    open_form(page, "fee_paid").locator("button").click()


def _consultation_then_answer(page: Any, case: Application) -> None:
    form = open_form(page, "open_consultation")
    form.get_by_role("combobox", name="征求意见对象").select_option(label="第三方")
    form.get_by_label("征求意见对象名称").fill("示范区某建设有限公司")
    form.get_by_label("理由或说明").fill("涉及某公司的商业信息，征求其意见。")
    form.locator("button").click()
    assert page.locator("#state").inner_text() == "征求意见中"
    assert page.locator("#due").inner_text() == "暂停计算"
    services.today = lambda: date(2025, 10, 20)  # restored by the test's monkeypatch
    page.reload()
    open_form(page, "consultation_answered").locator("button").click()


def _fee_lapsed(page: Any, case: Application) -> None:
    assert page.locator("#state").inner_text() == "待缴费"
    assert page.locator("#act-fee_paid").count() == 1
    services.today = lambda: date(2025, 10, 31)  # the day after 缴费期限 2025-10-30
    page.reload()
    open_form(page, "fee_lapsed").locator("button").click()


def _appeal(page: Any, case: Application) -> None:
    form = page.locator("form.form", has=page.get_by_role("button", name="记录复议或诉讼"))
    form.get_by_label("类型").select_option(label="行政复议")
    form.get_by_label("提起日期").fill("2025-10-13")
    form.get_by_label("复议机关或法院").fill("示范区人民政府")
    form.locator("button").click()
    assert "已记录" in page.locator("main").inner_text()
    page.get_by_label("结果", exact=True).select_option(label="结果纠正")
    page.get_by_label("审结日期").fill("2025-10-13")
    page.get_by_role("button", name="记录结果").click()


PATHS = {
    "partial": Path(
        "fgj_officer",
        _nothing,
        _draft("partially_granted", "第3页含有个人信息，已作遮盖处理。"),
        "已办结",
        lambda: "—",
        "送达答复",
        ("部分公开：区分处理后提供可以公开的部分", "第三十七条", "第3页含有个人信息"),
        applicant_due=False,
    ),
    "withheld_third_party": Path(
        "fgj_officer",
        _nothing,
        _draft("withheld_third_party_rights", "第三方不同意公开，公开会损害其商业秘密。"),
        "已办结",
        lambda: "—",
        "送达答复",
        ("不予公开：涉及商业秘密", "第十五条", "第三方不同意公开"),
        applicant_due=False,
    ),
    "correction_received": Path(
        "fgj_officer",
        lambda case: _do(case, "request_correction", "officer", "不明确", points=["请写明年份"]),
        _click("correction_received"),
        "办理中",
        lambda: due(ACTED),
        "收到补正材料",
        ("补正申请告知书", "1. 请写明年份"),
    ),
    "extension_by_the_head": Path(
        "fgj_head",
        lambda case: _do(case, "request_extension", "officer", "需调取档案", workdays=15),
        _click("approve_extension"),
        "办理中",
        lambda: due(extra=15),
        "批准延期",
        ("延长答复期限告知书", "答复期限延长15个工作日", "延长后的答复期限为2025年11月20日"),
    ),
    "fee_then_paid": Path(
        "fgj_officer",
        _nothing,
        _fee_then_paid,
        "办理中",
        lambda: due(paused=(ACTED, date(2025, 10, 20))),
        "缴纳信息处理费",
        ("收费通知书", "按量计收"),
    ),
    "not_held": Path(
        "fgj_officer",
        _nothing,
        _draft("not_held", "经检索本机关档案，未制作或获取该文件。"),
        "已办结",
        lambda: "—",
        "送达答复",
        (
            "经检索没有所申请公开的信息：告知该信息不存在",
            "第三十六条第（四）项",
            "经检索，本机关没有您申请公开的政府信息。经检索本机关档案，未制作或获取该文件。",
        ),
        applicant_due=False,
    ),
    "correction_lapsed": Path(
        "fgj_officer",
        lambda case: _do(
            case,
            "request_correction",
            "officer",
            "不明确",
            points=["请写明年份"],
            reply_by="2025-10-10",
        ),
        _click("correction_lapsed"),
        "已办结",
        lambda: "—",
        "逾期未补正",
        ("补正申请告知书", "终止处理告知", "视为放弃申请，本机关不再处理该申请"),
        applicant_due=False,
    ),
    "consultation_pause": Path(
        "fgj_officer",
        _nothing,
        _consultation_then_answer,
        "办理中",
        lambda: due(paused=(ACTED, date(2025, 10, 20))),
        "收到征求意见答复",
        ("征求第三方或其他机关意见", "收到征求意见答复"),
    ),
    "fee_lapsed": Path(
        "fgj_officer",
        lambda case: _do(case, "send_fee_notice", "officer", method="per_page", units=120),
        _fee_lapsed,
        "已办结",
        lambda: "—",
        "逾期未缴费",
        ("收费通知书", "请于2025年10月30日前缴纳", "终止处理告知"),
        applicant_due=False,
    ),
    "appeal": Path(
        "fgj_officer",
        lambda case: _answered(case, "granted"),
        _appeal,
        "已办结",
        lambda: "—",
        "记录复议或诉讼结果",
        ("政府信息公开申请答复告知书",),
        applicant_due=False,
    ),
}


def _today(monkeypatch: pytest.MonkeyPatch, day: date) -> None:
    """Pretend ``day`` is today, for the writers and for the clock they count with."""
    monkeypatch.setattr(services, "today", lambda: day)
    monkeypatch.setattr(clock, "today", lambda: day)


@pytest.mark.parametrize("name", list(PATHS))
def test_path_on_the_case_page(site: Any, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    path = PATHS[name]
    _today(monkeypatch, RECEIVED)
    organ = Organ.objects.get(slug="fgj")
    case, token = services.register(
        organ,
        {
            "applicant_type": "natural_person",
            "applicant_name": "张三",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "email": "zhangsan@example.cn",
            "information": "2024年本区老旧小区改造项目的立项批复文件",
            "provision_form": "electronic",
            "delivery_method": "online",
        },
        _people()["officer"],
        channel="letter",
        received_on=RECEIVED,
    )
    path.before(case)
    _today(monkeypatch, ACTED)

    as_user(site, path.user)
    site.goto(f"/office/applications/{case.number}/")
    if path.before is _nothing:  # received before National Day, due after it
        assert site.locator("#due").inner_text() == due() == "2025-10-30"
    path.step(site, case)

    # What the officer sees.
    main = site.locator("main").inner_text()
    assert "已办理：" in main or "已记录结果" in main
    assert site.locator("#state").inner_text() == path.state
    assert site.locator("#due").inner_text() == path.due()
    entries = site.locator("#timeline tbody tr td:nth-child(3)").all_inner_texts()
    assert path.entry in entries[-2:]  # the step, perhaps followed by its notice

    # What the applicant sees through the private link.
    site.context.clear_cookies()
    site.goto(f"/apply/{case.number}/?token={token}")
    assert site.locator("#state").inner_text() == path.state
    if path.applicant_due:
        assert site.locator("#due").inner_text() == path.due()
    page = site.locator("main").inner_text()
    for text in path.applicant:
        assert text in page, text


# ------------------------------------------------ many cases in one log-in: withheld, appeals


def _registered(count: int) -> list[tuple[Application, str]]:
    """``count`` letters to 发改局 received on ``RECEIVED``, with their private tokens."""
    organ = Organ.objects.get(slug="fgj")
    return [
        services.register(
            organ,
            {
                "applicant_type": "natural_person",
                "applicant_name": "张三",
                "id_type": "resident_id",
                "id_number": "11010519491231002X",
                "email": "zhangsan@example.cn",
                "information": f"示范区第{i + 1}号文件",
                "provision_form": "electronic",
                "delivery_method": "online",
            },
            _people()["officer"],
            channel="letter",
            received_on=RECEIVED,
        )
        for i in range(count)
    ]


def _cells(page: Any, table: str, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The numbers of 发改局's 2025 statistics page in ``table`` at (row or group, column)."""
    page.goto("/office/applications/stats/fgj/2025/")
    return {
        (row, col): int(page.locator(f'#{table} a[href$="/{row}/{col}/"]').inner_text())
        for row, col in keys
    }


WITHHELD = [a for a in answers.OFFICER_ANSWERS if a.table3_row.startswith("withheld.")]


def test_the_eight_withheld_reasons_each_reach_the_applicant_and_their_row(
    site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert [a.table3_row for a in WITHHELD] == [
        r.key for r in schema.TABLE3_OUTCOME_ROWS if r.key.startswith("withheld.")
    ]  # Art 14 (three), Art 15, Art 16 (three), and the special query rules: eight rows
    _today(monkeypatch, RECEIVED)
    cases = _registered(len(WITHHELD))
    _today(monkeypatch, ACTED)
    as_user(site, "fgj_officer")
    cells = [(a.table3_row, "natural_person") for a in WITHHELD]
    before = _cells(site, "table3", cells)

    for answer, (case, token) in zip(WITHHELD, cases, strict=True):
        reason = f"理由{answer.key}"
        site.goto(f"/office/applications/{case.number}/")
        _draft(answer.key, reason)(site, case)
        assert site.locator("#state").inner_text() == "已办结"
        site.goto(f"/apply/{case.number}/?token={token}")
        page = site.locator("main").inner_text()
        assert site.locator("#state").inner_text() == "已办结"
        assert answer.label in page and answer.article in page, answer.key
        assert answer.decision_text(reason) in page.replace("\n", ""), answer.key

    after = _cells(site, "table3", cells)
    assert {k: after[k] - before[k] for k in cells} == dict.fromkeys(cells, 1)


APPEALS = [  # (type, outcome as chosen on the page or None, table 四 group, column)
    ("行政复议", "结果维持", "reconsideration", "upheld"),
    ("行政诉讼（未经复议直接起诉）", "结果纠正", "litigation_direct", "corrected"),
    ("行政诉讼（复议后起诉）", "其他结果", "litigation_after_reconsideration", "other"),
    ("行政复议", None, "reconsideration", "pending"),
]


def test_each_appeal_outcome_on_the_case_page_and_in_table_four(
    site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, RECEIVED)
    cases = _registered(len(APPEALS))
    for case, _ in cases:
        _answered(case, "granted")
    _today(monkeypatch, ACTED)
    as_user(site, "fgj_officer")
    cells = sorted({(g, c) for *_, g, c in APPEALS} | {(g, "total") for *_, g, _ in APPEALS})
    before = _cells(site, "table4", cells)

    for (kind, outcome, _, _), (case, _) in zip(APPEALS, cases, strict=True):
        site.goto(f"/office/applications/{case.number}/")
        form = site.locator("form.form", has=site.get_by_role("button", name="记录复议或诉讼"))
        form.get_by_label("类型").select_option(label=kind)
        form.get_by_label("提起日期").fill("2025-10-13")
        form.get_by_label("复议机关或法院").fill("示范区人民政府")
        form.locator("button").click()
        if outcome:
            site.get_by_label("结果", exact=True).select_option(label=outcome)
            site.get_by_label("审结日期").fill("2025-10-13")
            site.get_by_role("button", name="记录结果").click()
        listed = site.locator("section:has(h2:text-is('行政复议、行政诉讼')) li").first
        expected = f"{kind}，2025-10-13提起，" + (
            f"{outcome}（2025-10-13）" if outcome else "尚未审结"
        )
        assert listed.inner_text().startswith(expected), listed.inner_text()

    after = _cells(site, "table4", cells)
    expected_delta = {k: 0 for k in cells}
    for *_, group, column in APPEALS:
        expected_delta[(group, column)] += 1
        expected_delta[(group, "total")] += 1
    assert {k: after[k] - before[k] for k in cells} == expected_delta


def test_the_applicant_withdraws_on_the_private_page(
    site: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _today(monkeypatch, RECEIVED)
    [(case, token)] = _registered(1)
    site.goto(f"/apply/{case.number}/?token={token}")
    assert site.url.endswith(f"/apply/{case.number}/")  # the token exchanged for a cookie
    (cookie,) = [c for c in site.context.cookies() if c["name"].startswith("gongkai_case_")]
    assert cookie["name"] == f"gongkai_case_{case.number}" and token not in cookie["value"]
    assert (cookie["path"], cookie["httpOnly"], cookie["sameSite"]) == (
        f"/apply/{case.number}/",
        True,
        "Lax",
    )
    assert cookie["expires"] == -1  # a browser-session cookie
    site.get_by_role("button", name="撤回申请").click()
    assert "撤回后，本机关将不再办理这件申请" in site.locator("#confirm-text").inner_text()
    assert site.locator("#state").inner_text() == "办理中"  # nothing happened yet
    site.get_by_label("撤回理由").fill("已从其他途径取得")
    site.get_by_role("button", name="确认撤回").click()  # CSRF accepts its Origin
    assert site.locator("#state").inner_text() == "已撤回"
    assert site.url.endswith(f"/apply/{case.number}/")
    main = site.locator("main").inner_text()
    assert f"申请{case.number}已撤回，本机关不再办理。" in site.locator(".messages").inner_text()
    assert "撤回申请" in site.locator("tbody").inner_text()  # the timeline entry
    assert site.get_by_role("button", name="撤回申请").count() == 0
    assert "张三" in main
    case.refresh_from_db()
    assert [e.action for e in case.events.order_by("seq")][-1:] == ["withdraw"]
    assert case.events.filter(action="withdraw", role="applicant").count() == 1
