"""What casework's errors become at the error boundary (``gongkai.core.errors``)."""

from __future__ import annotations

from typing import Any

from gongkai.core.errors import DomainFailure, fixed, register, text

from .errors import CaseworkError
from .fees import FeeError
from .idcheck import InvalidIdentity


def _casework(exc: Any) -> DomainFailure:
    """The class's own ``status`` and ``code`` (NotAllowedInState/GuardFailed/Conflict 409,
    RoleNotAllowed 403, InvalidInput 400); never a 5xx."""
    status = int(exc.status)
    return DomainFailure(
        status if 400 <= status < 500 else 409, str(exc.code), text(exc, "操作未完成")
    )


register(CaseworkError, _casework)
register(FeeError, fixed(422, "fee", "收费计算的输入有误"))
register(InvalidIdentity, fixed(422, "invalid_identity", "证件号码无效"))
