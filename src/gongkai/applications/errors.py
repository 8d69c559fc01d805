"""Errors the casework raises on purpose; views and the API turn them into one shape.

CaseworkError          base; ``code`` is stable, ``status`` the HTTP status, message Chinese
 ├── NotAllowedInState 409: the event is not possible in the case's current state
 ├── RoleNotAllowed    403: the caller's roles may not perform the event
 ├── GuardFailed       409: a condition of the event does not hold (deadline, once only …)
 ├── Conflict          409: someone else changed the case first (optimistic concurrency)
 └── InvalidInput      400: bad data for the event (days, amount, answer type …)
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
