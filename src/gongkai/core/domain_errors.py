"""What the plain libraries' errors and Django's ``ValidationError`` become."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from gongkai.annual.errors import GongkaiError, ParseError, RenderError, SchemaError
from gongkai.deadlines.errors import (
    CalendarDataError,
    CalendarNotCovered,
    ClockError,
    DeadlineError,
)

from .errors import DomainFailure, fixed, register


def _validation(exc: Any) -> DomainFailure:
    return DomainFailure(422, "invalid", "；".join(exc.messages) or "提交的内容不符合要求")


register(CalendarNotCovered, fixed(409, "calendar_not_covered", "工作日历尚未覆盖所需年份"))
register(CalendarDataError, fixed(409, "calendar_data", "工作日历数据有误"))
register(ClockError, fixed(409, "clock", "办理记录的顺序或内容不能用于计算期限"))
register(DeadlineError, fixed(409, "deadline", "无法计算期限"))
register(SchemaError, fixed(422, "schema", "年度报告数据不符合 annual-report/1 格式"))
register(ParseError, fixed(422, "parse", "无法读取该文件"))
register(RenderError, fixed(422, "render", "无法生成该格式的文件"))
register(GongkaiError, fixed(422, "annual", "年度报告无法处理"))
register(ValidationError, _validation)
