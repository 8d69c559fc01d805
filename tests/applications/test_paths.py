"""End to end through the API, one test per path of the issue; each ends in its table-三 cell."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.applications import services, stats
from gongkai.applications.answers import OFFICER_ANSWERS
from gongkai.applications.models import Application
from gongkai.applications.workflow import Role

from .factories import APPLICANT, Staff

pytestmark = pytest.mark.django_db


class Flow:
    """An organ's staff driving one case through the API on given days."""

    def __init__(self, client: Client, travel: Callable[[date], None]) -> None:
        self.client = client
        self.travel = travel
        self.staff = Staff()
        self.tokens: dict[str, str] = {}
        self.day(date(2025, 9, 26))
        body = {**APPLICANT, "organ": self.staff.organ.slug}
        r = client.post("/api/applications", body, content_type="application/json")
        self.number = r.json()["number"]
        self.act("confirm", "officer")

    def day(self, on: date) -> None:
        """From now on "today" is ``on`` (time-machine; the API's tokens outlive the move)."""
        self.travel(on)

    def case(self) -> Application:
        return Application.objects.get(number=self.number)

    def act(
        self, action: str, who: str, reason: str = "", status: int = 200, **data: Any
    ) -> dict[str, Any]:
        user = getattr(self.staff, who)
        if who not in self.tokens:
            self.tokens[who] = ApiToken.objects.issue(user, "测试")[1]
        r = self.client.post(
            f"/api/applications/{self.number}/actions/{action}",
            {"version": self.case().version, "reason": reason, "data": data},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {self.tokens[who]}",
        )
        assert r.status_code == status, r.json()
        return dict(r.json())

    def answer(self, answer: str) -> None:
        self.act("draft_reply", "officer", "答复理由", answer=answer)
        self.act("approve_first", "reviewer")
        self.act("approve_second", "reviewer2")
        self.act("sign_off", "head")
        self.act("deliver", "officer")

    def counted_under(self) -> str:
        case = self.case()
        table = stats.table3({self.staff.organ.pk}, case.closed_on.year)
        rows = [
            k
            for k, v in table.items()
            if v[6] and k not in ("received", "handled_total", "carried_over")
        ]
        return ",".join(sorted(rows))


@pytest.fixture
def flow(client: Client, travel: Callable[[date], None]) -> Flow:
    return Flow(client, travel)


@pytest.mark.parametrize("answer", [a for a in OFFICER_ANSWERS], ids=lambda a: a.key)
def test_each_answer_is_counted_in_its_row(flow: Flow, answer: Any) -> None:
    flow.day(date(2025, 10, 20))
    flow.answer(answer.key)
    case = flow.case()
    assert (case.state, case.outcome, case.closed_on) == (
        "closed",
        answer.table3_row,
        date(2025, 10, 20),
    )
    assert flow.counted_under() == answer.table3_row


def test_confirmed_online_application_due_date_crosses_national_day(flow: Flow) -> None:
    assert flow.case().due_on == date(2025, 10, 30)


def test_correction_then_answer(flow: Flow) -> None:
    flow.day(date(2025, 9, 29))
    flow.act(
        "request_correction",
        "officer",
        "不明确",
        points=["请写明文件名称", "请写明年份"],
        reply_by="2025-10-20",
    )
    assert flow.case().due_on is None
    flow.day(date(2025, 10, 13))
    flow.act("correction_received", "officer")
    assert flow.case().due_on == date(2025, 11, 10)
    flow.answer("granted")
    assert flow.counted_under() == "granted"


def test_correction_lapsed(flow: Flow) -> None:
    flow.day(date(2025, 9, 29))
    flow.act("request_correction", "officer", "不明确", points=["文号"], reply_by="2025-10-20")
    flow.day(date(2025, 10, 21))
    services.apply(
        flow.case(), "correction_lapsed", None, on=date(2025, 10, 21), as_role=Role.SYSTEM
    )
    assert flow.counted_under() == "other.no_correction"


def test_consultation_pauses_the_clock(flow: Flow) -> None:
    flow.day(date(2025, 10, 9))
    flow.act(
        "open_consultation", "officer", "涉及第三方商业秘密", party="third_party", name="某公司"
    )
    flow.day(date(2025, 10, 20))
    flow.act("consultation_answered", "officer", "第三方不同意公开")
    # The working days of (9 Oct, 20 Oct] do not count: 10, 11 (Saturday, 调休 working day),
    # 13–17 and 20 October, 8 in all; the due date moves from 30 October to 11 November.
    assert flow.case().due_on == date(2025, 11, 11)
    flow.answer("withheld_third_party_rights")
    assert flow.counted_under() == "withheld.third_party_rights"


def test_consultation_timeout_only_after_fifteen_working_days(flow: Flow) -> None:
    flow.day(date(2025, 10, 9))
    flow.act("open_consultation", "officer", "征求他机关意见", party="other_organ")
    flow.day(date(2025, 10, 29))
    r = flow.act("consultation_timed_out", "officer", status=409)
    assert r["detail"] == "征求意见的答复期限（15个工作日）至2025-10-29届满，尚不能按逾期处理"
    flow.day(date(2025, 10, 30))
    flow.act("consultation_timed_out", "officer")


def test_extension_needs_the_head(flow: Flow) -> None:
    flow.act("request_extension", "officer", "需调取档案", workdays=15)
    r = flow.act("approve_extension", "officer", status=403)
    assert r["code"] == "role_not_allowed"
    flow.act("approve_extension", "head")
    assert flow.case().due_on == date(2025, 11, 20)
    r = flow.act("request_extension", "officer", "再次延期", status=409, workdays=5)
    assert "已延长过答复期限" in r["detail"]


def test_extension_over_twenty_days_refused(flow: Flow) -> None:
    r = flow.act("request_extension", "officer", "需调档", status=400, workdays=21)
    assert r["detail"] == "延长期限应为1至20个工作日（条例第三十三条），收到21"


def test_fee_paid_then_answered(flow: Flow) -> None:
    flow.act("send_fee_notice", "officer", method="per_page", units=31)
    case = flow.case()
    assert case.events.get(action="send_fee_notice").data["amount"] == "10"
    assert case.notices.get(kind="send_fee_notice").body.count("按量计收") == 1
    flow.act("fee_paid", "officer")
    flow.answer("granted")
    assert flow.counted_under() == "granted"


def test_fee_of_zero_is_not_noticed(flow: Flow) -> None:
    r = flow.act("send_fee_notice", "officer", status=409, method="per_item", units=3)
    assert r["detail"] == "按收费标准计算的信息处理费为0元，无需发出收费通知"


def test_fee_lapsed(flow: Flow) -> None:
    flow.act("send_fee_notice", "officer", method="per_item", units=12)
    flow.day(date(2025, 11, 30))
    services.apply(flow.case(), "fee_lapsed", None, on=date(2025, 11, 30), as_role=Role.SYSTEM)
    assert flow.counted_under() == "other.fee_unpaid"


@pytest.mark.parametrize(
    ("kind", "outcome", "decided", "column"),
    [
        ("reconsideration", "upheld", date(2025, 12, 20), "upheld"),
        ("reconsideration", "corrected", date(2025, 12, 20), "corrected"),
        ("litigation_direct", "other", date(2025, 12, 20), "other"),
        ("litigation_after_reconsideration", "upheld", date(2026, 1, 20), "pending"),
    ],
)
def test_each_appeal_outcome_in_table_four(
    flow: Flow, kind: str, outcome: str, decided: date, column: str
) -> None:
    flow.day(date(2025, 10, 20))
    flow.answer("withheld_process_information")
    case = flow.case()
    appeal = services.lodge_appeal(case, flow.staff.officer, kind=kind, lodged_on=date(2025, 11, 3))
    services.decide_appeal(appeal, flow.staff.officer, outcome=outcome, decided_on=decided)
    t4 = stats.table4({flow.staff.organ.pk}, 2025)
    assert t4[kind][column] == 1 and t4[kind]["total"] == 1
    assert [e.action for e in case.events.order_by("seq")][-2:] == [
        "appeal_lodged",
        "appeal_decided",
    ]
