"""Errors the casework raises on purpose; views and the API turn them into one shape.

CaseworkError          base; ``code`` is stable, ``status`` the HTTP status, message Chinese
 ├── NotAllowedInState 409: the event is not possible in the case's current state
 ├── RoleNotAllowed    403: the caller's roles may not perform the event
 ├── GuardFailed       409: a condition of the event does not hold (deadline, once only …)
 ├── Conflict          409: someone else changed the case first (optimistic concurrency)
 ├── InvalidInput      400: bad data for the event (days, amount, answer type …)
 │    └── InvalidDelivery  400: the 送达 details, each by its field (``errors``)
 └── DeliveryFailed    502: the mail server refused the reply's e-mail; nothing was
                       recorded as delivered, the failure itself was (``delivery_failed``)
"""

from __future__ import annotations


class CaseworkError(Exception):
    code = "casework"
    status = 400

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class NotAllowedInState(CaseworkError):
    code = "not_allowed_in_state"
    status = 409


class RoleNotAllowed(CaseworkError):
    code = "role_not_allowed"
    status = 403


class GuardFailed(CaseworkError):
    code = "guard_failed"
    status = 409


class Conflict(CaseworkError):
    code = "conflict"
    status = 409


class InvalidInput(CaseworkError):
    code = "invalid_input"
    status = 400


class InvalidDelivery(InvalidInput):
    """The 送达 details refused, each with its field (``method``, ``on``, ``tracking``,
    ``recipient``, ``note``): the page shows each at its field, the API lists them."""

    def __init__(self, errors: dict[str, str], labels: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("；".join(f"{labels.get(k, k)}：{v}" for k, v in self.errors.items()))


class DeliveryFailed(CaseworkError):
    code = "delivery_failed"
    status = 502
