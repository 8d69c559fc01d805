"""The actions of the case page: a short menu that opens one form at a time.

``menu`` lists what the user may do now (the workflow's events for the user's roles, the
送达 with its details, 指定承办人 among the organ's officers), each with its form: a fresh
one, or the submission being shown again with its errors. ``bound`` reads a submission
into the same form, ``perform`` hands it to the service.

Without script, ``?action=<event>`` opens that form alone; ``applications/case.js``
switches between them without reloading (the other forms are in the page, ``hidden``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from django.http import HttpRequest

from .. import delivery, rules, services
from ..forms import ACTION_LABELS, AssignForm, DeliverForm, action_form
from ..models import Application, CaseEvent
from ..workflow import EVENT_LABELS, Event, State, transition

ASSIGN: Final = "assign"
ASSIGN_LABEL: Final = "指定承办人"

Bound = tuple[str, Any]
"""An action's name and its submitted (invalid) form, shown again as it was typed."""


@dataclass(frozen=True)
class Action:
    value: str
    """The event (or ``assign``): the form's id is ``act-<value>``."""
    label: str
    form: Any


def label(action: str) -> str:
    """The officer's name of an action (登记申请人撤回 for the withdrawal they record)."""
    if action == ASSIGN:
        return ASSIGN_LABEL
    if action in ACTION_LABELS:
        return ACTION_LABELS[action]
    try:
        return EVENT_LABELS[Event(action)]
    except ValueError:
        return action


def _fresh(action: str, case: Application, last: CaseEvent | None, needs_reason: bool) -> Any:
    if action == ASSIGN:
        return AssignForm(case=case)
    if action == Event.DELIVER:
        return DeliverForm(case=case)
    return action_form(action, case.version, needs_reason=needs_reason, earliest=last)


def menu(
    user: Any,
    case: Application,
    events: list[CaseEvent],
    *,
    chosen: str = "",
    bound: Bound | None = None,
) -> tuple[list[Action], str]:
    """The actions offered and the one whose form is open: the submission shown again,
    else ``chosen`` when it is offered, else the only action when there is one."""
    last = events[-1] if events else None
    offered: list[tuple[str, bool]] = [
        (t.event.value, t.needs_reason)
        for t in rules.actions_for(user, case)
        if t.event is not Event.MERGE  # needs the other case: offered with the duplicates
    ]
    if rules.can_assign(user, case):
        offered.append((ASSIGN, False))
    actions = [
        Action(
            value,
            label(value),
            bound[1]
            if bound is not None and bound[0] == value
            else _fresh(value, case, last, needs_reason),
        )
        for value, needs_reason in offered
    ]
    names = [a.value for a in actions]
    if bound is not None:
        chosen = bound[0]
    if chosen not in names:
        chosen = names[0] if len(names) == 1 else ""
    return actions, chosen


def bound(request: HttpRequest, case: Application, action: str, events: list[CaseEvent]) -> Any:
    """The submission of ``action`` read into its form (the same form the menu offers)."""
    if action == ASSIGN:
        return AssignForm(request.POST, case=case)
    if action == Event.DELIVER:
        return DeliverForm(request.POST, case=case)
    try:
        t = transition(State(case.state), Event(action))
    except ValueError:
        t = None
    return action_form(
        action,
        case.version,
        needs_reason=t.needs_reason if t is not None else False,
        data=request.POST,
        files=request.FILES,
        earliest=events[-1] if events else None,
    )


def perform(user: Any, case: Application, action: str, form: Any) -> None:
    """Hand a valid form to its service (raises the service's ``CaseworkError``)."""
    case.version = form.cleaned_data["version"]
    if action == ASSIGN:
        services.assign(case, form.cleaned_data["assignee"], user)
    elif action == Event.DELIVER:
        delivery.deliver(case, user, **form.details())
    else:
        services.apply(
            case,
            action,
            user,
            form.cleaned_data.get("reason", ""),
            data=form.payload(),
            files=form.cleaned_data.get("files") or [],
            on=form.cleaned_data.get("on"),
        )
