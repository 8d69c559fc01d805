"""One workflow engine for every case, item, report, message and problem of the platform.

A workflow is a declarative table: states (with their Chinese labels), events, the roles
that may fire each event from which states, named guards and named effects. The engine
checks the table when it is defined (every state reachable from the initial one, end
states without outgoing events, no dead end among the others), answers what may be done
(``allowed``), fires an event (``fire``, or a ``TransitionError`` in Chinese) and draws
the table as Markdown for the documentation (``render_markdown``).

Plain Python: no Django, no app of the platform (``tests/test_architecture.py``).
"""

from __future__ import annotations

from gongkai.workflow.engine import (
    GuardFailed,
    StepLike,
    Transition,
    TransitionError,
    UnknownEvent,
    Workflow,
    WorkflowDefinitionError,
    WrongRole,
    WrongState,
)

__all__ = [
    "GuardFailed",
    "StepLike",
    "Transition",
    "TransitionError",
    "UnknownEvent",
    "Workflow",
    "WorkflowDefinitionError",
    "WrongRole",
    "WrongState",
]
