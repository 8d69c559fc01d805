"""What 主动公开's errors become at the error boundary (``gongkai.core.errors``)."""

from __future__ import annotations

from typing import Any, Final

from gongkai.core.errors import DomainFailure, fixed, register, text

from .content import UploadRefused
from .index_numbers import PatternError
from .workflow import TransitionError

STATE_CONFLICTS: Final = frozenset(
    {"wrong_state", "not_draft", "revising", "same_person", "ended_before_made"}
)
"""Codes of ``TransitionError`` that are about the item's state (409)."""


def _transition(exc: Any) -> DomainFailure:
    """wrong_role 403; a state conflict 409; any other (bad field, unknown event) 422."""
    code = str(exc.code)
    if code == "wrong_role":
        status = 403
    elif code in STATE_CONFLICTS:
        status = 409
    else:
        status = 422
    return DomainFailure(status, code, text(exc, "操作未完成"))


register(TransitionError, _transition)
register(UploadRefused, fixed(422, "upload_refused", "附件未保存"))
register(PatternError, fixed(422, "index_pattern", "索引号规则无效"))
