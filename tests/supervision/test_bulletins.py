"""通报: composed from the period's figures, which equal the statistics pages; edited,
issued once with its number, and downloaded as DOCX and PDF."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from gongkai.disclosure import workflow
from gongkai.organs.roles import Role
from gongkai.supervision import bulletins, render
from gongkai_demo.factories.disclosure import Team, make_item
from tests.applications.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def region(organ_tree: dict[str, Any], make_member: Any, frozen_today: date) -> dict[str, Any]:
    a, b = organ_tree["a"], organ_tree["b"]
    team = Team.for_organ(a)
    staff = type(
        "S",
        (),
        {
            "organ": a,
            "officer": team.officer,
            "reviewer": team.first,
            "reviewer2": team.second,
            "head": team.head,
        },
    )()
    make_case(staff, received_on=frozen_today - timedelta(days=60))  # overdue
    make_case(staff, received_on=frozen_today - timedelta(days=2))
    make_item(team, state=workflow.PUBLISHED, on=frozen_today, title="按期")
    make_item(
        team,
        state=workflow.PUBLISHED,
        on=frozen_today,
        title="迟发",
        written_on=frozen_today - timedelta(days=60),
    )
    supervisor = make_member(organ_tree["office"], Role.SUPERVISOR, username="supervisor")
    return {"office": organ_tree["office"], "a": a, "b": b, "supervisor": supervisor}


def test_the_figures_equal_the_statistics_pages(region: dict[str, Any], frozen_today: date) -> None:
    start = date(frozen_today.year, 1, 1)
    rows = {r.organ: r for r in bulletins.figures(region["office"], start, frozen_today)}
    a = rows[region["a"].name]
    assert (a.received, a.overdue, a.published, a.late) == (2, 1, 2, 1)
    client = Client()
    client.force_login(region["supervisor"])
    supervise = client.get("/office/applications/supervise/").context["organs"]
    assert next(o for o in supervise if o.pk == region["a"].pk).overdue == a.overdue
    timeliness = client.get(f"/office/disclosure/timeliness/?year={frozen_today.year}").context
    row = next(r for r in timeliness["rows"] if r["organ"].pk == region["a"].pk)
    assert (row["published"], row["late"]) == (a.published, a.late)
    assert rows[region["b"].name].received == 0


def test_compose_edit_issue_and_download(region: dict[str, Any], frozen_today: date) -> None:
    client = Client()
    client.force_login(region["supervisor"])
    response = client.post(
        "/office/supervision/bulletins/new/",
        {
            "office": region["office"].slug,
            "start": f"{frozen_today.year}-01-01",
            "end": frozen_today.isoformat(),
        },
    )
    assert response.status_code == 302
    url = response["Location"]
    page = client.get(url).content.decode()
    assert "收到政府信息公开申请2件" in page and "仍有1件超过答复期限未办结" in page
    from gongkai.supervision.models import Bulletin

    bulletin = Bulletin.objects.get()
    sections = {f"section-{k}": v for k, v in bulletin.sections.items()}
    sections["section-6"] = "请甲局于月底前完成整改。"
    client.post(f"{url}act/", {**sections, "title": bulletin.title, "main_to": "各局"})
    client.post(f"{url}act/", {"action": "issue"})
    bulletin.refresh_from_db()
    assert bulletin.number_label == f"〔{frozen_today.year}〕第1期"
    assert bulletin.sections["6"] == "请甲局于月底前完成整改。"
    with pytest.raises(bulletins.BulletinError, match="已印发"):
        bulletins.issue(bulletin, region["supervisor"])
    docx_bytes = client.get(f"{url}download.docx").content
    import docx

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(docx_bytes)).paragraphs)
    assert "政府信息公开工作通报" in text and bulletin.number_label in text
    assert render.issued_line(bulletin) in text and "主送" not in text and "各局：" in text
    pdf = client.get(f"{url}download.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_an_organ_named_in_an_issued_bulletin_sees_it(
    region: dict[str, Any], frozen_today: date, make_member: Any
) -> None:
    made = bulletins.compose(region["office"], region["supervisor"], frozen_today, frozen_today)
    officer = make_member(region["a"], Role.OFFICER, username="a-officer")
    client = Client()
    client.force_login(officer)
    assert client.get(f"/office/supervision/bulletins/{made.pk}/").status_code == 404  # draft
    bulletins.issue(made, region["supervisor"])
    assert client.get(f"/office/supervision/bulletins/{made.pk}/").status_code == 200
    assert (
        client.post(
            f"/office/supervision/bulletins/{made.pk}/act/", {"action": "issue"}
        ).status_code
        == 403
    )
