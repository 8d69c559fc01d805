"""The conditions the start pages count and list, as query expressions.

Each is one SQL condition, so a section's count and its lines come from the same rule and
the counts of every section of every organ come from one aggregate query per model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, OuterRef, Q

from gongkai.applications.models import CaseEvent
from gongkai.applications.querysets import OPEN
from gongkai.applications.workflow import Event, State
from gongkai.disclosure import workflow as items
from gongkai.disclosure.models import ItemEvent

REVIEW_EVENTS = (Event.DRAFT_REPLY, Event.APPROVE_FIRST, Event.APPROVE_SECOND, Event.SIGN_OFF)
ITEM_ROUND_EVENTS = ("submit", "approve_first", "approve_second", "approve_final")


def mine_or_unassigned(user: Any, prefix: str = "") -> Q:
    """Cases assigned to ``user`` or to nobody (``prefix`` reaches them from another model)."""
    return Q(**{f"{prefix}assignee": user}) | Q(**{f"{prefix}assignee__isnull": True})


def near_deadline(soon: Any) -> Q:
    """Open cases whose answer period runs (not paused) and ends by ``soon`` or has ended."""
    return Q(state__in=OPEN, clock_paused=False, due_on__isnull=False, due_on__lte=soon)


def returned_for_revision() -> Q:
    """The case's latest change of state was 退回修改 (notes and reminders do not count)."""
    later = CaseEvent.objects.filter(
        application=OuterRef("application"), seq__gt=OuterRef("seq")
    ).exclude(after="")
    returned = CaseEvent.objects.filter(
        application=OuterRef("pk"), action=Event.RETURN_FOR_REVISION
    ).filter(~Exists(later))
    return Q(Exists(returned))


def acted_in_review_round(user: Any) -> Q:
    """``user`` drafted the reply under review or passed one of its levels (the round
    starts at the latest 拟写答复, as in ``applications.history.review_round``)."""
    redrafted = CaseEvent.objects.filter(
        application=OuterRef("application"), action=Event.DRAFT_REPLY, seq__gt=OuterRef("seq")
    )
    acted = CaseEvent.objects.filter(
        application=OuterRef("pk"), actor=user, action__in=REVIEW_EVENTS
    ).filter(~Exists(redrafted))
    return Q(Exists(acted))


def waiting_for_review(user: Any, states: list[str]) -> Q:
    """Replies in one of ``states`` that ``user`` may still review (三级审核各不相同)."""
    return Q(state__in=states) & ~acted_in_review_round(user)


def item_sent_back() -> Q:
    """The item's latest event is 退回修改."""
    later = ItemEvent.objects.filter(item=OuterRef("item"), pk__gt=OuterRef("pk"))
    sent_back = ItemEvent.objects.filter(item=OuterRef("pk"), action="send_back").filter(
        ~Exists(later)
    )
    return Q(Exists(sent_back))


def item_acted_in_round(user: Any) -> Q:
    """``user`` submitted the item or approved a level since its latest submission (as in
    ``disclosure.services._round_approvers``)."""
    resubmitted = ItemEvent.objects.filter(
        item=OuterRef("item"), action="submit", pk__gt=OuterRef("pk")
    )
    acted = ItemEvent.objects.filter(
        item=OuterRef("pk"), actor=user, action__in=ITEM_ROUND_EVENTS
    ).filter(~Exists(resubmitted))
    return Q(Exists(acted))


def item_waiting_for_review(user: Any, states: list[str]) -> Q:
    return Q(state__in=states) & ~item_acted_in_round(user)


# The levels each organ role reviews, in each workflow (初审, 复审 by 审核人 or 机构负责人 for
# replies; 初审, 复审 by 审核人 and 终审 by 机构负责人 for items; see disclosure.rules).
REPLY_LEVELS = {
    "reviewer": (State.REVIEW_FIRST, State.REVIEW_SECOND),
    "head": (State.REVIEW_FIRST, State.REVIEW_SECOND, State.REVIEW_FINAL),
}
ITEM_LEVELS = {
    "reviewer": (items.FIRST_REVIEW, items.SECOND_REVIEW),
    "head": (items.FINAL_REVIEW,),
}


def levels(
    table: Mapping[str, tuple[str, ...]], roles: set[str], order: tuple[str, ...]
) -> list[str]:
    held = {state for role in roles for state in table.get(role, ())}
    return [state for state in order if state in held]
