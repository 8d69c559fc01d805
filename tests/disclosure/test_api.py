"""The disclosure API: public search and items, staff table 二."""

from __future__ import annotations

import datetime

import pytest

from gongkai.disclosure import workflow
from gongkai_demo.factories.disclosure import make_item

pytestmark = pytest.mark.django_db


def test_public_search_returns_items_in_site_order(client, team) -> None:
    item = make_item(team, state=workflow.PUBLISHED, title="最低工资标准调整通知")
    make_item(team, state=workflow.DRAFT, title="最低工资草稿")
    body = client.get("/api/disclosure/search", {"q": "最低工资"}).json()
    assert body["total"] == 1
    assert body["items"][0]["id"] == item.pk
    assert body["items"][0]["index_number"] == item.index_number


def test_unpublished_item_is_not_found(client, team) -> None:
    draft = make_item(team)
    response = client.get(f"/api/disclosure/items/{draft.pk}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_table2_needs_staff_and_counts_documents(client, team) -> None:
    make_item(
        team,
        state=workflow.PUBLISHED,
        kind="normative",
        written_on=datetime.date(2024, 5, 6),
        on=datetime.date(2024, 5, 10),
    )
    assert client.get("/api/disclosure/organs/fgj/table2/2024").status_code == 401
    client.force_login(team.officer)
    body = client.get("/api/disclosure/organs/fgj/table2/2024").json()
    assert body["table2"]["normative_documents"] == {"made": 1, "repealed": 0, "in_force": 1}
    assert body["table2"]["licensing"] is None
