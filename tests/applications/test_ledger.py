"""依申请公开台账 (``applications/ledger.py``, ``views/ledger.py``): filters, sorting, pages,
exports equal to the query, no personal data for supervisors, bounded queries."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import openpyxl
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gongkai.annual import schema
from gongkai.applications import ledger, rules, services
from gongkai.applications.models import Application, PersonalDataAccess
from gongkai.applications.workflow import Event, State
from gongkai.organs.models import Membership
from tests.applications.factories import Staff, make_case, make_organ, make_user

pytestmark = pytest.mark.django_db

URL = reverse("applications:ledger")
XLSX = reverse("applications:ledger_xlsx")
CSV = reverse("applications:ledger_csv")


@dataclass
class World:
    staff: Staff
    supervisor: Any
    cases: dict[str, Application]
    other: Application

    def number(self, key: str) -> str:
        return self.cases[key].number


@pytest.fixture
def world(frozen_today: date) -> World:
    """Today is Monday 2025-06-16. Organ A (under a supervised office) has six cases, organ B
    one; the supervisor oversees the office and everything below it."""
    office = make_organ("测试区人民政府办公室")
    staff = Staff(make_organ("测试区甲局", parent=office))
    supervisor = make_user(office, "supervisor")
    cases = {
        "open": make_case(
            staff,
            received_on=date(2025, 6, 10),
            applicant_name="王五",
            information="2025年老旧小区改造项目清单",
        ),
        "open_late": make_case(
            staff,
            received_on=date(2025, 4, 1),
            applicant_name="赵六",
            id_number="110105194912310029",
            information="河道整治工程的环评报告",
        ),
        "answered": make_case(
            staff,
            State.CLOSED,
            received_on=date(2025, 5, 6),
            on=date(2025, 5, 20),
            applicant_name="张三",
            information="2024年本区老旧小区改造项目的立项批复文件",
        ),
        "answered_late": make_case(
            staff,
            State.CLOSED,
            received_on=date(2025, 3, 3),
            on=date(2025, 6, 10),
            answer="not_held",
            applicant_name="李四",
            applicant_type="commercial",
            information="某路段拓宽工程的征收补偿方案",
        ),
        "withdrawn": make_case(
            staff, received_on=date(2025, 5, 12), applicant_name="钱七", information="公交线路调整"
        ),
        "reviewing": make_case(
            staff,
            State.REVIEW_FIRST,
            received_on=date(2025, 6, 2),
            on=date(2025, 6, 12),
            applicant_name="孙八",
            information="2025年财政预算执行情况",
        ),
    }
    services.apply(
        cases["withdrawn"], Event.WITHDRAW, staff.officer, "申请人来电撤回", on=date(2025, 5, 15)
    )
    services.assign(cases["open"], staff.officer2, staff.officer)
    appeal = services.lodge_appeal(
        cases["answered"], staff.officer, kind="reconsideration", lodged_on=date(2025, 6, 3)
    )
    services.decide_appeal(appeal, staff.officer, outcome="upheld", decided_on=date(2025, 6, 13))
    other = make_case(Staff(), received_on=date(2025, 6, 10), applicant_name="外局申请人")
    for case in (*cases.values(), other):
        case.refresh_from_db()
    return World(staff, supervisor, cases, other)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _listed(client: Client, **params: str) -> list[str]:
    response = client.get(URL, params)
    assert response.status_code == 200
    return [row.case.number for row, _ in response.context["rows"]]


def _numbers(world: World, *keys: str) -> set[str]:
    return {world.number(k) for k in keys}


# ------------------------------------------------------------------ who sees which cases


def test_every_case_of_the_organ_open_and_closed_and_none_of_another(world: World) -> None:
    listed = _listed(_client(world.staff.officer))
    assert set(listed) == _numbers(world, *world.cases)
    assert world.other.number not in listed


def test_a_supervisor_sees_the_subtree_and_no_other_organ(world: World) -> None:
    listed = _listed(_client(world.supervisor))
    assert set(listed) == _numbers(world, *world.cases)


# ------------------------------------------------------------------ filters, one by one

FILTERS: list[tuple[dict[str, str], tuple[str, ...]]] = [
    ({"number": "{answered}"}, ("answered",)),
    ({"applicant": "张三"}, ("answered",)),
    ({"applicant": "110105194912310029"}, ("open_late",)),
    (
        {"applicant": "11010519491231002x"},
        ("open", "answered", "answered_late", "withdrawn", "reviewing"),
    ),
    ({"words": "老旧小区"}, ("open", "answered")),
    ({"words": "老旧小区 立项"}, ("answered",)),
    ({"state": "open"}, ("open", "open_late", "reviewing")),
    ({"state": "closed"}, ("answered", "answered_late")),
    ({"state": "withdrawn"}, ("withdrawn",)),
    ({"state": "review_first"}, ("reviewing",)),
    ({"answer": "not_held"}, ("answered_late",)),
    ({"answer": "granted"}, ("answered", "reviewing")),
    ({"answer": "none"}, ("open", "open_late")),
    ({"assignee": "{officer2}"}, ("open",)),
    ({"assignee": "none"}, ("open_late", "answered", "answered_late", "withdrawn", "reviewing")),
    ({"received_from": "2025-05-06"}, ("open", "answered", "withdrawn", "reviewing")),
    ({"received_to": "2025-05-06"}, ("open_late", "answered", "answered_late")),
    ({"received_from": "2025-05-01", "received_to": "2025-05-31"}, ("answered", "withdrawn")),
    ({"answered_from": "2025-06-01"}, ("answered_late",)),
    ({"answered_to": "2025-05-31"}, ("answered", "withdrawn")),
    ({"overdue": "yes"}, ("open_late", "answered_late")),
    ({"overdue": "no"}, ("open", "answered", "withdrawn", "reviewing")),
    ({"state": "closed", "overdue": "yes"}, ("answered_late",)),
]


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=[str(p) for p, _ in FILTERS])
def test_each_filter(world: World, params: dict[str, str], expected: tuple[str, ...]) -> None:
    values = {"officer2": str(world.staff.officer2.pk)} | {
        k: c.number for k, c in world.cases.items()
    }
    query = {k: v.format(**values) for k, v in params.items()}
    assert set(_listed(_client(world.staff.officer), **query)) == _numbers(world, *expected)


def test_the_overdue_column_agrees_with_the_overdue_filter(world: World) -> None:
    response = _client(world.staff.officer).get(URL)
    flags = {row.case.number: row.overdue for row, _ in response.context["rows"]}
    assert {n for n, late in flags.items() if late} == _numbers(world, "open_late", "answered_late")


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        (
            {"received_from": "2025-02-30"},
            "received_from",
            "应为实际存在的日期，格式如2025-03-01；读到“2025-02-30”",
        ),
        (
            {"answered_to": "昨天"},
            "answered_to",
            "应为实际存在的日期，格式如2025-03-01；读到“昨天”",
        ),
        (
            {"received_from": "2025-06-01", "received_to": "2025-05-01"},
            "received_to",
            "截止日期2025-05-01早于起始日期2025-06-01，请对调或改正",
        ),
        ({"state": "lost"}, "state", "没有这一选项：“lost”"),
    ],
)
def test_bad_filter_input_is_a_message_beside_the_filter(
    world: World, params: dict[str, str], field: str, message: str
) -> None:
    response = _client(world.staff.officer).get(URL, params)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    html = response.content.decode()
    beside = html.split(f'id="filter-{field}"', 1)[1].split("</span>", 1)[0]
    assert message.replace("“", "&ldquo;").replace("”", "&rdquo;") in beside or message in beside
    assert "筛选条件有误，请按各项旁的提示改正后再查询。" in html
    assert 'id="ledger"' not in html


def test_an_export_with_a_bad_date_is_refused_with_the_message(world: World) -> None:
    response = _client(world.staff.officer).get(XLSX, {"received_from": "2025-13-01"})
    assert response.status_code == 400
    assert "读到“2025-13-01”" in response.content.decode().replace("&ldquo;", "“").replace(
        "&rdquo;", "”"
    )


def test_the_empty_state(world: World) -> None:
    response = _client(world.staff.officer).get(URL, {"number": "没有这个编号"})
    assert "没有符合条件的申请" in response.content.decode()
    assert response.context["page"].paginator.count == 0


# ------------------------------------------------------------------ sorting and pages


def test_sorting_by_each_offered_column(world: World) -> None:
    client = _client(world.staff.officer)
    by_received = sorted(world.cases.values(), key=lambda c: (c.received_on, c.pk))
    assert _listed(client, sort="received") == [c.number for c in by_received]
    assert _listed(client, sort="-received") == [c.number for c in reversed(by_received)]
    assert _listed(client) == _listed(client, sort="-received")  # the default
    assert _listed(client, sort="password") == _listed(client, sort="-received")  # not offered
    answered = _listed(client, sort="answered")
    assert answered[:3] == [world.number(k) for k in ("withdrawn", "answered", "answered_late")]
    assert _listed(client, sort="number") == sorted(c.number for c in world.cases.values())
    assert _listed(client, sort="assignee")[0] == world.number("open")  # the only one assigned
    assert _listed(client, sort="-assignee")[-1] == world.number("open")
    states = _listed(client, sort="state")
    assert states.index(world.number("open")) < states.index(world.number("answered"))
    assert states.index(world.number("answered")) < states.index(world.number("withdrawn"))
    for key in ledger.SORTS:
        assert _client(world.staff.officer).get(URL, {"sort": f"-{key}"}).status_code == 200


def test_a_column_header_sorts_and_keeps_the_filters(world: World) -> None:
    response = _client(world.staff.officer).get(URL, {"words": "老旧小区", "sort": "received"})
    headers = {h["column"].key: h for h in response.context["headers"]}
    assert headers["received_on"]["aria_sort"] == "ascending"
    assert (
        headers["received_on"]["href"]
        == "?words=%E8%80%81%E6%97%A7%E5%B0%8F%E5%8C%BA&sort=-received"
    )
    assert headers["information"]["href"] is None


def test_pages_keep_the_filters(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger, "PER_PAGE", 2)
    client = _client(world.staff.officer)
    params = {"state": "open", "sort": "received"}
    first = client.get(URL, params)
    html = first.content.decode()
    assert "第 1 / 2 页（共 3 件）" in html
    assert 'href="?state=open&amp;sort=received&amp;page=2"' in html
    second = client.get(URL, {**params, "page": "2"})
    numbers = [r.case.number for r, _ in first.context["rows"]] + [
        r.case.number for r, _ in second.context["rows"]
    ]
    assert numbers == [world.number(k) for k in ("open_late", "reviewing", "open")]
    assert "ledger.xlsx?state=open&amp;sort=received" in html


# ------------------------------------------------------------------ the columns


def test_the_columns_of_an_answered_late_case(world: World) -> None:
    response = _client(world.staff.officer).get(URL, {"number": world.number("answered_late")})
    ((row, _),) = response.context["rows"]
    calendar = services.current_calendar()
    assert row.values == {
        "number": world.number("answered_late"),
        "organ": world.staff.organ.short_name,
        "received_on": date(2025, 3, 3),
        "channel": "信函",
        "applicant_type": "商业企业",
        "applicant": "李四",
        "information": "某路段拓宽工程的征收补偿方案",
        "state": "已办结",
        "assignee": None,
        "answer": "经检索没有所申请公开的信息：告知该信息不存在",
        "outcome": schema.TABLE3_ROW_BY_KEY["unavailable.not_held"].full_label,
        "due_on": calendar.add_workdays(date(2025, 3, 3), 20),
        "answered_on": date(2025, 6, 10),
        "delivered_on": date(2025, 6, 10),
        "workdays": calendar.count_workdays(date(2025, 3, 3), date(2025, 6, 10)),
        "overdue": "是",
        "appeals": None,
    }
    assert row.values["outcome"] == "（四）无法提供1.本机关不掌握相关政府信息"


def test_the_columns_of_an_open_case_and_an_appealed_one(world: World) -> None:
    response = _client(world.staff.officer).get(URL)
    rows = {r.case.number: r.values for r, _ in response.context["rows"]}
    opened = rows[world.number("open")]
    assert opened["due_on"] == world.cases["open"].due_on
    assert opened["assignee"] == world.staff.officer2.username
    assert (opened["answered_on"], opened["workdays"], opened["outcome"]) == (None, None, None)
    assert opened["overdue"] == "否"
    appealed = rows[world.number("answered")]
    assert appealed["appeals"] == "行政复议（2025-06-03提起，结果维持）"
    assert appealed["outcome"] == "（一）予以公开"
    assert appealed["overdue"] == "否"


# ------------------------------------------------------------------ exports


def _xlsx(response: Any) -> list[list[Any]]:
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = book["依申请公开台账"]
    return [
        [c.date() if isinstance(c, datetime) else c for c in row]
        for row in sheet.iter_rows(values_only=True)
    ]


def _csv(response: Any) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def _expected(client: Client, params: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(ledger, "PER_PAGE", 1000)
    response = client.get(URL, params)
    columns = response.context["columns"]
    return [c.label for c in columns], [r.cells(columns) for r, _ in response.context["rows"]]


@pytest.mark.parametrize(
    "params", [{}, {"state": "closed", "sort": "received"}, {"overdue": "yes", "sort": "-number"}]
)
def test_exports_hold_the_columns_and_rows_of_the_query(
    world: World, params: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _client(world.staff.officer)
    header, rows = _expected(client, params, monkeypatch)
    assert header == [c.label for c in ledger.COLUMNS]
    assert header[:7] == [
        "申请编号",
        "受理机关",
        "收到日期",
        "申请渠道",
        "申请人类型",
        "申请人",
        "所需信息",
    ]
    xlsx = client.get(XLSX, params)
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in xlsx["Content-Disposition"]
    assert _xlsx(xlsx) == [header, *rows]
    text = [[_csv_text(v) for v in row] for row in rows]
    assert _csv(client.get(CSV, params)) == [header, *text]


def test_exports_are_built_chunk_by_chunk(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger, "CHUNK", 2)
    client = _client(world.staff.officer)
    header, rows = _expected(client, {"sort": "number"}, monkeypatch)
    assert _xlsx(client.get(XLSX, {"sort": "number"})) == [header, *rows]


def test_text_typed_by_the_applicant_is_never_a_formula(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = make_case(
        world.staff, received_on=date(2025, 6, 16), information='=HYPERLINK("http://x","点我")'
    )
    client = _client(world.staff.officer)
    params = {"number": case.number}
    (row,) = _csv(client.get(CSV, params))[1:]
    assert row[6] == '\'=HYPERLINK("http://x","点我")'
    body = b"".join(client.get(XLSX, params).streaming_content)
    cell = openpyxl.load_workbook(io.BytesIO(body))["依申请公开台账"]["G2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x","点我")', "s")


# ------------------------------------------------------------------ personal data


def test_a_supervisor_sees_no_personal_data_on_the_page(world: World) -> None:
    client = _client(world.supervisor)
    response = client.get(URL)
    html = response.content.decode()
    assert "申请人（姓名或证件号码）" not in html
    assert ">申请人<" not in html
    for name in ("张三", "李四", "王五", "赵六", "110105194912310029"):
        assert name not in html
    assert "applicant" not in response.context["form"].fields
    # a search by applicant in the address is ignored, not answered
    assert set(_listed(client, applicant="张三")) == _numbers(world, *world.cases)
    assert not PersonalDataAccess.objects.filter(user=world.supervisor).exists()


@pytest.mark.parametrize("url", [XLSX, CSV])
def test_a_supervisor_exports_no_personal_data(world: World, url: str) -> None:
    response = _client(world.supervisor).get(url)
    table = _xlsx(response) if url == XLSX else _csv(response)
    assert "申请人" not in table[0]
    assert table[0] == [c.label for c in ledger.COLUMNS if not c.personal]
    flat = " ".join(str(v) for row in table for v in row)
    for name in ("张三", "李四", "王五", "110105194912310029", "13800000000"):
        assert name not in flat
    assert len(table) == 1 + len(world.cases)
    assert not PersonalDataAccess.objects.filter(user=world.supervisor).exists()


def test_the_applicant_column_follows_the_personal_data_rule(world: World) -> None:
    """Staff of organ A who also supervise another office: the applicant shows only for
    A's cases, as ``rules.can_see_personal_data`` says case by case."""
    office = make_organ("测试区另一办公室")
    elsewhere = make_case(Staff(make_organ(parent=office)), received_on=date(2025, 6, 11))
    both = world.staff.officer
    Membership.objects.create(user=both, organ=office, role="supervisor")
    response = _client(both).get(URL)
    for row, _ in response.context["rows"]:
        shown = row.values["applicant"] is not None
        assert shown == rules.can_see_personal_data(both, row.case), row.case.number
    assert elsewhere.number in {r.case.number for r, _ in response.context["rows"]}
    found = _listed(_client(both), applicant=elsewhere.applicant_name)
    assert elsewhere.number not in found


@pytest.mark.parametrize(("url", "via"), [(XLSX, "ledger_xlsx"), (CSV, "ledger_csv")])
def test_an_export_with_personal_data_is_logged_once_per_case(
    world: World, url: str, via: str
) -> None:
    response = _client(world.staff.officer).get(url, {"state": "closed"})
    b"".join(response.streaming_content)
    logged = PersonalDataAccess.objects.filter(user=world.staff.officer, via=via)
    assert sorted(logged.values_list("application__number", flat=True)) == sorted(
        _numbers(world, "answered", "answered_late")
    )


def test_the_page_logs_the_applicants_it_shows(world: World) -> None:
    _client(world.staff.officer).get(URL, {"state": "withdrawn"})
    logged = PersonalDataAccess.objects.filter(user=world.staff.officer, via="ledger_page")
    assert list(logged.values_list("application__number", flat=True)) == [world.number("withdrawn")]


# ------------------------------------------------------------------ queries


def _count(client: Client, url: str, params: dict[str, str]) -> int:
    cache.clear()  # the menu's 待办 N is kept for a minute: count it on every request here
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    return len(captured.captured_queries)


@pytest.mark.parametrize("params", [{}, {"overdue": "yes"}, {"sort": "assignee"}])
def test_the_page_costs_the_same_queries_for_more_cases(
    world: World, params: dict[str, str], django_assert_max_num_queries: Any
) -> None:
    client = _client(world.staff.officer)
    few = _count(client, URL, params)
    for day in (2, 3, 4, 5, 6, 9):
        make_case(world.staff, State.CLOSED, received_on=date(2025, 6, day), on=date(2025, 6, 13))
    assert _count(client, URL, params) == few
    with django_assert_max_num_queries(40):  # the ledger's own ~12, the rest the menu's
        client.get(URL, params)


@pytest.mark.parametrize("url", [XLSX, CSV])
def test_an_export_costs_a_few_queries_per_chunk(
    world: World, url: str, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    client = _client(world.staff.officer)
    one_chunk = _count(client, url, {})
    monkeypatch.setattr(ledger, "CHUNK", 3)  # 6 cases: two chunks
    assert _count(client, url, {}) == one_chunk + 4  # cases, events, appeals, access log
    with django_assert_max_num_queries(20):
        b"".join(client.get(url).streaming_content)
