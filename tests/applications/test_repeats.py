"""A probable duplicate in the 待确认 list is handled in one step: merged into the case still
being handled (never received twice, not counted in table 三), or refused as a repeated
application once the earlier one was answered (条例第三十六条第（六）项)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.applications import repeats, services
from gongkai.applications.errors import InvalidInput
from gongkai.applications.models import Application
from gongkai.applications.stats import table3
from gongkai.applications.workflow import State

from .factories import APPLICANT, Staff, make_case

pytestmark = pytest.mark.django_db


def _waiting_twice(staff: Staff) -> tuple[Application, Application]:
    first, _ = services.submit_online(staff.organ, {**APPLICANT})
    second, _ = services.submit_online(staff.organ, {**APPLICANT})
    return first, second


def test_merge_from_the_waiting_list(client: Client, travel) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    travel(date(2025, 6, 16))
    first, second = _waiting_twice(staff)
    client.force_login(staff.officer)
    page = client.get("/office/applications/").content.decode()
    assert f"合并至{first.number}" in page and f"合并至{second.number}" in page
    response = client.post(
        f"/office/applications/{second.number}/repeat/",
        {"version": second.version, "action": "merge", "other": first.number},
        follow=True,
    )
    assert f"申请{second.number}已合并至{first.number}" in response.content.decode()
    second.refresh_from_db()
    assert second.state == State.MERGED and second.received_on is None
    notice = second.notices.get()
    assert notice.title == "申请合并处理告知书"
    assert f"已合并至申请{first.number}一并办理" in notice.body
    assert first.events.filter(action="merged_in").exists()
    page = client.get("/office/applications/").content.decode()
    assert second.number not in page.split('id="awaiting"', 1)[1].split("</table>", 1)[0]
    # the merged submission is never received, so table 三 counts one application
    first.refresh_from_db()
    services.apply(first, "confirm", staff.officer, data={"receipt_basis": "confirmed"})
    assert table3([staff.organ.pk], 2025)["received"][-1] == 1


def test_refuse_a_repeated_application_once_the_first_was_answered(travel) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    travel(date(2025, 6, 16))
    answered = make_case(staff, State.CLOSED, received_on=date(2025, 5, 6), on=date(2025, 6, 2))
    again, _ = services.submit_online(staff.organ, {**APPLICANT})
    option = repeats.option_for(again, answered)
    assert option is not None and option.action == repeats.REFUSE
    repeats.refuse_repeated(again, answered.number, staff.officer)
    again.refresh_from_db()
    assert again.state == State.REVIEW_FIRST
    assert again.received_on == date(2025, 6, 16)
    assert again.answer == "repeated"
    draft = again.events.get(action="draft_reply")
    assert f"编号{answered.number}" in draft.reason and "2025年6月2日作出答复" in draft.reason
    # merging into an answered case is refused: it must be answered as a repeat
    with pytest.raises(InvalidInput, match="不能将申请"):
        repeats.merge(again, answered.number, staff.officer)


def test_nothing_is_written_for_a_wrong_other_case(travel) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    travel(date(2025, 6, 16))
    _first, second = _waiting_twice(staff)
    elsewhere = Staff()
    foreign, _ = services.submit_online(elsewhere.organ, {**APPLICANT})
    for number in ("", second.number, foreign.number, "FGJ-2025-99999"):
        with pytest.raises(InvalidInput):
            repeats.merge(second, number, staff.officer)
    open_case = make_case(staff, State.PROCESSING, received_on=date(2025, 6, 10))
    with pytest.raises(InvalidInput, match="尚未答复"):
        repeats.refuse_repeated(second, open_case.number, staff.officer)
    second.refresh_from_db()
    assert second.state == State.AWAITING_CONFIRMATION
    assert not second.notices.exists()
    assert second.events.count() == 1


def test_a_merged_case_cannot_be_merged_into(client: Client, travel) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    travel(date(2025, 6, 16))
    first, second = _waiting_twice(staff)
    repeats.merge(second, first.number, staff.officer)
    first.refresh_from_db()
    client.force_login(staff.officer)
    response = client.post(
        f"/office/applications/{first.number}/repeat/",
        {"version": first.version, "action": "merge", "other": second.number},
        follow=True,
    )
    assert "不能将申请" in response.content.decode()
    first.refresh_from_db()
    assert first.state == State.AWAITING_CONFIRMATION
