"""巡查 over a factory region of 3 levels and 30 organs: every organ clean but one planted
problem of each rule in its own organ; the inspection finds exactly the planted ones
(precision and recall 100%), and the follow-up closes, reopens and keeps rejections."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import timezone

from gongkai.applications.models import CaseEvent
from gongkai.applications.workflow import Event, State
from gongkai.disclosure import personal_data as personal
from gongkai.disclosure import workflow
from gongkai.disclosure.guides import guide_for
from gongkai.disclosure.models import Guide, Item
from gongkai.interaction import services as messages
from gongkai.organs.models import Organ
from gongkai.reports.models import AnnualReportDraft, Status
from gongkai.supervision import inspect
from gongkai.supervision.catalogue import RULES
from gongkai.supervision.models import Problem, ProblemState, SensitiveWord
from gongkai_demo.factories.disclosure import Team, make_item
from gongkai_demo.factories.organs import OrganFactory, RegionFactory
from tests.applications.factories import make_case

pytestmark = pytest.mark.django_db


def _id_number(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


def _card(prefix: str) -> str:
    for last in "0123456789":
        if personal.luhn(prefix + last):
            return prefix + last
    raise AssertionError


def _staff(team: Team) -> Any:
    """The organ's people as the casework factory names them."""
    return SimpleNamespace(
        organ=team.organ,
        officer=team.officer,
        reviewer=team.first,
        reviewer2=team.second,
        head=team.head,
    )


def _region() -> list[Organ]:
    region = RegionFactory(name="巡查测试市")
    top = OrganFactory(region=region, name="巡查测试市人民政府办公室", slug="xc-top")
    middle = [
        OrganFactory(region=region, parent=top, name=f"巡查测试市第{i}局", slug=f"xc-m{i}")
        for i in range(9)
    ]
    bottom = [
        OrganFactory(
            region=region,
            parent=middle[i % 9],
            name=f"巡查测试市第{i % 9}局第{i}所",
            slug=f"xc-b{i}",
        )
        for i in range(20)
    ]
    return [top, *middle, *bottom]


def _clean(organ: Organ, today: date, *, budget: bool = True) -> Team:
    """An organ with nothing to find: its particulars and budget published, its guide
    current, last year's report published on time."""
    team = Team.for_organ(organ)
    make_item(team, state=workflow.PUBLISHED, on=today, title="机构职能", category="organisation")
    if budget:
        make_item(team, state=workflow.PUBLISHED, on=today, title="部门预算", category="budget")
    guide_for(organ)
    AnnualReportDraft.objects.create(
        organ=organ,
        year=today.year - 1,
        status=Status.PUBLISHED,
        published_on=date(today.year, 1, 20),
    )
    return team


def _plant(organs: list[Organ], teams: list[Team], today: date) -> set[tuple[int, str, str]]:
    """One problem of every rule (but LINK.EXTERNAL: outbound checks are off by default),
    each in its own organ; the set of what the inspection must find."""
    expected: set[tuple[int, str, str]] = set()
    o = iter(range(1, len(organs)))

    def organ_team() -> tuple[Organ, Team]:
        n = next(o)
        return organs[n], teams[n]

    def item(team: Team, rule: str, **fields: Any) -> Item:
        found = make_item(team, state=workflow.PUBLISHED, on=today, **fields)
        expected.add((team.organ.pk, rule, f"item:{found.pk}"))
        return found

    def leaked(team: Team, rule: str, title: str, text: str) -> None:
        """Personal data in a text published before publication checked it (or imported):
        publishing it now would be refused."""
        found = item(team, rule, title=title)
        Item.objects.filter(pk=found.pk).update(body=f"<p>{text}</p>", body_text=text)

    _, t = organ_team()
    item(t, "PUB.LATE", title="迟发的通知", written_on=today - timedelta(days=60))
    _, t = organ_team()
    late = make_item(t, on=today - timedelta(days=60), title="未发布的通知")
    expected.add((t.organ.pk, "PUB.OVERDUE", f"item:{late.pk}"))
    _, t = organ_team()
    Item.objects.filter(pk=item(t, "ITEM.INDEX", title="没有索引号").pk).update(index_number="")
    _, t = organ_team()
    item(t, "ITEM.DOCNO", title="某规范性文件", kind="normative")
    _, t = organ_team()
    item(t, "POLICY.EXPIRED", title="有效期届满的办法", valid_until=today - timedelta(days=1))
    _, t = organ_team()
    Item.objects.filter(pk=item(t, "POLICY.INTERP", title="须解读的办法").pk).update(
        requires_interpretation=True
    )
    _, t = organ_team()
    broken = make_item(
        t,
        state=workflow.PUBLISHED,
        on=today,
        title="链接失效",
        body='<p>见<a href="/items/999999/">原文</a>，另见<a href="https://example.invalid/">外网</a></p>',
    )
    expected.add((t.organ.pk, "LINK.INTERNAL", f"item:{broken.pk}:/items/999999/"))
    organ, _ = organ_team()
    stale = timezone.now() - timedelta(days=400)
    Guide.objects.filter(organ=organ).update(updated_at=stale)
    expected.add((organ.pk, "GUIDE.STALE", "guide"))
    organ, _ = organ_team()
    Organ.objects.filter(pk=organ.pk).update(office_phone="0000-1234567")
    expected.add((organ.pk, "GUIDE.CONTACT", "guide"))
    organ, t = organ_team()
    Item.objects.filter(organ=organ, category="budget").update(state=workflow.WITHDRAWN)
    expected.add((organ.pk, "CATALOG.EMPTY", "column:budget"))
    organ, t = organ_team()
    Item.objects.filter(organ=organ, category="budget").update(
        published_on=today - timedelta(days=500)
    )
    expected.add((organ.pk, "CATALOG.STALE", "column:budget"))
    organ, _ = organ_team()
    AnnualReportDraft.objects.filter(organ=organ).delete()
    expected.add((organ.pk, "REPORT.MISSING", f"report:{today.year - 1}"))
    organ, _ = organ_team()
    AnnualReportDraft.objects.filter(organ=organ).update(published_on=date(today.year, 2, 20))
    expected.add((organ.pk, "REPORT.LATE", f"report:{today.year - 1}"))
    organ, _ = organ_team()
    AnnualReportDraft.objects.filter(organ=organ).update(
        findings=[{"severity": "error", "code": "T3.E001", "message": "总计不等于各项之和"}]
    )
    expected.add((organ.pk, "REPORT.FINDINGS", f"report:{today.year - 1}"))
    organ, t = organ_team()
    answered = make_case(
        _staff(t),
        State.CLOSED,
        received_on=today - timedelta(days=10),
        answer="withheld_third_party_rights",
    )
    # A reply recorded without its reason (as older data may be): audit rows are
    # append-only, so the past is written through the plain base manager.
    CaseEvent._base_manager.filter(application=answered, action=Event.DRAFT_REPLY).update(reason="")
    expected.add((organ.pk, "CASE.NO_REASON", f"case:{answered.number}"))
    organ, t = organ_team()
    overdue = make_case(_staff(t), received_on=today - timedelta(days=45))
    expected.add((organ.pk, "CASE.OVERDUE", f"case:{overdue.number}"))
    organ, t = organ_team()
    staff = _staff(t)
    make_case(staff, received_on=today)  # due in 20 working days: nothing to say
    soon = make_case(staff, received_on=today - timedelta(days=26))
    assert soon.due_on is not None and today <= soon.due_on
    expected.add((organ.pk, "CASE.SOON", f"case:{soon.number}"))
    organ, _ = organ_team()
    message, _ = messages.submit(
        organ,
        {"kind": "consult", "subject": "咨询", "body": "请问如何办理？"},
        received_on=today - timedelta(days=20),
    )
    expected.add((organ.pk, "MSG.OVERDUE", f"message:{message.number}"))
    _, t = organ_team()
    leaked(t, "PRIVACY.ID", "名单", f"张三，{_id_number('11010519800101123')}")
    _, t = organ_team()
    leaked(t, "PRIVACY.MOBILE", "联系人", "联系人电话13912345678")
    _, t = organ_team()
    leaked(t, "PRIVACY.CARD", "补贴发放", f"账号{_card('622202020011234567')}")
    _, t = organ_team()
    SensitiveWord.objects.create(word="某禁用词")
    item(t, "PRIVACY.WORD", title="新闻", body="<p>文中出现某禁用词。</p>")
    return expected


@pytest.fixture
def planted(frozen_today: date) -> dict[str, Any]:
    organs = _region()
    assert len(organs) == 30 and len({o.parent_id for o in organs}) == 11  # 3 levels
    teams = [_clean(o, frozen_today) for o in organs]
    return {"organs": organs, "expected": _plant(organs, teams, frozen_today)}


def test_the_inspection_finds_every_planted_problem_and_nothing_else(
    planted: dict[str, Any], frozen_today: date
) -> None:
    found = inspect.findings(planted["organs"], frozen_today)
    got = {(f.organ_id, f.rule, f.key) for f in found}
    assert got == planted["expected"]
    planted_rules = {rule for _, rule, _ in planted["expected"]}
    assert planted_rules == {r.code for r in RULES} - {"LINK.EXTERNAL"}
    privacy = [f for f in found if f.rule in ("PRIVACY.ID", "PRIVACY.MOBILE", "PRIVACY.CARD")]
    assert all("*" in f.excerpt for f in privacy)  # numbers never shown whole


def test_re_inspection_closes_what_was_fixed_and_reopens_what_came_back(
    planted: dict[str, Any], frozen_today: date, travel: Any
) -> None:
    first = inspect.run(planted["organs"], on=frozen_today)
    assert first.new == len(planted["expected"]) and first.closed == 0
    phone = Problem.objects.get(rule="PRIVACY.MOBILE")
    word = Problem.objects.get(rule="PRIVACY.WORD")
    with pytest.raises(inspect.ProblemError, match="说明整改情况"):
        inspect.mark_fixed(phone, None, "")
    inspect.mark_fixed(phone, None, "已删除联系人电话")
    inspect.reject(word, None, "该词在此处为引用原文，不予处理")
    item = Item.objects.get(pk=int(phone.key.split(":")[1]))
    Item.objects.filter(pk=item.pk).update(
        body="<p>联系人电话见公开指南</p>", body_text="联系人电话见公开指南"
    )
    second = inspect.run(planted["organs"], on=frozen_today + timedelta(days=1))
    phone.refresh_from_db()
    word.refresh_from_db()
    assert phone.state == ProblemState.VERIFIED and second.closed == 1
    assert word.state == ProblemState.REJECTED
    Item.objects.filter(pk=item.pk).update(body_text="联系人电话13912345678")
    third = inspect.run(planted["organs"], on=frozen_today + timedelta(days=2))
    phone.refresh_from_db()
    assert phone.state == ProblemState.OPEN and phone.reopened == 1 and third.reopened == 1
    kinds = list(phone.events.values_list("action", flat=True))
    assert kinds == ["found", "fixed", "verified", "reopened"]
