"""Items through the review workflow: events, 索引号, versions, guards."""

from __future__ import annotations

import datetime

import pytest

from gongkai.disclosure import services, workflow
from gongkai.disclosure.models import IndexNumber, Item, SearchEntry
from gongkai.disclosure.workflow import TransitionError
from gongkai_demo.factories.disclosure import make_item

D = datetime.date


def test_three_reviews_publish_with_the_seed_style_index_number(team) -> None:
    item = make_item(team, state=workflow.PUBLISHED, on=D(2024, 3, 5), title="关于公布数据的通知")
    assert item.state == workflow.PUBLISHED
    assert item.index_number == "11330524MB15359635/2024-00001"
    assert item.published_on == D(2024, 3, 5)
    events = [(e.action, e.before, e.after, e.actor_name) for e in item.events.all()]
    assert events == [
        ("create", "", "draft", "李明"),
        ("submit", "draft", "first_review", "李明"),
        ("approve_first", "first_review", "second_review", "赵朔"),
        ("approve_second", "second_review", "final_review", "王丹"),
        ("approve_final", "final_review", "published", "惠贇"),
    ]
    assert SearchEntry.objects.filter(item=item).exists()


def test_serials_count_on_and_restart_each_year(team) -> None:
    numbers = [
        make_item(team, state=workflow.PUBLISHED, on=day).index_number
        for day in (D(2024, 5, 6), D(2024, 6, 3), D(2025, 1, 6))
    ]
    assert numbers == [
        "11330524MB15359635/2024-00001",
        "11330524MB15359635/2024-00002",
        "11330524MB15359635/2025-00001",
    ]


def test_send_back_needs_a_comment_and_returns_to_draft(team) -> None:
    item = make_item(team, state=workflow.SECOND_REVIEW)
    with pytest.raises(TransitionError, match="“退回修改”必须填写意见或理由"):
        services.apply(item, "send_back", team.second)
    assert Item.objects.get(pk=item.pk).state == workflow.SECOND_REVIEW
    item = services.apply(item, "send_back", team.second, "文号有误，请核对")
    assert item.state == workflow.DRAFT
    assert item.events.last().reason == "文号有误，请核对"


def test_one_person_cannot_review_two_levels(team) -> None:
    item = make_item(team, state=workflow.SECOND_REVIEW)
    with pytest.raises(TransitionError) as err:
        services.apply(item, "approve_second", team.first)
    assert err.value.message == "同一人不能担任两级审核：您已完成本轮初审，请由其他审核人进行复审"


def test_officer_cannot_publish(team) -> None:
    item = make_item(team, state=workflow.FINAL_REVIEW)
    with pytest.raises(TransitionError) as err:
        services.apply(item, "approve_final", team.officer)
    assert err.value.code == "wrong_role"


def test_revision_keeps_index_number_and_old_version(team) -> None:
    v1 = make_item(team, state=workflow.PUBLISHED, on=D(2024, 3, 5), title="第一版")
    v2 = services.apply(v1, "revise", team.officer, on=D(2024, 6, 3))
    assert (v2.version, v2.state, v2.previous_id) == (2, workflow.DRAFT, v1.pk)
    services.update_item(v2, team.officer, title="第二版")
    for event, who in [
        ("submit", team.officer),
        ("approve_first", team.first),
        ("approve_second", team.second),
        ("approve_final", team.head),
    ]:
        v2 = services.apply(v2, event, who, on=D(2024, 6, 10))
    v1.refresh_from_db()
    assert v1.state == workflow.SUPERSEDED
    assert v2.index_number == v1.index_number
    assert IndexNumber.objects.count() == 1
    assert list(SearchEntry.objects.values_list("item_id", flat=True)) == [v2.pk]
    assert v2.due_on == services.due_date(v2)
    assert v2.changed_on == D(2024, 6, 3)


def test_published_item_cannot_be_edited_directly(team) -> None:
    item = make_item(team, state=workflow.PUBLISHED)
    with pytest.raises(TransitionError, match="已发布的信息请使用“修订”"):
        services.update_item(item, team.officer, title="改")


def test_withdraw_removes_from_search(team) -> None:
    item = make_item(team, state=workflow.PUBLISHED)
    services.apply(item, "withdraw", team.head, "误发")
    assert not SearchEntry.objects.exists()


def test_due_date_is_twenty_working_days_after_written(team) -> None:
    # Day 1 is Sun 2024-09-29 (a 调休 working day), Oct 1–7 are off, Sat Oct 12 works:
    # day 20 is Wed 2024-10-30.
    item = make_item(team, written_on=D(2024, 9, 27))
    assert item.due_on == D(2024, 10, 30)


def test_late_publication_is_flagged(team) -> None:
    on_time = make_item(team, state=workflow.PUBLISHED, written_on=D(2024, 3, 1), on=D(2024, 3, 20))
    late = make_item(team, state=workflow.PUBLISHED, written_on=D(2024, 3, 1), on=D(2024, 5, 20))
    assert not on_time.is_late
    assert late.is_late


def test_script_in_body_is_removed_and_said(team) -> None:
    item, cleaned = services.create_item(
        team.organ,
        team.officer,
        title="含脚本",
        written_on=D(2024, 1, 2),
        category="rules",
        body='<p onclick="x()">正文<script>alert(1)</script></p>',
    )
    assert item.body == "<p>正文</p>"
    assert cleaned.note == "正文中的脚本、事件属性等不安全内容已被移除，其余内容已保存。"
    assert item.events.first().reason == cleaned.note


@pytest.mark.django_db(transaction=True)
def test_calendar_change_moves_due_dates_of_unpublished_items(team) -> None:
    from gongkai.workcalendar.models import DayKind
    from gongkai.workcalendar.services import set_override

    draft = make_item(team, written_on=D(2024, 3, 1))
    published = make_item(team, state=workflow.PUBLISHED, written_on=D(2024, 3, 1))
    assert draft.due_on == published.due_on == D(2024, 3, 29)
    set_override(
        date=D(2024, 3, 15),
        kind=DayKind.HOLIDAY,
        name="地方节日",
        reason="本地民族节日",
        by=team.head,
    )
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.due_on == D(2024, 4, 1)  # one working day fewer in March
    assert published.due_on == D(2024, 3, 29)  # a published item keeps its record


def test_organ_index_pattern_is_checked_and_used(team) -> None:
    from django.core.exceptions import ValidationError

    from gongkai.disclosure.models import DisclosureSettings

    row = DisclosureSettings(organ=team.organ, index_pattern="{统一社会信用代码}-{year}")
    with pytest.raises(ValidationError, match="缺少流水号"):
        row.full_clean()
    row.index_pattern = "FGJ-{year}-{serial:03d}"
    row.full_clean()
    row.save()
    item = make_item(team, state=workflow.PUBLISHED, on=D(2024, 7, 1))
    assert item.index_number == "FGJ-2024-001"


def test_publishing_a_document_that_repeals_another_ends_it(team) -> None:
    from gongkai.disclosure.stats import table2

    old = make_item(
        team, state=workflow.PUBLISHED, kind="normative", title="旧办法", written_on=D(2022, 5, 1)
    )
    new = make_item(
        team,
        state=workflow.PUBLISHED,
        kind="normative",
        title="新办法",
        written_on=D(2024, 6, 3),
        on=D(2024, 6, 10),
        repeals=[old],
    )
    old.refresh_from_db()
    assert (old.state, old.validity, old.ended_on) == (workflow.REPEALED, "废止", D(2024, 6, 10))
    assert old.events.last().reason == f"被《新办法》（索引号 {new.index_number}）废止"
    counts = table2(team.organ, 2024).normative_documents
    assert (counts.made, counts.repealed, counts.in_force) == (1, 1, 1)


def test_only_current_items_of_the_organ_can_be_repealed(team) -> None:
    draft = make_item(team, title="草稿")
    with pytest.raises(
        TransitionError, match="“草稿”不是本机关现行有效的已发布信息，不能作为废止的对象"
    ):
        make_item(team, title="新办法", repeals=[draft])


@pytest.mark.parametrize(
    ("published", "late"),
    [(D(2025, 10, 29), False), (D(2025, 10, 30), False), (D(2025, 10, 31), True)],
)
def test_due_date_across_national_day_2025_and_the_late_flag(
    team, published: datetime.date, late: bool
) -> None:
    # Written Fri 2025-09-26. Day 1 is Sun 09-28 (调休 working day), 09-29 and 09-30 are
    # days 2–3, 10-01…10-08 are off, 10-09 and 10-10 are days 4–5, Sat 10-11 works (day 6);
    # day 20 is Thu 2025-10-30.
    item = make_item(team, state=workflow.PUBLISHED, written_on=D(2025, 9, 26), on=published)
    assert item.due_on == D(2025, 10, 30)
    assert item.is_late is late
