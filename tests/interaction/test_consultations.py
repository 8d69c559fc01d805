"""意见征集 and 征集调查: the rules staff and citizens would notice."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from gongkai.interaction import consulting, services, stats
from gongkai.interaction.consulting import QuestionSpec
from gongkai.interaction.models import Comment, Feedback
from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(organ_tree: dict[str, Any], make_member: Any) -> dict[str, Any]:
    a = organ_tree["a"]
    return {
        "organ": a,
        "officer": make_member(a, Role.OFFICER, username="officer"),
        "reviewer": make_member(a, Role.REVIEWER, username="reviewer"),
    }


def _fields(today: date, kind: str = "draft") -> dict[str, Any]:
    return {
        "kind": kind,
        "title": "停车收费办法征求意见",
        "description": "征求意见稿全文见附件。",
        "starts_on": today,
        "ends_on": today + timedelta(days=10),
        "contact": "价格科 0000-1",
    }


def test_a_consultation_from_draft_to_published_feedback(
    staff: dict[str, Any], frozen_today: date, travel: Any
) -> None:
    with pytest.raises(services.MessageError, match="公开专员"):
        consulting.create(staff["organ"], staff["reviewer"], _fields(frozen_today))
    bad = {**_fields(frozen_today), "ends_on": frozen_today - timedelta(days=1)}
    with pytest.raises(services.MessageError, match="截止日期不能早于开始日期"):
        consulting.create(staff["organ"], staff["officer"], bad)
    c = consulting.create(staff["organ"], staff["officer"], _fields(frozen_today))
    with pytest.raises(services.MessageError, match="不再接收意见"):
        consulting.comment(c, "还没发布就提意见")
    with pytest.raises(services.MessageError, match="审核人或机构负责人"):
        consulting.publish(c, staff["officer"])
    consulting.publish(c, staff["reviewer"])
    first = consulting.comment(c, "建议夜间优惠。", "刘洋", "13900000000")
    second = consulting.comment(c, "建议全部免费。")
    with pytest.raises(services.MessageError, match="征集已截止"):
        consulting.write_feedback(c, staff["officer"], "说明", "")
    travel(frozen_today + timedelta(days=11))
    with pytest.raises(services.MessageError, match="不再接收意见"):
        consulting.comment(c, "晚了")
    with pytest.raises(services.MessageError, match="未标明是否采纳"):
        consulting.write_feedback(c, staff["officer"], "说明", "")
    consulting.sort_comment(first, staff["officer"], "收费时段", True)
    consulting.sort_comment(second, staff["officer"], "收费标准", False)
    with pytest.raises(services.MessageError, match="未采纳的理由"):
        consulting.write_feedback(c, staff["officer"], "共收到2条，采纳1条。", "")
    consulting.write_feedback(c, staff["officer"], "共收到2条，采纳1条。", "免费缺少经费保障。")
    consulting.publish_feedback(c, staff["reviewer"])
    assert consulting.status(c) == "已发布反馈"
    page = Client().get(f"/messages/consultations/{c.pk}/").content.decode()
    assert "免费缺少经费保障" in page and "收费时段" in page
    assert "刘洋" not in page and "13900000000" not in page


def test_a_survey_takes_valid_answers_and_counts_them(
    staff: dict[str, Any], frozen_today: date
) -> None:
    with pytest.raises(services.MessageError, match="至少要有两个选项"):
        consulting.create(
            staff["organ"],
            staff["officer"],
            _fields(frozen_today, "survey"),
            [QuestionSpec("满意吗", "single", ("满意",))],
        )
    c = consulting.create(
        staff["organ"],
        staff["officer"],
        _fields(frozen_today, "survey"),
        [
            QuestionSpec("满意吗", "single", ("满意", "不满意")),
            QuestionSpec("想要什么", "multiple", ("辅导", "体育", "兴趣")),
            QuestionSpec("建议", "text"),
        ],
    )
    consulting.publish(c, staff["reviewer"])
    q1, q2, q3 = c.questions.all()
    with pytest.raises(services.MessageError, match="请回答第1题"):
        consulting.respond(c, {q2.pk: ["体育"]})
    with pytest.raises(services.MessageError, match="只能选一项"):
        consulting.respond(c, {q1.pk: ["满意", "不满意"], q2.pk: ["体育"]})
    with pytest.raises(services.MessageError, match="没有选项"):
        consulting.respond(c, {q1.pk: ["很好"], q2.pk: ["体育"]})
    consulting.respond(c, {q1.pk: ["满意"], q2.pk: ["体育", "兴趣"], q3.pk: ["电话13912345678"]})
    consulting.respond(c, {q1.pk: ["不满意"], q2.pk: ["体育"]})
    results = consulting.results(c)
    assert results[0].counts == [("满意", 1), ("不满意", 1)]
    assert results[1].counts == [("辅导", 0), ("体育", 2), ("兴趣", 1)]
    assert results[2].texts == ["电话***"]
    client = Client()
    response = client.post(
        f"/messages/consultations/{c.pk}/", {f"q{q1.pk}": "满意", f"q{q2.pk}": ["辅导"]}
    )
    assert response.status_code == 302
    assert c.responses.count() == 3


def test_counts_feed_the_annual_report(staff: dict[str, Any], frozen_today: date) -> None:
    c = consulting.create(staff["organ"], staff["officer"], _fields(frozen_today))
    consulting.publish(c, staff["reviewer"])
    consulting.comment(c, "意见一")
    consulting.comment(c, "意见二")
    found = consulting.counts(staff["organ"], frozen_today.year)
    assert (found.consultations, found.comments, found.feedbacks) == (1, 2, 0)
    assert Comment.objects.filter(consultation__organ=staff["organ"]).count() == found.comments
    assert stats.year_sentence(staff["organ"], frozen_today.year) == (
        "开展意见征集1次，收到意见2条，发布意见采纳情况反馈0次。"
    )


def test_the_public_comment_form_says_what_is_missing(
    staff: dict[str, Any], frozen_today: date
) -> None:
    c = consulting.create(staff["organ"], staff["officer"], _fields(frozen_today))
    assert Client().get(f"/messages/consultations/{c.pk}/").status_code == 404  # unpublished
    consulting.publish(c, staff["reviewer"])
    response = Client().post(f"/messages/consultations/{c.pk}/", {"body": ""})
    assert response.status_code == 400 and "请填写意见内容" in response.content.decode()
    assert not c.comments.exists()


def test_published_consultations_are_listed_in_the_catalogue(
    staff: dict[str, Any], frozen_today: date
) -> None:
    hidden = consulting.create(staff["organ"], staff["officer"], _fields(frozen_today))
    shown = consulting.create(
        staff["organ"], staff["officer"], {**_fields(frozen_today), "title": "绿道建设意见征集"}
    )
    consulting.publish(shown, staff["reviewer"])
    consulting.comment(shown, "建议增加照明。")
    page = Client().get(f"/catalog/{staff['organ'].slug}/").content.decode()
    assert "绿道建设意见征集" in page and "意见1条" in page
    assert hidden.title not in page.replace("绿道建设意见征集", "")


def test_the_consultation_table_refuses_what_its_state_does_not_allow(
    staff: dict[str, Any], frozen_today: date, travel: Any
) -> None:
    """Publishing twice, feedback before publication, sorting after the feedback is out:
    each refused by the table with the state named, and nothing written."""
    c = consulting.create(staff["organ"], staff["officer"], _fields(frozen_today))
    with pytest.raises(services.MessageError, match=r"“未发布”.*起草反馈") as refused:
        consulting.write_feedback(c, staff["officer"], "说明", "")
    assert refused.value.status == 409
    with pytest.raises(services.MessageError, match="发布反馈") as refused:
        consulting.publish_feedback(c, staff["reviewer"])
    assert refused.value.status == 409
    consulting.publish(c, staff["reviewer"])
    with pytest.raises(services.MessageError, match=r"“已发布”.*发布征集"):
        consulting.publish(c, staff["reviewer"])
    row = consulting.comment(c, "建议延长开放时间。")
    with pytest.raises(services.MessageError, match="公开专员") as refused:
        consulting.sort_comment(row, staff["reviewer"], "开放时间", True)
    assert refused.value.status == 403
    travel(frozen_today + timedelta(days=11))
    consulting.sort_comment(row, staff["officer"], "开放时间", True)
    consulting.write_feedback(c, staff["officer"], "共收到1条，采纳1条。", "")
    assert consulting.state_of(c) == "feedback_drafted"
    consulting.publish_feedback(c, staff["reviewer"])
    published_at = Feedback.objects.get(consultation=c).published_at
    with pytest.raises(services.MessageError, match="“已发布反馈”"):
        consulting.publish_feedback(c, staff["reviewer"])
    with pytest.raises(services.MessageError, match="“已发布反馈”"):
        consulting.sort_comment(row, staff["officer"], "其他", False)
    row.refresh_from_db()
    assert (row.theme, row.adopted) == ("开放时间", True)
    assert Feedback.objects.get(consultation=c).published_at == published_at


def test_a_consultation_whose_period_is_over_is_not_published(
    staff: dict[str, Any], frozen_today: date, travel: Any
) -> None:
    c = consulting.create(staff["organ"], staff["officer"], _fields(frozen_today))
    travel(frozen_today + timedelta(days=11))
    with pytest.raises(services.MessageError, match="截止日期未过"):
        consulting.publish(c, staff["reviewer"])
    c.refresh_from_db()
    assert c.published_at is None
