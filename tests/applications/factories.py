"""Cases built through the services: ``make_case(state=…)`` replays the workflow's events.

Factories never read the wall clock on their own: a case is received on the date the test
gives (``received_on=``), or on the "today" the test fixed (the ``frozen_today`` or
``travel`` fixture, or a test's own ``services.today``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import date
from typing import Any

import time_machine
from django.contrib.auth import get_user_model

from gongkai.applications import services
from gongkai.applications.models import Application
from gongkai.applications.workflow import Event, Role, State
from gongkai.organs.models import Membership, Organ, Region
from gongkai.organs.uscc import check_digit

_n = itertools.count(1)
_WALL_CLOCK_TODAY = services.today


def fixed_today() -> date:
    """The "today" the test fixed; an error when the test left it to the wall clock."""
    if time_machine.escape_hatch.is_travelling() or services.today is not _WALL_CLOCK_TODAY:
        return services.today()
    raise RuntimeError(
        "工厂不读取系统时钟：请传入日期（如 make_case(…, received_on=date(2025, 6, 16))），"
        "或让测试先固定今天（frozen_today / travel 夹具，见 tests/conftest.py）"
    )


def credit_code(n: int) -> str:
    first17 = f"11110000{n:08d}A"[:17]
    return first17 + check_digit(first17)


def make_organ(name: str = "", parent: Organ | None = None) -> Organ:
    i = next(_n)
    region, _ = Region.objects.get_or_create(name="测试区")
    return Organ.objects.create(
        region=region,
        parent=parent,
        name=name or f"测试区第{i}局",
        short_name=f"第{i}局",
        slug=f"org{i}",
        credit_code=credit_code(i),
    )


def make_user(organ: Organ | None = None, *roles: str, name: str = "") -> Any:
    i = next(_n)
    user = get_user_model().objects.create_user(
        # not "user{n}": gongkai_demo.factories.organs.UserFactory's own names, which it gets or
        # creates — a shared name would hand one test's officer to another role
        username=name or f"staff{i}",
        password=None,
        first_name=name,
    )
    for role in roles:
        assert organ is not None
        Membership.objects.create(user=user, organ=organ, role=role)
    return user


class Staff:
    """An organ with two officers, two reviewers and a head: enough people for the three
    review levels of a reply (初审, 复审 and 终审 by three different people)."""

    def __init__(self, organ: Organ | None = None) -> None:
        self.organ = organ or make_organ()
        self.officer = make_user(self.organ, "officer")
        self.officer2 = make_user(self.organ, "officer")
        self.reviewer = make_user(self.organ, "reviewer")
        self.reviewer2 = make_user(self.organ, "reviewer")
        self.head = make_user(self.organ, "head")


APPLICANT: dict[str, Any] = {
    "applicant_type": "natural_person",
    "applicant_name": "张三",
    "id_type": "resident_id",
    "id_number": "11010519491231002X",
    "phone": "13800000000",
    "email": "zhangsan@example.cn",
    "address": "测试市测试路1号",
    "postcode": "100000",
    "information": "2024年本区老旧小区改造项目的立项批复文件",
    "document_number": "",
    "provision_form": "electronic",
    "delivery_method": "email",
}

PATHS: dict[State, Sequence[tuple[Event, str]]] = {
    State.PROCESSING: (),
    State.CORRECTION: ((Event.REQUEST_CORRECTION, "officer"),),
    State.CONSULTING: ((Event.OPEN_CONSULTATION, "officer"),),
    State.EXTENSION_PENDING: ((Event.REQUEST_EXTENSION, "officer"),),
    State.FEE_PENDING: ((Event.SEND_FEE_NOTICE, "officer"),),
    State.REVIEW_FIRST: ((Event.DRAFT_REPLY, "officer"),),
    State.REVIEW_SECOND: ((Event.DRAFT_REPLY, "officer"), (Event.APPROVE_FIRST, "reviewer")),
    State.REVIEW_FINAL: (
        (Event.DRAFT_REPLY, "officer"),
        (Event.APPROVE_FIRST, "reviewer"),
        (Event.APPROVE_SECOND, "reviewer2"),
    ),
    State.APPROVED: (
        (Event.DRAFT_REPLY, "officer"),
        (Event.APPROVE_FIRST, "reviewer"),
        (Event.APPROVE_SECOND, "reviewer2"),
        (Event.SIGN_OFF, "head"),
    ),
}
PATHS[State.CLOSED] = (*PATHS[State.APPROVED], (Event.DELIVER, "officer"))

DATA: dict[Event, dict[str, Any]] = {
    Event.REQUEST_CORRECTION: {"points": ["请写明所需文件的名称或文号"]},
    Event.OPEN_CONSULTATION: {"party": "third_party", "name": "某公司"},
    Event.REQUEST_EXTENSION: {"workdays": 20},
    Event.SEND_FEE_NOTICE: {"method": "per_page", "units": 120},
    Event.DRAFT_REPLY: {"answer": "granted"},
}
REASONS: dict[Event, str] = {
    Event.REQUEST_CORRECTION: "申请内容不明确",
    Event.OPEN_CONSULTATION: "涉及第三方商业秘密",
    Event.REQUEST_EXTENSION: "需调取档案",
    Event.DRAFT_REPLY: "现予提供",
}


def make_case(
    staff: Staff,
    state: State = State.PROCESSING,
    *,
    received_on: date | None = None,
    on: date | None = None,
    answer: str = "granted",
    **fields: Any,
) -> Application:
    """A registered case brought to ``state`` through ``services.apply``.

    Received on ``received_on`` (default: ``on``, else the "today" the test fixed); the
    workflow's steps up to ``state`` are taken on ``on`` (default: the test's "today").
    Without a date and without a fixed "today" it refuses rather than read the wall clock."""
    steps = PATHS[state]
    acted_on = (on or fixed_today()) if steps else None
    case, _ = services.register(
        staff.organ,
        {**APPLICANT, **fields},
        staff.officer,
        channel="letter",
        received_on=received_on or on or fixed_today(),
    )
    people = {
        "officer": staff.officer,
        "reviewer": staff.reviewer,
        "reviewer2": staff.reviewer2,
        "head": staff.head,
    }
    for event, who in steps:
        data = dict(DATA.get(event, {}))
        if event is Event.DRAFT_REPLY:
            data["answer"] = answer
        services.apply(case, event, people[who], REASONS.get(event, ""), data=data, on=acted_on)
    return case


def as_system(case: Application, event: Event, on: date) -> None:
    services.apply(case, event, None, "", on=on, as_role=Role.SYSTEM)
