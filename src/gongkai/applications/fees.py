"""信息处理费 (国办函〔2020〕109号 Arts 3–5; LEGAL.md B): 超额累进, in Decimal yuan.

Two methods; an organ picks one per application, never both:

* 按件计收 — counted per applicant over one calendar month. Items 1–10 are free,
  11–30 cost 100 元 each, and from the 31st on each band of 10 items costs 100 元 more
  per item than the band before (31–40: 200, 41–50: 300, …). The band reading beyond 30
  is an arithmetic interpretation of the text [P].
* 按量计收 — pages per application: 1–30 free, 31–100 10 元, 101–200 20 元,
  from 201 on 40 元 per page.

Only the part above each threshold is charged at that threshold's rate.
Plain Python (no Django).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Final


class FeeMethod(StrEnum):
    PER_ITEM = "per_item"
    PER_PAGE = "per_page"


METHOD_LABELS: Final = {FeeMethod.PER_ITEM: "按件计收", FeeMethod.PER_PAGE: "按量计收"}


@dataclass(frozen=True)
class Band:
    first: int
    last: int | None
    """Inclusive; ``None`` for the open top band."""
    rate: Decimal

    def overlap(self, start: int, end: int) -> int:
        """How many of the units ``start..end`` (inclusive) fall in this band."""
        top = end if self.last is None else min(end, self.last)
        return max(0, top - max(start, self.first) + 1)

    @property
    def label(self) -> str:
        if self.last is None:
            return f"第{self.first}及以上"
        return f"第{self.first}至{self.last}"


@dataclass(frozen=True)
class FeeLine:
    band: Band
    units: int
    amount: Decimal


@dataclass(frozen=True)
class FeeQuote:
    method: FeeMethod
    units: int
    """The units charged for (items of this application, or pages)."""
    lines: tuple[FeeLine, ...]

    @property
    def amount(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0"))

    def describe(self) -> str:
        """The computation as printed on the fee notice."""
        unit = "件" if self.method is FeeMethod.PER_ITEM else "页"
        parts = [
            f"{line.band.label}{unit}{line.units}{unit}×{line.band.rate}元={line.amount}元"
            for line in self.lines
            if line.units
        ]
        body = "；".join(parts) if parts else f"未超过免费{unit}数"
        return f"{METHOD_LABELS[self.method]}：{body}；合计{self.amount}元"


PAGE_BANDS: Final = (
    Band(1, 30, Decimal("0")),
    Band(31, 100, Decimal("10")),
    Band(101, 200, Decimal("20")),
    Band(201, None, Decimal("40")),
)

ITEM_FREE: Final = 10
ITEM_FIRST_PAID_LAST: Final = 30
ITEM_BAND_WIDTH: Final = 10
ITEM_RATE_STEP: Final = Decimal("100")


class FeeError(ValueError):
    """Bad input to a fee computation; the message says what was expected (Chinese)."""


def _item_bands(up_to: int) -> tuple[Band, ...]:
    bands = [Band(1, ITEM_FREE, Decimal("0")), Band(11, ITEM_FIRST_PAID_LAST, ITEM_RATE_STEP)]
    first, rate = ITEM_FIRST_PAID_LAST + 1, ITEM_RATE_STEP * 2
    while first <= up_to:
        bands.append(Band(first, first + ITEM_BAND_WIDTH - 1, rate))
        first += ITEM_BAND_WIDTH
        rate += ITEM_RATE_STEP
    return tuple(bands)


def _charge(method: FeeMethod, bands: tuple[Band, ...], start: int, end: int) -> FeeQuote:
    lines = tuple(
        FeeLine(b, n, b.rate * n) for b in bands if (n := b.overlap(start, end)) and b.rate
    )
    return FeeQuote(method, end - start + 1, lines)


def _count(value: int, name: str, *, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FeeError(f"{name}应为整数，收到“{value!r}”")
    if value < minimum:
        raise FeeError(f"{name}不能小于{minimum}，收到{value}")
    return value


def per_item_fee(items: int, earlier_this_month: int = 0) -> FeeQuote:
    """The fee for ``items`` items of one application by an applicant who has already
    lodged ``earlier_this_month`` items in the same calendar month."""
    items = _count(items, "本次申请件数", minimum=1)
    earlier = _count(earlier_this_month, "本月此前申请件数", minimum=0)
    start, end = earlier + 1, earlier + items
    return _charge(FeeMethod.PER_ITEM, _item_bands(end), start, end)


def per_page_fee(pages: int) -> FeeQuote:
    """The fee for providing ``pages`` pages under one application."""
    pages = _count(pages, "页数", minimum=0)
    if pages == 0:
        return FeeQuote(FeeMethod.PER_PAGE, 0, ())
    return _charge(FeeMethod.PER_PAGE, PAGE_BANDS, 1, pages)


def quote(method: FeeMethod | str, units: int, earlier_this_month: int = 0) -> FeeQuote:
    """Either method by name, as forms and the API pass it."""
    try:
        chosen = FeeMethod(method)
    except ValueError:
        raise FeeError(f"收费方式应为“按件计收”或“按量计收”，收到“{method}”") from None
    if chosen is FeeMethod.PER_ITEM:
        return per_item_fee(units, earlier_this_month)
    return per_page_fee(units)
