"""The statistics page: every number of tables 三 and 四 is a link to exactly the cases it
counts, and the numbers are those of ``annual_stats`` (the JSON of the command and API)."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import lxml.html
import pytest
from django.core.management import call_command
from django.test import Client

from gongkai.annual import schema
from gongkai.applications import services
from gongkai.applications.workflow import State

from .factories import Staff, make_case

pytestmark = pytest.mark.django_db

CASE_LINKS = '//table[@id="cases"]/tbody/tr/td[1]/a'


def test_every_cell_links_to_its_cases_and_equals_the_json(client: Client, travel: Any) -> None:
    staff = Staff()
    travel(date(2024, 12, 20))
    make_case(staff, received_on=date(2024, 12, 2))  # carried over into 2025
    travel(date(2025, 6, 30))
    for answer in ("granted", "granted", "not_held", "withheld_state_secret"):
        make_case(staff, State.CLOSED, received_on=date(2025, 6, 2), answer=answer)
    make_case(staff, received_on=date(2025, 6, 30), applicant_type="research")
    appealed = make_case(staff, State.CLOSED, received_on=date(2025, 6, 2), answer="not_held")
    appeal = services.lodge_appeal(
        appealed, staff.officer, kind="reconsideration", lodged_on=date(2025, 6, 30)
    )
    services.decide_appeal(appeal, staff.officer, outcome="corrected", decided_on=date(2025, 6, 30))
    services.lodge_appeal(
        appealed, staff.officer, kind="litigation_direct", lodged_on=date(2025, 6, 30)
    )

    out = io.StringIO()
    call_command("annual_stats", "--organ", staff.organ.slug, "--year", "2025", stdout=out)
    data = json.loads(out.getvalue())
    client.force_login(staff.officer)
    base = f"/office/applications/stats/{staff.organ.slug}/2025/"
    page = lxml.html.fromstring(client.get(base).content.decode())

    checked = 0
    for r, tr in zip(schema.TABLE3_ROWS, page.xpath('//table[@id="table3"]/tbody/tr'), strict=True):
        assert tr.xpath("th")[0].text_content() == r.full_label
        for c, (value, td) in enumerate(zip(data["table3"][r.key], tr.xpath("td"), strict=True)):
            (link,) = td.xpath(".//a")
            column = schema.TABLE3_COLUMNS[c].key
            assert int(link.text_content()) == value
            assert link.get("href") == f"{base}{r.key}/{column}/"
            if value:
                listed = lxml.html.fromstring(client.get(link.get("href")).content.decode())
                assert len(listed.xpath(CASE_LINKS)) == value, (r.key, column)
                checked += 1
    assert checked >= 10 and data["table3"]["carried_over"][6] == 1

    for g, tr in zip(
        schema.TABLE4_GROUPS, page.xpath('//table[@id="table4"]/tbody/tr'), strict=True
    ):
        for col, td in zip(schema.TABLE4_COLUMNS, tr.xpath("td"), strict=True):
            (link,) = td.xpath(".//a")
            value = data["table4"][g.key][col.key]
            assert int(link.text_content()) == value
            listed = lxml.html.fromstring(client.get(link.get("href")).content.decode())
            numbers = [a.text_content() for a in listed.xpath(CASE_LINKS)]
            assert numbers == [appealed.number] * value, (g.key, col.key)
    assert data["table4"]["reconsideration"]["corrected"] == 1
    assert data["table4"]["litigation_direct"]["pending"] == 1


def test_a_long_cell_list_is_paginated(
    client: Client, monkeypatch: pytest.MonkeyPatch, frozen_today: date
) -> None:
    from gongkai.applications.views import stats as stats_view

    monkeypatch.setattr(stats_view, "PER_PAGE", 2)
    staff = Staff()
    numbers = [make_case(staff, received_on=frozen_today).number for _ in range(3)]
    client.force_login(staff.officer)
    url = f"/office/applications/stats/{staff.organ.slug}/{frozen_today.year}/received/total/"
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert "第 1 / 2 页（共 3 件）" in first and "下一页" in first
    assert [n in first for n in numbers] == [True, True, False]
    assert [n in second for n in numbers] == [False, False, True]
