"""When an annual report is due (《条例》第四十九条, LEGAL.md A10).

County-level and higher departments publish last year's report by 31 January; the
disclosure office of a local government publishes that government's own (本级政府) report
by 31 March. Everything that states a report's deadline (the workspace, the checker, the
roll-up) asks here.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Final


class Publisher(StrEnum):
    """Whose report it is, which decides its deadline."""

    DEPARTMENT = "department"
    GOVERNMENT = "government"

    @property
    def label(self) -> str:
        return {"department": "政府部门", "government": "本级人民政府"}[self.value]

    @property
    def month_day(self) -> tuple[int, int]:
        return (3, 31) if self is Publisher.GOVERNMENT else (1, 31)


LATEST: Final = Publisher.GOVERNMENT
"""The later of the two deadlines: the one to apply when the publisher is unknown."""

_GOVERNMENT_NAME = re.compile(r"人民政府$")
_DEPARTMENT_NAME = re.compile(r"(局|委员会|委|办公室|办|厅|署|中心|院|部|室|所|处|队|站|会)$")


def deadline(year: int, publisher: Publisher) -> date:
    """The last day to publish the report on ``year``."""
    return date(year + 1, *publisher.month_day)


def shown(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def publisher_from_name(organ: str | None) -> Publisher | None:
    """Whose report a printed organ name suggests: ``XX人民政府`` is the government's own
    report, a bureau, commission or office a department's; otherwise unknown."""
    if not organ:
        return None
    name = organ.strip()
    if _GOVERNMENT_NAME.search(name):
        return Publisher.GOVERNMENT
    if _DEPARTMENT_NAME.search(name):
        return Publisher.DEPARTMENT
    return None
