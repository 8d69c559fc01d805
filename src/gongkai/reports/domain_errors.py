"""What the annual report's errors become at the error boundary (``gongkai.core.errors``)."""

from __future__ import annotations

from gongkai.core.errors import own_code, register

from .services import InvalidInput, NotAllowed, PublishRefused, ReportsError, StaleVersion

register(NotAllowed, own_code(403, "无权执行此操作"))
register(InvalidInput, own_code(422, "提交的内容不符合要求"))
register(StaleVersion, own_code(409, "他人已修改这份报告，请刷新后重试"))
register(PublishRefused, own_code(409, "核查发现错误，不能发布"))
register(ReportsError, own_code(409, "操作未完成"))
