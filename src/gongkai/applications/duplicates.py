"""Probable duplicates among applications: the same applicant asking nearly the same thing.

Used by the officer's 待确认 list, so that a citizen who pressed "submit" twice, or applied
again a week later, is not counted twice in table 三 without someone looking at it. The
rule: same organ, same applicant (ID number, or name and phone), submitted within
``WINDOW`` of each other, requests whose text is at least ``SIMILAR`` alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from difflib import SequenceMatcher

from django.db.models import Q

from .models import Application

WINDOW = timedelta(days=30)
SIMILAR = 0.8
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def _text(information: str) -> str:
    return _NOISE.sub("", information)


def similar(a: str, b: str) -> bool:
    """Whether two requests ask for nearly the same information."""
    left, right = _text(a), _text(b)
    if not left or not right:
        return False
    return left == right or SequenceMatcher(None, left, right).ratio() >= SIMILAR


def _same_applicant(case: Application) -> Q:
    same = Q(pk__in=[])
    if case.id_number:
        same |= Q(id_number=case.id_number)
    if case.applicant_name and case.phone:
        same |= Q(applicant_name=case.applicant_name, phone=case.phone)
    return same


def probable_duplicates(cases: Iterable[Application]) -> dict[int, list[Application]]:
    """For each case, the other applications it probably repeats (oldest first)."""
    found: dict[int, list[Application]] = {}
    for case in cases:
        others = (
            Application.objects.filter(
                _same_applicant(case),
                organ_id=case.organ_id,
                created_at__gte=case.created_at - WINDOW,
                created_at__lte=case.created_at + WINDOW,
            )
            .exclude(pk=case.pk)
            .only("id", "number", "information", "state", "created_at")
            .order_by("created_at", "id")
        )
        matches = [o for o in others if similar(o.information, case.information)]
        if matches:
            found[case.pk] = matches
    return found
