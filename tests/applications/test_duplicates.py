"""The 待确认 list flags a probable duplicate: same applicant, nearly the same request, 30 days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from gongkai.applications import services
from gongkai.applications.duplicates import similar
from gongkai.applications.idcheck import check_digit
from gongkai.applications.models import Application

from .factories import APPLICANT, Staff

pytestmark = pytest.mark.django_db

OTHER_ID = "11010519800101001" + check_digit("11010519800101001")


def test_similar_requests() -> None:
    assert similar(
        "2024年本区老旧小区改造项目的立项批复文件", "2024年本区老旧小区改造项目立项批复文件。"
    )
    assert not similar("2024年本区老旧小区改造项目的立项批复文件", "本区2025年财政预算执行情况")
    assert not similar("", "")


def test_the_waiting_list_links_a_probable_duplicate(client: Client, travel) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    travel(date(2025, 6, 16))
    first, _ = services.submit_online(staff.organ, {**APPLICANT})
    travel(date(2025, 6, 20))
    twice, _ = services.submit_online(
        staff.organ, {**APPLICANT, "information": APPLICANT["information"] + "。"}
    )
    other, _ = services.submit_online(
        staff.organ,
        {**APPLICANT, "id_number": OTHER_ID, "applicant_name": "李四", "phone": "13900000009"},
    )
    travel(date(2025, 6, 16) + timedelta(days=45))
    late, _ = services.submit_online(staff.organ, {**APPLICANT})
    client.force_login(staff.officer)
    html = client.get("/office/applications/").content.decode()
    table = html.split('id="awaiting"', 1)[1].split("</table>", 1)[0]
    rows = {
        row.split("</a>", 1)[0].rsplit(">", 1)[1]: row
        for row in table.split("<tr>")[2:]  # after the header row
    }
    assert "可能重复" in rows[twice.number] and first.number in rows[twice.number]
    assert "可能重复" in rows[first.number] and twice.number in rows[first.number]
    assert "可能重复" not in rows[other.number]  # another applicant
    assert "可能重复" not in rows[late.number]  # more than 30 days after both
    assert Application.objects.count() == 4


def test_a_page_of_waiting_applications_costs_one_query(
    travel,
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    from gongkai.applications.duplicates import probable_duplicates

    staff = Staff()
    travel(date(2025, 6, 16))
    cases = [services.submit_online(staff.organ, {**APPLICANT})[0] for _ in range(5)]
    with django_assert_num_queries(1):
        found = probable_duplicates(cases)
    assert all(len(found[c.pk]) == 4 for c in cases)


def test_a_frequent_applicant_lists_the_latest_few(client: Client, travel) -> None:  # type: ignore[no-untyped-def]
    """Hundreds of near-identical requests by one person never make the list unreadable
    (or slow): the newest five are linked and the row says there are more."""
    from gongkai.applications.duplicates import SHOWN

    staff = Staff()
    travel(date(2025, 6, 16))
    cases = [services.submit_online(staff.organ, {**APPLICANT})[0] for _ in range(SHOWN + 3)]
    client.force_login(staff.officer)
    html = client.get("/office/applications/").content.decode()
    row = html.split(f">{cases[0].number}</a>", 1)[1].split("</tr>", 1)[0]
    linked = [c.number for c in cases if f">{c.number}</a>" in row]
    assert linked == [c.number for c in cases[-SHOWN:]]
    assert f"等（仅列最近{SHOWN}件）" in row
