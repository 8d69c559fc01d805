"""The problem list's pages: who may run an inspection, on which organs; the XLSX."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.organs.roles import Role
from gongkai.supervision.models import Problem, Run

pytestmark = pytest.mark.django_db


def test_run_for_one_organ_and_export(
    organ_tree: dict[str, Any], make_member: Any, frozen_today: date
) -> None:
    a, b = organ_tree["a"], organ_tree["b"]
    client = Client()
    client.force_login(make_member(a, Role.OFFICER, username="officer"))
    assert client.post("/office/supervision/run/").status_code == 403
    client.force_login(make_member(organ_tree["office"], Role.SUPERVISOR, username="sup"))
    client.post("/office/supervision/run/", {"organ": a.slug})
    assert Run.objects.get().organs == 1
    assert set(Problem.objects.values_list("organ_id", flat=True)) == {a.pk}
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get("/office/supervision/export.xlsx").content))
    lines = list(book.active.iter_rows(min_row=2, values_only=True))
    assert len(lines) == Problem.objects.count() and {line[0] for line in lines} == {a.name}
    assert b.name not in client.get("/office/supervision/").content.decode().split("<tbody>")[1]
