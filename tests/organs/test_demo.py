"""``manage.py load_demo``: the demo region, idempotent, with working accounts."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from gongkai.organs.models import Membership, Organ
from gongkai.organs.roles import Role
from gongkai.organs.uscc import problems
from gongkai_demo.organs import load_demo

pytestmark = pytest.mark.django_db


def run() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="make run 使用 SQLite：整套演示数据（含各业务模块）只在 SQLite 轮次载入检查一次",
)
def test_demo_region_has_an_office_and_three_bureaus_with_every_role() -> None:
    output = run()
    office = Organ.objects.get(slug="zfb")
    assert office.name == "示范区人民政府办公室"
    assert office.parent is None
    bureaus = set(office.children.values_list("name", flat=True))
    # other apps' demo loaders may add organs of their own under the office
    assert {"示范区发展和改革局", "示范区教育局", "示范区数据局"} <= bureaus
    for slug in ("zfb", "fgj", "jyj", "sjj"):
        organ = Organ.objects.get(slug=slug)
        assert problems(organ.credit_code) == []
        held = set(Membership.objects.filter(organ=organ).values_list("role", flat=True))
        assert held == set(Role.values)
    assert "所有演示账户的密码均为：Gongkai-Demo-2025" in output
    assert "fgj_officer" in output
    assert "接口文档： http://127.0.0.1:8000/api/docs" in output
    # the applicant's side can be walked with the printed 查询码
    from gongkai.applications import lookup, services
    from gongkai_demo.applications import WALKS

    states = {}
    for slug, code, _, applicant in WALKS:
        case = (
            services.Application.objects.filter(
                organ__slug=slug, applicant_name=applicant["applicant_name"]
            )
            .order_by("id")
            .first()
        )
        assert case is not None and f"{case.number}  查询码 {code}" in output
        assert lookup.case_for_lookup(case.number, code) == case
        states[slug] = case.state
    assert states == {"fgj": "correction", "jyj": "closed", "sjj": "awaiting_confirmation"}
    # 初审, 复审 and 终审 by three people: every demo organ has two reviewers
    for slug in ("fgj", "jyj", "sjj"):
        assert Membership.objects.filter(organ__slug=slug, role="reviewer").count() == 2


def test_load_demo_twice_changes_nothing() -> None:
    load_demo()
    user = get_user_model().objects.get(username="fgj_officer")
    user.set_password("Changed-By-User-1")
    user.save()
    counts = (Organ.objects.count(), Membership.objects.count(), get_user_model().objects.count())
    load_demo()
    assert counts == (
        Organ.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    )
    assert get_user_model().objects.get(username="fgj_officer").check_password("Changed-By-User-1")
