from __future__ import annotations

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    """The public form's per-address limit lives in the cache; each test starts afresh."""
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Files provided with replies are written under a temporary MEDIA_ROOT."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))  # type: ignore[attr-defined]
