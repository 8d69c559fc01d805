"""The workspace's services: drafts, the event history, publication, lateness, the snapshot."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gongkai.annual import AnnualReport, Severity
from gongkai.annual import schema as s
from gongkai.applications import stats
from gongkai.reports import services
from gongkai.reports.models import AnnualReportDraft, DraftEvent, PublishedFile, Status

from .conftest import YEAR, break_table2, make_ready

pytestmark = pytest.mark.django_db


def kinds(draft: AnnualReportDraft) -> list[tuple[str, str, str, str]]:
    return [
        (e.action, e.before, e.after, e.actor_name)
        for e in DraftEvent.objects.filter(draft=draft).order_by("at", "id")
    ]


def test_a_new_draft_is_prefilled_with_the_format_and_the_computed_numbers(
    staff: Any, caseload: None
) -> None:
    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    t3 = stats.report_dict(staff.organ.name, {staff.organ.pk}, YEAR)["table3"]
    n = {k: t3[k][-1] for k in ("received", "carried_over", "handled_total", "carried_forward")}
    assert draft.sections["3"] == (
        f"本年度共收到政府信息公开申请{n['received']}件，上年结转{n['carried_over']}件，"
        f"办结{n['handled_total']}件，结转下年度{n['carried_forward']}件。"
    )
    general = draft.sections["1"].split("\n")
    headings = [line for line in general if line.startswith("（")]
    assert headings == [f"（{'一二三四五'[i]}）{h}" for i, h in enumerate(s.GENERAL_SUBHEADINGS)]
    assert draft.sections["5"].startswith("【请填写")
    assert set(draft.sections) == set(s.SECTION_KEYS)
    assert kinds(draft) == [("created", "draft", "draft", "张专员")]
    # opening again returns the same draft, with no new event
    assert services.open_draft(staff.organ, YEAR, staff.reviewer).pk == draft.pk
    assert DraftEvent.objects.filter(draft=draft).count() == 1


def test_the_skeleton_states_numbers_the_checker_agrees_with(staff: Any, caseload: None) -> None:
    from gongkai.reports import compute

    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    found = compute.findings(compute.draft_report(draft, published=date(2026, 1, 20)), staff.organ)
    assert [f.code for f in found if f.code.startswith("NARR")] == []
    # only what the officer must still do: fill in the prompts and table 二's four figures
    assert {f.code for f in found} == {"WS.W001", "CELL.E001"}
    blank = next(f for f in found if f.code == "CELL.E001")
    assert blank.cells == (
        "table2.licensing",
        "table2.punishment",
        "table2.coercion",
        "table2.fees",
    )
    assert all(f.severity is Severity.ERROR for f in found)


def test_edits_finalize_reopen_are_events_and_stale_saves_are_refused(staff: Any) -> None:
    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    draft = services.save_sections(draft, staff.officer, {"5": "问题与改进。"}, version=1)
    assert draft.sections["5"] == "问题与改进。" and draft.version == 2
    with pytest.raises(services.StaleVersion, match="他人已修改"):
        services.save_sections(draft, staff.officer, {"5": "旧版本上的修改"}, version=1)
    with pytest.raises(services.NotAllowed, match="审核人或机构负责人"):
        services.finalize(draft, staff.officer)
    draft = services.finalize(draft, staff.head)
    assert draft.status == Status.FINAL
    draft = services.reopen(draft, staff.officer, "补充第六部分")
    draft = services.save_sections(draft, staff.officer, {"6": "无。"}, version=draft.version)
    assert kinds(draft) == [
        ("created", "draft", "draft", "张专员"),
        ("edited", "draft", "draft", "张专员"),
        ("finalized", "draft", "final", "王负责"),
        ("reopened", "final", "draft", "张专员"),
        ("edited", "draft", "draft", "张专员"),
    ]
    summaries = list(DraftEvent.objects.filter(draft=draft).values_list("summary", flat=True))
    assert summaries[1] == "修改第五部分"
    assert summaries[3] == "退回修改：补充第六部分"


@pytest.mark.parametrize(
    ("texts", "message"),
    [
        ({"7": "x"}, "没有第“7”部分（正文共六部分，编号1–6）"),
        ({"2": "字" * 20_001}, "第二部分“主动公开政府信息情况”有20001字，超过上限20000字"),
    ],
)
def test_bad_section_input_is_refused_and_nothing_is_written(
    staff: Any, texts: dict[str, str], message: str
) -> None:
    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    with pytest.raises(services.InvalidInput) as caught:
        services.save_sections(draft, staff.officer, texts, version=1)
    assert str(caught.value) == message
    draft.refresh_from_db()
    assert draft.version == 1 and DraftEvent.objects.filter(draft=draft).count() == 1


def test_publish_is_refused_while_the_checker_reports_errors(staff: Any, caseload: None) -> None:
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    break_table2(staff.organ, staff.officer)
    with pytest.raises(services.PublishRefused) as caught:
        services.publish(draft, staff.head, on=date(2026, 1, 20))
    assert {f.code for f in caught.value.findings} == {"T2.E002", "CELL.E001"}
    assert str(caught.value).startswith("核查发现")
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT and draft.snapshot is None
    assert not PublishedFile.objects.exists()
    assert [e.action for e in draft.events.all()] == ["created", "table2", "edited"]


def test_publish_freezes_the_snapshot_and_the_files(staff: Any, caseload: None) -> None:
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    with pytest.raises(services.NotAllowed):
        services.publish(draft, staff.officer, on=date(2026, 1, 20))
    draft = services.publish(draft, staff.reviewer, on=date(2026, 1, 20))
    assert (draft.status, draft.published_on, draft.late_days) == (
        Status.PUBLISHED,
        date(2026, 1, 20),
        0,
    )
    frozen = AnnualReport.from_dict(draft.snapshot)
    assert frozen.published == "2026-01-20" and frozen.sections == draft.sections
    assert sorted(draft.files.values_list("fmt", flat=True)) == [
        "docx",
        "html",
        "json",
        "pdf",
        "xlsx",
    ]
    received = frozen.table3.get("received", "total")
    # new casework after publication does not change the published report
    from gongkai_demo.simulate import simulate

    simulate(
        [staff.organ],
        5,
        first=date(2025, 3, 1),
        last=date(2025, 3, 9),
        until=date(2025, 4, 1),
        seed=5,
    )
    assert (
        stats.report(staff.organ.name, {staff.organ.pk}, YEAR).table3.get("received", "total")
        == received + 5
    )
    draft.refresh_from_db()
    assert AnnualReport.from_dict(draft.snapshot).table3.get("received", "total") == received
    assert draft.events.last().summary == "发布（发布日期2026-01-20，在法定期限内）"
    with pytest.raises(services.InvalidInput, match="已于2026-01-20发布，不能再修改"):
        services.save_sections(draft, staff.officer, {"5": "改"}, version=draft.version)
    with pytest.raises(services.InvalidInput, match="已于2026-01-20发布"):
        services.publish(draft, staff.head, on=date(2026, 1, 20))


def test_a_late_publication_is_recorded(staff: Any, today: Any) -> None:
    today.set(date(2026, 3, 2))
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    draft = services.publish(draft, staff.head)
    assert (draft.published_on, draft.late_days) == (date(2026, 3, 2), 30)
    event = draft.events.last()
    assert event.summary.startswith(
        "发布（发布日期2026-03-02，已超过法定发布期限（2026年1月31日）30天）"
    )
    assert event.data["late_days"] == 30 and event.data["deadline"] == "2026-01-31"


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (date(2025, 12, 31), "2025年度尚未结束，2026年1月1日起才能发布"),
        (date(2026, 1, 21), "发布日期2026-01-21不能晚于今天"),
    ],
)
def test_publication_dates_outside_the_possible_are_refused(
    staff: Any, on: date, message: str
) -> None:
    draft = services.open_draft(staff.organ, YEAR, staff.officer)
    with pytest.raises(services.InvalidInput) as caught:
        services.publish(draft, staff.head, on=on)
    assert str(caught.value) == message


def test_last_years_published_report_is_what_the_checker_compares_with(
    staff: Any, caseload: None, today: Any
) -> None:
    from gongkai.reports import compute

    today.set(date(2026, 1, 20))
    prior = make_ready(services.open_draft(staff.organ, 2024, staff.officer), staff.officer)
    prior = services.publish(prior, staff.head, on=date(2025, 1, 10))
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    assert compute.last_year(staff.organ, YEAR) == AnnualReport.from_dict(prior.snapshot)
    found = compute.findings(compute.draft_report(draft), staff.organ)
    codes = {f.code for f in found if f.code.startswith("YOY")}
    assert "YOY.W001" not in codes  # carried over = last year's carried forward
    assert "YOY.W005" in codes  # the skeleton's text is last year's text


def test_years_outside_the_regulation_are_refused(staff: Any) -> None:
    with pytest.raises(services.InvalidInput, match="年度应在2008年至2026年之间，收到的是2030年"):
        services.open_draft(staff.organ, 2030, staff.officer)
