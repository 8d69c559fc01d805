"""信息处理费: 按件 and 按量, 超额累进 (LEGAL.md B)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.applications.fees import FeeError, FeeMethod, per_item_fee, per_page_fee, quote


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (0, "0"),
        (1, "0"),
        (30, "0"),
        (31, "10"),
        (100, "700"),
        (101, "720"),
        (200, "2700"),
        (201, "2740"),
        (250, "4700"),
    ],
)
def test_per_page_fee_charges_each_band_only_for_its_part(pages: int, amount: str) -> None:
    assert per_page_fee(pages).amount == Decimal(amount)


@pytest.mark.parametrize(
    ("items", "earlier", "amount"),
    [
        (1, 0, "0"),
        (10, 0, "0"),
        (11, 0, "100"),
        (30, 0, "2000"),
        (31, 0, "2200"),
        (40, 0, "4000"),
        (41, 0, "4300"),
        (1, 10, "100"),
        (1, 30, "200"),
        (1, 40, "300"),
        (5, 8, "300"),
        (1, 55, "400"),
    ],
)
def test_per_item_fee_counts_the_applicants_month(items: int, earlier: int, amount: str) -> None:
    assert per_item_fee(items, earlier).amount == Decimal(amount)


def test_describe_prints_each_band_and_total() -> None:
    assert per_page_fee(120).describe() == (
        "按量计收：第31至100页70页×10元=700元；第101至200页20页×20元=400元；合计1100元"
    )
    assert per_item_fee(3).describe() == "按件计收：未超过免费件数；合计0元"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: per_page_fee(-1), "页数不能小于0，收到-1"),
        (lambda: per_item_fee(0), "本次申请件数不能小于1，收到0"),
        (lambda: per_item_fee(1, -2), "本月此前申请件数不能小于0，收到-2"),
        (lambda: per_page_fee(True), "页数应为整数，收到“True”"),
        (lambda: quote("by_weight", 3), "收费方式应为“按件计收”或“按量计收”，收到“by_weight”"),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message(call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FeeError) as info:
        call()
    assert str(info.value) == message


def test_quote_by_name() -> None:
    assert quote("per_page", 31).amount == Decimal("10")
    assert quote(FeeMethod.PER_ITEM, 1, 10).amount == Decimal("100")


@settings(max_examples=100)
@given(st.integers(0, 60), st.integers(1, 30), st.integers(1, 30))
def test_splitting_a_month_into_applications_never_changes_the_total(
    earlier: int, a: int, b: int
) -> None:
    """Cumulative counting: two applications cost what one of the same size would."""
    together = per_item_fee(a + b, earlier).amount
    apart = per_item_fee(a, earlier).amount + per_item_fee(b, earlier + a).amount
    assert together == apart


@settings(max_examples=100)
@given(st.integers(0, 500))
def test_page_fee_grows_by_the_marginal_rate(pages: int) -> None:
    step = per_page_fee(pages + 1).amount - per_page_fee(pages).amount
    n = pages + 1
    expected = 0 if n <= 30 else 10 if n <= 100 else 20 if n <= 200 else 40
    assert step == Decimal(expected)
