"""The month view: a year of 休 / 班 days, provisional years marked, each day's basis stated."""

from __future__ import annotations

import datetime
import re
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from gongkai.deadlines import provisional_notice
from gongkai.organs.roles import Role
from gongkai.workcalendar import months, services
from gongkai.workcalendar.calendar import current_calendar
from gongkai.workcalendar.models import DayKind
from gongkai.workcalendar.services import DayEntry
from tests.workcalendar.notices import enter_minimal_2027

pytestmark = pytest.mark.django_db

PROVISIONAL_2027 = (
    "2027年的放假安排通知尚未录入，以下休息日按《全国年节及纪念日放假办法》暂定，不含调休"
)
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def staff(client: Client, organ_tree: dict[str, Any], make_member: Any) -> Client:
    """An ordinary officer of a bureau: every signed-in staff member may read the page."""
    client.force_login(make_member(organ_tree["a"], Role.OFFICER))
    return client


def _page(client: Client, year: int) -> str:
    response = client.get(f"/office/calendar/year/{year}/")
    assert response.status_code == 200
    return response.content.decode()


def _cell(html: str, day: str) -> tuple[str, str, str]:
    """(classes, title, inner text) of the grid cell of ``day``."""
    match = re.search(
        rf'<td class="([^"]*)" title="([^"]*)"><time datetime="{day}">\d+</time>(.*?)</td>', html
    )
    assert match, f"no grid cell for {day}"
    classes, title, inner = match.groups()
    return classes, title, re.sub(r"(<[^>]+>)+", "|", inner)


def _row(html: str, day: str) -> str:
    """The special-days table row of ``day``, as text with cells separated by |."""
    match = re.search(rf"<tr[^>]*><td>{day}<span.*?</tr>", html)
    assert match, f"no special-day row for {day}"
    return re.sub(r"(</td><td>|<[^>]+>)+", "|", match.group(0)).strip("|")


def test_2026_shows_holidays_and_the_sunday_worked_with_the_notice(staff: Client) -> None:
    html = _page(staff, 2026)
    classes, title, inner = _cell(html, "2026-10-01")
    assert "wc-off" in classes and "wc-tentative" not in classes
    assert inner.startswith("|休|")
    assert "国庆节放假，休息日" in title and "国庆节放假，休息日" in inner
    classes, title, inner = _cell(html, "2026-09-20")  # a Sunday worked before 国庆
    assert "wc-work" in classes and "wc-weekend" in classes
    assert inner.startswith("|班|")
    assert "国庆节调休上班，工作日" in title
    citation = current_calendar().basis(2026)
    assert citation.startswith("《国务院办公厅关于2026年部分节假日安排的通知》")
    assert f"本年依据：{citation}" in html
    assert "2026-10-01|（星期四）|休|国庆节|依据|〔1〕" in _row(html, "2026-10-01")
    assert "2026-09-20|（星期日）|班|国庆节（调休上班）" in _row(html, "2026-09-20")
    assert "暂定" not in html
    # An ordinary weekday and weekend.
    assert _cell(html, "2026-10-12")[0] == ""
    assert _cell(html, "2026-10-11")[0] == "wc-weekend"


def test_grid_is_twelve_monday_first_months(staff: Client) -> None:
    html = _page(staff, 2026)
    assert html.count('<table class="wc-month">') == 12
    header = "".join(f'<th scope="col">{d}</th>' for d in "一二三四五六日")
    assert html.count(header) == 12
    assert "<caption>1月</caption>" in html and "<caption>12月</caption>" in html
    # 2026-06-01 is a Monday: first cell of its month's first row.
    assert re.search(r'<tr><td class="[^"]*" title="[^"]*"><time datetime="2026-06-01">', html)
    assert "style=" not in html and "<script" not in html


def test_2027_without_notice_is_provisional(staff: Client) -> None:
    statutory = {d.date: d.name for d in provisional_notice(2027).holidays}
    assert statutory[datetime.date(2027, 2, 9)] == "春节（补休）"
    html = _page(staff, 2027)
    assert PROVISIONAL_2027 in html
    for day, name in (("2027-01-01", "元旦"), ("2027-02-09", "春节（补休）")):
        classes, title, inner = _cell(html, day)
        assert "wc-off" in classes and "wc-tentative" in classes
        assert "|休|暂定|" in inner
        assert f"{name}放假，休息日（暂定）" in title
        assert f"|休（暂定）|{name}|" in _row(html, day)
    assert "本年依据：暂定：《国务院办公厅关于2027年部分节假日安排的通知》尚未录入" in html


def test_2027_after_entering_the_notice_is_no_longer_provisional(staff: Client) -> None:
    services.enter_notice(
        year=2027,
        title="国务院办公厅关于2027年部分节假日安排的通知",
        document_number="国办发明电〔2026〕9号",
        published_on=datetime.date(2026, 11, 12),
        days=[
            DayEntry(datetime.date(2027, 1, 1), DayKind.HOLIDAY, "元旦"),
            *(DayEntry(datetime.date(2027, 2, d), DayKind.HOLIDAY, "春节") for d in range(5, 12)),
            DayEntry(datetime.date(2027, 2, 20), DayKind.WORKDAY, "春节"),
        ],
        by=None,
    )
    html = _page(staff, 2027)
    assert "暂定" not in html
    assert (
        "本年依据：《国务院办公厅关于2027年部分节假日安排的通知》（国办发明电〔2026〕9号）" in html
    )
    assert "|休|" in _cell(html, "2027-02-09")[2]
    assert "|班|" in _cell(html, "2027-02-20")[2]
    assert "2027-02-09|（星期二）|休|春节|" in _row(html, "2027-02-09")
    # Days the notice does not list are ordinary days now (no statutory guess left over).
    assert _cell(html, "2027-10-01")[0] == ""


def test_local_override_is_marked_with_its_own_basis(staff: Client) -> None:
    services.set_override(
        date=datetime.date(2026, 4, 20),
        kind=DayKind.HOLIDAY,
        name="壮族三月三",
        reason="自治区人民政府通知",
        by=None,
    )
    html = _page(staff, 2026)
    classes, title, _ = _cell(html, "2026-04-20")
    assert "wc-override" in classes and "wc-off" in classes
    assert "本地调整：壮族三月三，休息日" in title
    assert "|休|壮族三月三（本地调整）|依据|〔2〕" in _row(html, "2026-04-20")
    assert '<li id="basis-2"><span class="wc-source-number">〔2〕</span>自治区人民政府通知' in html


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    for url in ("/office/calendar/year/", "/office/calendar/year/2026/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("year", [1999, 2003, 2101, 99999])
def test_years_that_cannot_be_computed_say_so(staff: Client, year: int) -> None:
    response = staff.get(f"/office/calendar/year/{year}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f"{year}年：该年份无法计算。" in html
    assert "工作日历只能显示2004—2100年" in html


def test_default_year_is_this_year_with_neighbours(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    with time_machine.travel(datetime.datetime(2027, 3, 1, 9, tzinfo=SHANGHAI), tick=False):
        client.force_login(make_member(organ_tree["a"], Role.OFFICER))
        html = client.get("/office/calendar/year/").content.decode()
    assert "<h1>2027年工作日历</h1>" in html
    assert 'href="/office/calendar/year/2026/" rel="prev"' in html
    assert 'href="/office/calendar/year/2028/" rel="next"' in html
    assert "wc-today" in _cell(html, "2027-03-01")[0]


def test_first_and_last_years_have_no_link_beyond(staff: Client) -> None:
    first = _page(staff, 2004)
    assert 'rel="prev"' not in first and 'href="/office/calendar/year/2005/"' in first
    last = _page(staff, 2100)
    assert 'rel="next"' not in last and 'href="/office/calendar/year/2099/"' in last


def test_overview_links_to_the_month_view(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    client.force_login(make_member(organ_tree["office"], Role.ADMIN))
    enter_minimal_2027()
    html = client.get("/office/calendar/").content.decode()
    assert '<a href="/office/calendar/year/">按月查看</a>' in html
    assert '<a href="/office/calendar/year/2027/">按月查看' in html


def test_year_view_counts_every_day_once() -> None:
    view = months.year_view(current_calendar(), 2024)
    assert len(view.months) == 12
    cells = [c for m in view.months for week in m.weeks for c in week]
    assert all(len(week) == 7 for m in view.months for week in m.weeks)
    assert len([c for c in cells if c.day]) == 366 == view.workdays + view.days_off
    assert [s.number for s in view.sources] == [1]
