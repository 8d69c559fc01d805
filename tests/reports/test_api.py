"""``/api/reports/``: the published report (public) and the draft's findings (staff)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.annual import AnnualReport
from gongkai.reports import services

from .conftest import YEAR, break_table2, make_ready

pytestmark = pytest.mark.django_db


def bearer(user: Any) -> dict[str, str]:
    _, plain = ApiToken.objects.issue(user, "测试")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_the_published_report_is_public_json(staff: Any, caseload: None) -> None:
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    path = f"/api/reports/{staff.organ.slug}/{YEAR}"
    missing = Client().get(path)
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
    draft = services.publish(draft, staff.head, on=date(2026, 1, 20))
    body = Client().get(path).json()
    assert body == draft.snapshot
    report = AnnualReport.from_dict(body)
    assert (report.organ, report.year, report.published) == (staff.organ.name, YEAR, "2026-01-20")
    by_code = Client().get(f"/api/reports/{staff.organ.credit_code}/{YEAR}")
    assert by_code.json() == body


def test_staff_read_the_drafts_findings(staff: Any, caseload: None) -> None:
    break_table2(staff.organ, staff.officer)
    services.open_draft(staff.organ, YEAR, staff.officer)
    path = f"/api/reports/{staff.organ.slug}/{YEAR}/draft/findings"
    assert Client().get(path).status_code == 401
    assert Client().get(path, **bearer(staff.other_officer)).status_code == 404
    body = Client().get(path, **bearer(staff.supervisor)).json()
    assert body["status"] == "draft" and body["status_label"] == "草稿"
    assert body["counts"] == {"error": 5, "warning": 0, "notice": 0}
    first = body["findings"][0]
    assert (first["code"], first["severity"], first["severity_label"]) == (
        "T2.E002",
        "error",
        "错误",
    )
    draft = Client().get(f"/api/reports/{staff.organ.slug}/{YEAR}/draft", **bearer(staff.officer))
    assert draft.json()["sections"]["5"].startswith("【请填写")
