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
SHOWN = 5
"""Probable duplicates listed per case; one more is looked for, to say there are more."""
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def _text(information: str) -> str:
    return _NOISE.sub("", information)


def similar(a: str, b: str) -> bool:
    """Whether two requests ask for nearly the same information."""
    left, right = _text(a), _text(b)
    if not left or not right:
        return False
    return left == right or SequenceMatcher(None, left, right).ratio() >= SIMILAR


def _same_person(a: Application, b: Application) -> bool:
    if a.id_number and a.id_number == b.id_number:
        return True
    return bool(a.applicant_name and a.phone) and (a.applicant_name, a.phone) == (
        b.applicant_name,
        b.phone,
    )


def probable_duplicates(cases: Iterable[Application]) -> dict[int, list[Application]]:
    """For each case, the other applications it probably repeats, newest first: at most
    ``SHOWN`` + 1 (the list shows ``SHOWN`` and says when there are more).

    One query for the whole page: every application of the page's organs by the page's
    applicants within the window, matched in Python.
    """
    page = list(cases)
    if not page:
        return {}
    same = Q(id_number__in=[c.id_number for c in page if c.id_number])
    for case in page:
        if case.applicant_name and case.phone:
            same |= Q(applicant_name=case.applicant_name, phone=case.phone)
    candidates = list(
        Application.objects.filter(
            same,
            organ_id__in={c.organ_id for c in page},
            created_at__gte=min(c.created_at for c in page) - WINDOW,
            created_at__lte=max(c.created_at for c in page) + WINDOW,
        )
        .exclude(state="merged")  # already handled as one application
        .only(
            "id",
            "organ_id",
            "number",
            "information",
            "state",
            "answer",
            "closed_on",
            "created_at",
            "id_number",
            "applicant_name",
            "phone",
        )
        .order_by("-created_at", "-id")
    )
    found: dict[int, list[Application]] = {}
    for case in page:
        matches: list[Application] = []
        for other in candidates:  # newest first; a frequent applicant may have hundreds
            if (
                other.pk != case.pk
                and other.organ_id == case.organ_id
                and abs(other.created_at - case.created_at) <= WINDOW
                and _same_person(case, other)
                and similar(other.information, case.information)
            ):
                matches.append(other)
                if len(matches) > SHOWN:
                    break
        if matches:
            found[case.pk] = matches
    return found
