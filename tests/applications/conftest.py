from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    """The public form's per-address limit lives in the cache; each test starts afresh."""
    cache.clear()
