"""政策解读 released with its policy (issue 14): a policy that requires a 解读 is published
with it in one 终审, or after it; a 解读 published first says why."""

from __future__ import annotations

import datetime

import pytest

from gongkai.disclosure import services, workflow
from gongkai.disclosure.services import DisclosureError
from gongkai_demo.factories.disclosure import make_item

D = datetime.date
ON = D(2024, 5, 6)


def _policy(team, state: str = workflow.FINAL_REVIEW):  # type: ignore[no-untyped-def]
    return make_item(
        team,
        state=state,
        on=ON,
        title="示范区停车管理办法",
        kind="normative",
        requires_interpretation=True,
    )


def test_a_policy_that_requires_a_reading_waits_for_one(team) -> None:
    policy = _policy(team)
    with pytest.raises(DisclosureError, match="须与政策解读同步发布"):
        services.apply(policy, "approve_final", team.head, on=ON)
    policy.refresh_from_db()
    assert policy.state == workflow.FINAL_REVIEW  # nothing half-written


def test_policy_and_reading_are_published_in_one_step(team) -> None:
    policy = _policy(team)
    reading = make_item(
        team,
        state=workflow.FINAL_REVIEW,
        on=ON,
        title="《示范区停车管理办法》政策解读",
        kind="interpretation",
        interprets=policy,
    )
    services.apply(policy, "approve_final", team.head, on=ON)
    policy.refresh_from_db()
    reading.refresh_from_db()
    assert policy.state == reading.state == workflow.PUBLISHED
    assert policy.published_on == reading.published_on == ON
    last = reading.events.order_by("-id").first()
    assert last is not None and "同步终审发布" in last.reason


def test_the_final_approval_looks_up_the_reading_once(team) -> None:  # type: ignore[no-untyped-def]
    """The table's publishing condition finds the 解读 to publish with; publishing uses
    what it found instead of asking the database again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    policy = _policy(team)
    make_item(
        team,
        state=workflow.FINAL_REVIEW,
        on=ON,
        title="《示范区停车管理办法》政策解读",
        kind="interpretation",
        interprets=policy,
    )
    with CaptureQueriesContext(connection) as queries:
        services.apply(policy, "approve_final", team.head, on=ON)
    lookups = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith("SELECT") and '"interprets_id" =' in q["sql"]
    ]
    assert len(lookups) == 2  # a public 解读? then the one waiting for 终审


def test_a_reading_published_first_must_say_why(team) -> None:
    policy = _policy(team, state=workflow.SECOND_REVIEW)
    reading = make_item(
        team,
        state=workflow.FINAL_REVIEW,
        on=ON,
        title="解读",
        kind="interpretation",
        interprets=policy,
    )
    with pytest.raises(DisclosureError, match="说明理由"):
        services.apply(reading, "approve_final", team.head, on=ON)
    services.apply(reading, "approve_final", team.head, "配合新闻发布会提前解读", on=ON)
    reading.refresh_from_db()
    assert reading.state == workflow.PUBLISHED
    assert reading.events.order_by("-id").first().reason == "配合新闻发布会提前解读"  # type: ignore[union-attr]
    services.apply(policy, "approve_second", team.second, on=ON)
    services.apply(policy, "approve_final", team.head, on=ON)  # its 解读 is already public
    policy.refresh_from_db()
    assert policy.state == workflow.PUBLISHED


def test_personal_numbers_block_publication_until_a_reviewer_confirms(team) -> None:  # type: ignore[no-untyped-def]
    item = make_item(
        team,
        state=workflow.FINAL_REVIEW,
        on=ON,
        title="补贴名单",
        body="<p>张三 13912345678</p>",
    )
    with pytest.raises(DisclosureError, match=r"手机号码1个（139\*+5678）"):
        services.apply(item, "approve_final", team.head, on=ON)
    with pytest.raises(DisclosureError, match="须填写理由"):
        services.apply(item, "approve_final", team.head, on=ON, confirm_personal_data=True)
    services.apply(
        item,
        "approve_final",
        team.head,
        "本人同意公开联系电话",
        on=ON,
        confirm_personal_data=True,
    )
    item.refresh_from_db()
    assert item.state == workflow.PUBLISHED
    assert item.events.order_by("-id").first().reason == "本人同意公开联系电话"  # type: ignore[union-attr]
