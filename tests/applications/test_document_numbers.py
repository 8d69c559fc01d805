"""文号: numbered per organ and year in the organ's pattern, restarting each year, never
given twice; a pattern the organ cannot use is refused with the reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from gongkai.applications import document_numbers
from gongkai.applications.models import DocumentSequence, Notice
from gongkai.applications.workflow import Event, State
from gongkai.organs.forms import OrganForm

from .factories import Staff, make_case
from .notice_cases import configured

pytestmark = pytest.mark.django_db


def numbers(staff: Staff) -> list[str]:
    return list(
        Notice.objects.filter(application__organ=staff.organ)
        .order_by("id")
        .values_list("document_number", flat=True)
    )


def test_numbers_go_up_per_organ_and_restart_in_a_new_year(
    travel: Callable[[date], None],
) -> None:
    travel(date(2025, 12, 29))
    first = configured()
    second = Staff()
    for _ in range(2):
        make_case(first, State.CORRECTION)
    make_case(second, State.CORRECTION)
    make_case(first, State.FEE_PENDING)
    travel(date(2026, 1, 5))
    make_case(first, State.CORRECTION)
    assert numbers(first) == [
        "测试发改〔2025〕依申请第1号",
        "测试发改〔2025〕依申请第2号",
        "测试发改〔2025〕依申请第3号",
        "测试发改〔2026〕依申请第1号",
    ]
    assert numbers(second) == [f"{second.organ.short_name}〔2025〕依申请第1号"]
    assert DocumentSequence.objects.get(organ=first.organ, year=2025).last == 3


def test_the_year_is_the_notices_date_not_the_receipt(travel: Callable[[date], None]) -> None:
    """A case received in 2025 and answered in 2026 is numbered in the 2026 series."""
    travel(date(2026, 1, 6))
    staff = configured()
    case = make_case(staff, State.CLOSED, received_on=date(2025, 12, 29))
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    assert notice.document_number == "测试发改〔2026〕依申请第1号"


def test_a_number_is_never_given_twice(travel: Callable[[date], None]) -> None:
    travel(date(2025, 6, 16))
    staff = configured()
    DocumentSequence.objects.create(organ=staff.organ, year=2025, last=41)
    make_case(staff, State.CORRECTION)
    assert numbers(staff) == ["测试发改〔2025〕依申请第42号"]
    assert document_numbers.allocate(staff.organ, 2025) == "测试发改〔2025〕依申请第43号"
    make_case(staff, State.CORRECTION)
    assert numbers(staff)[-1] == "测试发改〔2025〕依申请第44号"


@pytest.mark.parametrize(
    ("pattern", "problems"),
    [
        ("", []),
        ("示范区发改〔{年}〕依申请第{号}号", []),
        ("{年}-{号}", []),
        (
            "示范区发改〔2026〕依申请第N号",
            [
                "应含一个“{号}”（序号），读到0个：如 示范区发改〔{年}〕依申请第{号}号",
                "应含“{年}”（年度）：序号每年从1起编，文号须带年度才不会重复",
            ],
        ),
        (
            "示范区发改〔{年}〕第{号}号（{号}）",
            ["应含一个“{号}”（序号），读到2个：如 示范区发改〔{年}〕依申请第{号}号"],
        ),
        ("发改〔{年}〕{序号}号{号}", ["只能使用“{年}”和“{号}”，读到“{序号}”"]),
        ("发改〔{年}〕第{号}号}", ["中的花括号只用于“{年}”和“{号}”，请删除多余的“{”或“}”"]),
        ("发" * 95 + "{年}{号}", ["过长：生成的文号不能超过100个字，请缩短"]),
    ],
)
def test_pattern_problems(pattern: str, problems: list[str]) -> None:
    assert document_numbers.pattern_problems(pattern) == problems


def test_format_number() -> None:
    assert (
        document_numbers.format_number("示范区发改〔{年}〕依申请第{号}号", "发改局", 2026, 12)
        == "示范区发改〔2026〕依申请第12号"
    )
    assert document_numbers.format_number("", "发改局", 2026, 12) == "发改局〔2026〕依申请第12号"


def test_the_organ_form_refuses_a_pattern_without_the_serial() -> None:
    staff = Staff()
    organ = staff.organ
    data = {
        "name": organ.name,
        "short_name": organ.short_name,
        "credit_code": organ.credit_code,
        "notice_number_pattern": "示范区发改〔{年}〕依申请",
        "report_publisher": "department",
    }
    form = OrganForm(data, instance=organ)
    assert not form.is_valid()
    assert form.errors["notice_number_pattern"] == [
        "文号格式应含一个“{号}”（序号），读到0个：如 示范区发改〔{年}〕依申请第{号}号"
    ]
    form = OrganForm(
        {**data, "notice_number_pattern": " 示范区发改〔{年}〕依申请第{号}号 "}, instance=organ
    )
    assert form.is_valid(), form.errors
    form.save()
    organ.refresh_from_db()
    assert organ.notice_number_pattern == "示范区发改〔{年}〕依申请第{号}号"


def test_the_admin_form_checks_the_pattern_too() -> None:
    from django.contrib import admin

    from gongkai.organs.forms import OrganAdminForm
    from gongkai.organs.models import Organ

    assert admin.site._registry[Organ].form is OrganAdminForm
    form = OrganAdminForm({"notice_number_pattern": "第{号}号"})
    form.is_valid()
    assert form.errors["notice_number_pattern"] == [
        "文号格式应含“{年}”（年度）：序号每年从1起编，文号须带年度才不会重复"
    ]
