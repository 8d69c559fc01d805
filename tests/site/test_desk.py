"""The start page (工作台) per role: exactly what waits for that person, nothing of other organs.

Every case, item and report is built through the services at fixed dates; today is
``FROZEN_TODAY`` (Monday 16 June 2025), so “within 5 working days” ends on 23 June.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from gongkai.applications import services
from gongkai.applications.errors import CaseworkError
from gongkai.applications.models import Application, Notice
from gongkai.applications.workflow import Event, State
from gongkai.disclosure import services as item_services
from gongkai.disclosure import workflow as item_workflow
from gongkai.disclosure.models import Item
from gongkai.organs import people
from gongkai.organs.models import Membership, Organ
from gongkai.reports import services as report_services
from gongkai.reports.models import ImportedReport
from gongkai.site.desk import Block, Desk, Section, build, todo_count
from gongkai_demo.factories.disclosure import Team, make_item
from tests.applications.factories import APPLICANT, Staff, make_case, make_organ, make_user

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 16)


# ---------------------------------------------------------------------------- helpers


def block(desk: Desk, key: str) -> Block:
    found = [b for b in desk.blocks if b.key == key]
    assert found, f"没有“{key}”：{[b.key for b in desk.blocks]}"
    return found[0]


def section(desk: Desk, key: str, name: str) -> Section:
    found = [s for s in block(desk, key).sections if s.key == name]
    assert found, f"“{key}”没有“{name}”"
    return found[0]


def labels(desk: Desk, key: str, name: str) -> list[str]:
    return [line.label for line in section(desk, key, name).lines]


def page(client: Client, user: Any, path: str = "/office/") -> str:
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return str(response.content.decode())


def team(staff: Staff) -> Team:
    """The disclosure team of a ``Staff`` organ: the same people, in the items' roles."""
    return Team(staff.organ, staff.officer, staff.reviewer, staff.reviewer2, staff.head)


def online(organ: Organ, information: str = "网上申请的信息") -> Application:
    case, _ = services.submit_online(organ, {**APPLICANT, "information": information})
    return case


def send_back(item: Item, by: Any) -> Item:
    return item_services.apply(item, "send_back", by, "请补充政策解读")


def nav_badge(html: str) -> str | None:
    found = re.search(r'aria-label="主菜单">.*?<span class="badge">(待办 \d+)</span>', html, re.S)
    return found.group(1) if found else None


# ---------------------------------------------------------------------------- officer


@pytest.fixture
def officer_world(frozen_today: date) -> dict[str, Any]:
    staff = Staff()
    w: dict[str, Any] = {"staff": staff}
    w["overdue"] = make_case(staff, received_on=date(2025, 5, 6))  # due 4 June
    w["soon"] = make_case(staff, received_on=date(2025, 5, 20))  # due 18 June
    w["later"] = make_case(staff, received_on=date(2025, 6, 16))  # due 14 July
    w["in_review"] = make_case(staff, State.REVIEW_SECOND, received_on=date(2025, 5, 13))
    w["colleagues"] = make_case(staff, received_on=date(2025, 5, 6))
    services.assign(w["colleagues"], staff.officer2, staff.officer)
    w["correction"] = make_case(
        staff, State.CORRECTION, received_on=date(2025, 5, 20), on=date(2025, 5, 26)
    )  # the applicant has until 17 June
    w["fee"] = make_case(
        staff, State.FEE_PENDING, received_on=date(2025, 5, 6), on=date(2025, 5, 12)
    )  # to pay by 10 June: lapsed
    w["consulting"] = make_case(staff, State.CONSULTING, received_on=date(2025, 6, 3))
    w["returned"] = make_case(staff, State.REVIEW_FIRST, received_on=date(2025, 6, 3))
    services.apply(w["returned"], Event.RETURN_FOR_REVISION, staff.reviewer, "请补充法律依据")
    w["approved"] = make_case(staff, State.APPROVED, received_on=date(2025, 6, 4))
    w["online"] = online(staff.organ)
    Notice.objects.filter(application=w["correction"]).update(
        status=Notice.Status.FAILED, error="收件服务器拒收"
    )
    Notice.objects.filter(application=w["fee"]).update(status=Notice.Status.TO_PRINT)
    items = team(staff)
    w["draft"] = make_item(items, title="2025年部门预算", written_on=date(2025, 6, 10))
    w["sent_back"] = send_back(
        make_item(
            items, state=item_workflow.FIRST_REVIEW, title="惠企政策", written_on=date(2025, 6, 2)
        ),
        staff.reviewer,
    )
    make_item(items, state=item_workflow.SECOND_REVIEW, title="审核中的信息")
    # Another organ with work of every kind: none of it may show.
    other = Staff()
    w["other"] = other
    w["other_cases"] = [
        make_case(other, received_on=date(2025, 5, 6)),
        make_case(other, State.APPROVED, received_on=date(2025, 6, 4)),
        online(other.organ, "别的机关的申请"),
    ]
    make_item(team(other), title="别的机关的草稿", written_on=date(2025, 6, 10))
    return w


def test_officer_sees_exactly_the_work_waiting_for_them(officer_world: dict[str, Any]) -> None:
    w = officer_world
    staff = w["staff"]
    desk = build(staff.officer, on=TODAY)
    key = f"officer-{staff.organ.pk}"
    n = {name: w[name].number for name in w if isinstance(w[name], Application)}
    assert [b.key for b in desk.blocks] == [key]
    assert labels(desk, key, "deadlines") == [n["overdue"], n["in_review"], n["soon"]]
    assert labels(desk, key, "periods") == [n["fee"], n["correction"]]
    assert labels(desk, key, "returned") == [n["returned"]]
    assert labels(desk, key, "to_deliver") == [n["approved"]]
    assert labels(desk, key, "awaiting") == [n["online"]]
    assert labels(desk, key, "to_draft") == [n["overdue"], n["soon"], n["later"]]
    assert labels(desk, key, "notices") == [n["correction"], n["fee"]]
    assert labels(desk, key, "items") == ["惠企政策", "2025年部门预算"]
    assert labels(desk, key, "report") == ["2024年度报告"]
    assert desk.todo == 3 + 2 + 1 + 1 + 1 + 3 + 2 + 2 + 1


def test_officer_lines_say_why_and_when(officer_world: dict[str, Any]) -> None:
    staff = officer_world["staff"]
    desk = build(staff.officer, on=TODAY)
    key = f"officer-{staff.organ.pk}"
    overdue, in_review, soon = section(desk, key, "deadlines").lines
    assert (overdue.note, overdue.tone) == ("已逾期8个工作日", "overdue")
    assert in_review.detail.startswith("复审中 · ")
    assert (soon.note, soon.tone) == ("还有2个工作日（2025-06-18）", "soon")
    fee, correction = section(desk, key, "periods").lines
    assert (fee.detail.split(" · ")[0], fee.note) == ("待缴费", "缴费期限已于2025-06-10届满")
    assert correction.note == "补正期限2025-06-17届满，还有1个工作日"
    (returned,) = section(desk, key, "returned").lines
    assert returned.detail.endswith("退回：请补充法律依据")
    failed, to_print = section(desk, key, "notices").lines
    assert (failed.note, to_print.note) == ("发送失败", "待打印")
    assert "收件服务器拒收" in failed.detail
    assert failed.url == f"/office/applications/{officer_world['correction'].number}/#notices"
    assert to_print.url == "/office/applications/#to-print"
    sent_back, draft = section(desk, key, "items").lines
    assert sent_back.detail.endswith("退回：请补充政策解读")
    assert draft.detail == "草稿，待提交审核"
    (report,) = section(desk, key, "report").lines
    assert (report.detail, report.note) == ("尚未开始编写", "已超过法定期限136天")


def test_officer_page_links_every_line_and_shows_nothing_of_other_organs(
    client: Client, officer_world: dict[str, Any]
) -> None:
    w = officer_world
    html = page(client, w["staff"].officer)
    assert "您的角色：" in html
    for name in ("overdue", "soon", "returned", "approved", "online", "fee"):
        assert f'href="/office/applications/{w[name].number}/"' in html
    assert f'href="/office/disclosure/items/{w["sent_back"].pk}/"' in html
    assert f'href="/office/reports/{w["staff"].organ.slug}/2024/"' in html
    for case in w["other_cases"]:
        assert case.number not in html
    assert w["other"].organ.name not in html
    assert "别的机关" not in html
    assert w["colleagues"].number not in html  # assigned to the other officer


def test_a_colleagues_case_is_on_the_colleagues_page(officer_world: dict[str, Any]) -> None:
    w = officer_world
    desk = build(w["staff"].officer2, on=TODAY)
    key = f"officer-{w['staff'].organ.pk}"
    assert w["colleagues"].number in labels(desk, key, "deadlines")


def test_a_long_list_shows_twenty_lines_and_a_link_to_all(frozen_today: date) -> None:
    staff = Staff()
    for _ in range(22):
        online(staff.organ)
    awaiting = section(build(staff.officer, on=TODAY), f"officer-{staff.organ.pk}", "awaiting")
    assert (len(awaiting.lines), awaiting.total, awaiting.more) == (20, 22, True)
    assert awaiting.more_url == f"/office/applications/?organ={staff.organ.slug}#awaiting"


# ---------------------------------------------------------------------------- reviewer, head


@pytest.fixture
def review_world(frozen_today: date) -> dict[str, Any]:
    staff = Staff()
    w: dict[str, Any] = {"staff": staff}
    w["first"] = make_case(staff, State.REVIEW_FIRST, received_on=date(2025, 6, 2))
    w["second"] = make_case(staff, State.REVIEW_SECOND, received_on=date(2025, 6, 3))
    w["final"] = make_case(staff, State.REVIEW_FINAL, received_on=date(2025, 6, 4))
    w["head_first"] = make_case(staff, State.REVIEW_FIRST, received_on=date(2025, 6, 5))
    services.apply(w["head_first"], Event.APPROVE_FIRST, staff.head)
    w["extension"] = make_case(staff, State.EXTENSION_PENDING, received_on=date(2025, 6, 6))
    items = team(staff)
    w["item_first"] = make_item(items, state=item_workflow.FIRST_REVIEW, title="待初审信息")
    w["item_second"] = make_item(items, state=item_workflow.SECOND_REVIEW, title="待复审信息")
    w["item_final"] = make_item(items, state=item_workflow.FINAL_REVIEW, title="待终审信息")
    other = Staff()
    w["other"] = other
    w["other_cases"] = [
        make_case(other, state, received_on=date(2025, 6, 2))
        for state in (State.REVIEW_FIRST, State.REVIEW_SECOND, State.EXTENSION_PENDING)
    ]
    make_item(team(other), state=item_workflow.FIRST_REVIEW, title="别的机关的信息")
    return w


@pytest.mark.parametrize(
    ("who", "replies", "items"),
    [
        ("reviewer", ["first", "head_first"], ["待初审信息"]),
        ("reviewer2", ["first", "second", "head_first"], ["待初审信息", "待复审信息"]),
        ("head", ["first", "second", "final"], ["待终审信息"]),
    ],
)
def test_reviewers_see_what_waits_at_their_level_and_they_may_still_take(
    review_world: dict[str, Any], who: str, replies: list[str], items: list[str]
) -> None:
    w = review_world
    staff = w["staff"]
    desk = build(getattr(staff, who), on=TODAY)
    key = f"review-{staff.organ.pk}"
    assert [b.key for b in desk.blocks] == [key]
    assert labels(desk, key, "replies") == [w[name].number for name in replies]
    assert labels(desk, key, "review_items") == items
    names = [s.key for s in block(desk, key).sections]
    assert ("extensions" in names) is (who == "head")
    if who == "head":
        assert labels(desk, key, "extensions") == [w["extension"].number]


APPROVE = {
    State.REVIEW_FIRST: Event.APPROVE_FIRST,
    State.REVIEW_SECOND: Event.APPROVE_SECOND,
    State.REVIEW_FINAL: Event.SIGN_OFF,
}
ITEM_APPROVE = {
    item_workflow.FIRST_REVIEW: "approve_first",
    item_workflow.SECOND_REVIEW: "approve_second",
    item_workflow.FINAL_REVIEW: "approve_final",
}


class _Undo(Exception):
    pass


def _could(act: Any) -> bool:
    """Whether ``act()`` succeeds; whatever it wrote is rolled back."""
    try:
        with transaction.atomic():
            act()
            raise _Undo
    except _Undo:
        return True
    except (CaseworkError, item_workflow.TransitionError):
        return False


@pytest.mark.parametrize("who", ["reviewer", "reviewer2", "head", "officer"])
def test_a_review_is_listed_exactly_when_the_service_would_accept_it(
    review_world: dict[str, Any], who: str
) -> None:
    staff = review_world["staff"]
    user = getattr(staff, who)
    desk = build(user, on=TODAY)
    key = f"review-{staff.organ.pk}"
    listed = set(labels(desk, key, "replies")) if desk.blocks and who != "officer" else set()
    waiting = Application.objects.filter(organ=staff.organ, state__in=list(APPROVE))
    possible = {
        c.number for c in waiting if _could(lambda c=c: services.apply(c, APPROVE[c.state], user))
    }
    assert listed == possible
    listed_items = set(labels(desk, key, "review_items")) if who != "officer" else set()
    reviewing = Item.objects.filter(organ=staff.organ, state__in=list(ITEM_APPROVE))
    possible_items = {
        i.title
        for i in reviewing
        if _could(lambda i=i: item_services.apply(i, ITEM_APPROVE[i.state], user))
    }
    assert listed_items == possible_items


def test_the_report_waits_for_finalizing_then_publishing(frozen_today: date) -> None:
    staff = Staff()
    key = f"review-{staff.organ.pk}"
    assert labels(build(staff.reviewer, on=TODAY), key, "report") == []
    draft = report_services.open_draft(staff.organ, 2024, staff.officer)
    for who in (staff.reviewer, staff.head):
        (line,) = section(build(who, on=TODAY), key, "report").lines
        assert (line.label, line.detail) == ("2024年度报告", "待定稿")
        assert line.url == f"/office/reports/{staff.organ.slug}/2024/"
    officer_line = section(build(staff.officer, on=TODAY), f"officer-{staff.organ.pk}", "report")
    assert [line.detail for line in officer_line.lines] == ["草稿编写中，完成后请审核人定稿"]
    report_services.finalize(draft, staff.reviewer)
    (line,) = section(build(staff.head, on=TODAY), key, "report").lines
    assert line.detail == "已定稿，待发布"
    assert section(build(staff.officer, on=TODAY), f"officer-{staff.organ.pk}", "report").total == 0


def test_reviewer_page_shows_nothing_of_other_organs(
    client: Client, review_world: dict[str, Any]
) -> None:
    w = review_world
    html = page(client, w["staff"].head)
    assert f'href="/office/applications/{w["final"].number}/"' in html
    assert f'href="/office/applications/{w["extension"].number}/"' in html
    for case in w["other_cases"]:
        assert case.number not in html
    assert "别的机关的信息" not in html


# ---------------------------------------------------------------------------- supervisor


@pytest.fixture
def supervised(frozen_today: date) -> dict[str, Any]:
    office = make_organ("测试区人民政府办公室")
    a = Staff(make_organ("测试区甲局", parent=office))
    b = Staff(make_organ("测试区乙局", parent=office))
    outside = Staff(make_organ("外区丙局"))
    make_case(a, received_on=date(2025, 5, 6))  # overdue
    make_case(a, received_on=date(2025, 5, 20))  # due 18 June
    make_case(a, received_on=date(2025, 6, 16))  # due 14 July
    make_case(a, State.CORRECTION, received_on=date(2025, 5, 6), on=date(2025, 5, 9))  # paused
    make_case(b, received_on=date(2025, 6, 16))
    make_case(outside, received_on=date(2025, 5, 6))
    for staff in (b, outside):  # one item published late, one still unpublished past its date
        make_item(team(staff), state=item_workflow.PUBLISHED, written_on=date(2025, 4, 1))
        make_item(team(staff), title="逾期未发布", written_on=date(2025, 4, 1))
    make_item(team(a), state=item_workflow.PUBLISHED, written_on=date(2025, 6, 2))  # on time
    ImportedReport.objects.create(
        office=office,
        organ=a.organ,
        year=2024,
        source="甲局2024年报.pdf",
        size=1,
        sha256="0" * 64,
        content=b"",
        data={},
    )
    report_services.open_draft(b.organ, 2024, b.officer)
    return {
        "office": office,
        "a": a,
        "b": b,
        "outside": outside,
        "supervisor": make_user(office, "supervisor"),
    }


def test_supervisor_sees_counts_of_every_organ_below(supervised: dict[str, Any]) -> None:
    s = supervised
    desk = build(s["supervisor"], on=TODAY)
    key = f"supervisor-{s['office'].pk}"
    assert [b.key for b in desk.blocks] == [key]
    (cases,) = section(desk, key, "cases").lines
    assert (cases.label, cases.detail) == ("测试区甲局", "已逾期1件，5个工作日内到期1件")
    assert cases.url == f"/office/applications/?organ={s['a'].organ.slug}&due=overdue"
    (late,) = section(desk, key, "late_items").lines
    assert (late.label, late.detail) == ("测试区乙局", "2025年迟发布1条，超过公开期限尚未发布1条")
    reports = section(desk, key, "reports").lines
    assert [(r.label, r.detail) for r in reports] == [
        ("测试区人民政府办公室", "尚未开始编写"),
        ("测试区乙局", "草稿编写中"),
    ]
    overview = block(desk, key).overview
    assert overview is not None
    assert [row[:1] + row[2:] for row in overview.rows] == [
        ("测试区人民政府办公室", 0, 0, 0, 0, "尚未开始编写"),
        ("测试区甲局", 4, 1, 1, 0, "已发布（外部导入）"),
        ("测试区乙局", 1, 0, 0, 2, "草稿编写中"),
    ]


def test_supervisor_page_has_no_personal_data_and_no_other_region(
    client: Client, supervised: dict[str, Any]
) -> None:
    html = page(client, supervised["supervisor"])
    assert "所监督的机关" in html
    assert "外区丙局" not in html
    assert APPLICANT["applicant_name"] not in html
    assert "-2025-" not in html  # no case number
    assert "逾期未发布" not in html  # no item title


def test_the_report_line_turns_overdue_after_31_january(travel: Any) -> None:
    office = make_organ("测试区政府办")
    supervisor = make_user(office, "supervisor")
    key = f"supervisor-{office.pk}"
    travel(date(2026, 1, 20))
    (before,) = section(build(supervisor), key, "reports").lines
    assert (before.label, before.note, before.tone) == (office.name, "距法定期限还有11天", "soon")
    travel(date(2026, 2, 3))
    (after,) = section(build(supervisor), key, "reports").lines
    assert (after.note, after.tone) == ("已超过法定期限3天", "overdue")
    assert after.url == f"/office/reports/{office.slug}/2025/"


# ---------------------------------------------------------------------------- admin


def _lock(username: str) -> None:
    for _ in range(5):
        Client().post("/accounts/login/", {"username": username, "password": "wrong"})


@pytest.fixture
def administered(frozen_today: date) -> dict[str, Any]:
    office = make_organ("测试区人民政府办公室")
    complete = Staff(make_organ("测试区甲局", parent=office))
    thin = make_organ("测试区乙局", parent=office)
    lonely = make_user(thin, "officer", name="thin_officer")
    outside = make_organ("外区丙局")
    make_user(outside, "officer", name="outside_officer")
    admin = make_user(office, "admin", name="office_admin")
    _lock(complete.reviewer.username)
    _lock("outside_officer")
    leaver, _, _ = people.create_person(
        organ=thin, username="leaver", full_name="离岗人", email="", roles=["officer"], by=admin
    )
    Membership.objects.filter(user=leaver).delete()  # an account left without any role
    return {
        "office": office,
        "complete": complete,
        "thin": thin,
        "lonely": lonely,
        "admin": admin,
        "reviewer": complete.reviewer,
    }


def test_admin_sees_locked_accounts_gaps_and_people_without_a_role(
    administered: dict[str, Any],
) -> None:
    s = administered
    desk = build(s["admin"], on=TODAY)
    key = f"admin-{s['office'].pk}"
    assert [b.key for b in desk.blocks] == ["admin-site", key]
    (locked,) = section(desk, key, "locked").lines
    assert locked.label == s["reviewer"].username
    assert locked.url == f"/office/organs/{s['complete'].organ.slug}/people/"
    gaps = section(desk, key, "people").lines
    assert [(g.label, g.note) for g in gaps] == [
        ("测试区人民政府办公室", "角色空缺"),
        ("测试区乙局", "角色空缺"),
        ("离岗人（leaver）", "未分配角色"),
    ]
    assert gaps[1].detail == (
        "没有机构负责人（批准延期、终审需要）；三级审核需要两位审核人和一位机构负责人、"
        "三人各不相同，现有审核人0位、机构负责人0位"
    )
    assert gaps[2].url == f"/office/organs/{s['thin'].slug}/people/add/"
    assert section(desk, "admin-site", "calendar").total == 0


def test_admin_page_shows_nothing_of_other_organs(
    client: Client, administered: dict[str, Any]
) -> None:
    html = page(client, administered["admin"])
    assert "所管理的机关" in html
    assert "管理工作日历" in html
    assert "外区丙局" not in html
    assert "outside_officer" not in html


def test_site_admin_is_told_to_enter_next_years_holidays_from_november(travel: Any) -> None:
    top = make_organ("测试区人民政府办公室")
    admin = make_user(top, "admin")
    travel(date(2026, 11, 2))
    (line,) = section(build(admin), "admin-site", "calendar").lines
    assert (line.label, line.url, line.note) == (
        "录入2027年放假安排通知",
        "/office/calendar/notices/new/",
        "未录入",
    )
    assert line.detail.startswith("2027年的节假日安排尚未录入")
    sub_admin = make_user(make_organ(parent=top), "admin")
    assert "admin-site" not in [b.key for b in build(sub_admin).blocks]


# ---------------------------------------------------------------------------- several roles


def test_one_block_per_role_and_organ(frozen_today: date) -> None:
    office = make_organ("测试区人民政府办公室")
    a, b = make_organ("测试区甲局", parent=office), make_organ("测试区乙局", parent=office)
    user = make_user(a, "officer")
    for organ, role in ((b, "reviewer"), (b, "head"), (office, "supervisor")):
        Membership.objects.create(user=user, organ=organ, role=role)
    desk = build(user, on=TODAY)
    assert [(x.key, x.role, x.organ) for x in desk.blocks] == [
        (f"officer-{a.pk}", "公开专员", "测试区甲局"),
        (f"review-{b.pk}", "审核人、机构负责人", "测试区乙局"),
        (f"supervisor-{office.pk}", "主管部门监督人员", "测试区人民政府办公室及所属机关"),
    ]
    assert desk.roles == (
        ("公开专员", "测试区甲局"),
        ("审核人", "测试区乙局"),
        ("机构负责人", "测试区乙局"),
        ("主管部门监督人员", "测试区人民政府办公室"),
    )


# ---------------------------------------------------------------------------- empty states


def test_every_section_says_when_there_is_nothing_to_do(client: Client, frozen_today: date) -> None:
    staff = Staff()
    html = page(client, staff.reviewer)
    desk = build(staff.reviewer, on=TODAY)
    assert desk.todo == 0
    for s in block(desk, f"review-{staff.organ.pk}").sections:
        assert f'<p class="empty desk-empty">{s.empty}</p>' in html
    assert "没有待办事项。" in html
    assert nav_badge(html) is None
    assert "没有等待您审核的答复。" in html


def test_a_person_without_a_role_is_told_so(client: Client, frozen_today: date) -> None:
    html = page(client, make_user())
    assert "您的账户尚未分配到任何机关" in html
    assert "待办" not in html


# ---------------------------------------------------------------------------- the menu


def test_the_menu_counts_the_start_pages_work_on_every_page(
    client: Client, officer_world: dict[str, Any]
) -> None:
    officer = officer_world["staff"].officer
    expected = f"待办 {build(officer, on=TODAY).todo}"
    assert nav_badge(page(client, officer)) == expected
    assert nav_badge(page(client, officer, "/office/calendar/")) == expected
    assert nav_badge(page(client, officer_world["other"].reviewer)) is None


def test_the_count_is_computed_once_per_request(
    officer_world: dict[str, Any], django_assert_num_queries: Any
) -> None:
    from django.contrib.auth import get_user_model

    officer = get_user_model().objects.get(pk=officer_world["staff"].officer.pk)
    first = todo_count(officer)
    with django_assert_num_queries(0):
        assert todo_count(officer) == first


# ---------------------------------------------------------------------------- queries


def _queries(client: Client, user: Any) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/office/").status_code == 200
    return len(captured)


def test_the_page_reads_a_bounded_number_of_queries(
    client: Client, officer_world: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    staff = officer_world["staff"]
    client.force_login(staff.officer)
    with django_assert_max_num_queries(30):
        client.get("/office/")
    before = _queries(client, staff.officer)
    for received in (date(2025, 5, 7), date(2025, 5, 21), date(2025, 6, 10)):
        make_case(staff, received_on=received)
        make_case(staff, State.APPROVED, received_on=received)
        online(staff.organ)
    make_item(team(staff), title="又一条草稿", written_on=date(2025, 6, 10))
    assert _queries(client, staff.officer) == before  # more lines, not more queries


@pytest.mark.parametrize("who", ["reviewer", "head"])
def test_review_page_queries_do_not_grow_with_the_cases(
    client: Client, review_world: dict[str, Any], who: str
) -> None:
    staff = review_world["staff"]
    user = getattr(staff, who)
    before = _queries(client, user)
    for received in (date(2025, 6, 9), date(2025, 6, 10)):
        make_case(staff, State.REVIEW_FIRST, received_on=received)
        make_case(staff, State.REVIEW_FINAL, received_on=received)
        make_item(team(staff), state=item_workflow.FIRST_REVIEW, title="又一条")
    assert _queries(client, user) == before
