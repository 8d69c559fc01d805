"""``Idempotency-Key`` for online intake: a retried submission never files a second case.

The key is stored as a digest beside a digest of the request body and the private token of
the case it filed (the client that lost the first response needs it again): the one place
a token is kept in clear, and only for ``RETENTION`` — every intake with a key deletes the
rows older than that.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.organs.models import Organ

from . import services
from .models import IntakeKey

MAX_KEY_LENGTH = 200
RETENTION = timedelta(hours=24)
Answer = tuple[int, dict[str, Any]]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _request_digest(data: Mapping[str, Any]) -> str:
    return _digest(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str))


def _answer(row: IntakeKey, data: Mapping[str, Any]) -> Answer:
    if row.request_digest != _request_digest(data):
        return 422, {
            "detail": "该 Idempotency-Key 已用于另一份申请，请为新的申请使用新的键",
            "code": "idempotency_key_reused",
        }
    case = row.application
    return 201, {"number": case.number, "token": row.token, "state": case.state}


def earlier(key: str, data: Mapping[str, Any]) -> Answer | None:
    """The answer already given for ``key`` (None when the key is new or expired)."""
    row = IntakeKey.objects.select_related("application").filter(key_digest=_digest(key)).first()
    if row is None:
        return None
    if row.created_at < timezone.now() - RETENTION:
        row.delete()
        return None
    return _answer(row, data)


def submit_once(
    key: str, data: Mapping[str, Any], organ: Organ, fields: Mapping[str, Any]
) -> Answer:
    """File the application and remember ``key``; a concurrent twin gets the first's answer."""
    IntakeKey.objects.filter(created_at__lt=timezone.now() - RETENTION).delete()
    try:
        with transaction.atomic():
            case, token = services.submit_online(organ, fields)
            IntakeKey.objects.create(
                key_digest=_digest(key),
                request_digest=_request_digest(data),
                application=case,
                token=token,
            )
    except IntegrityError:  # the same key was filed meanwhile: that one stands
        found = earlier(key, data)
        if found is None:
            raise
        return found
    return 201, {"number": case.number, "token": token, "state": case.state}
