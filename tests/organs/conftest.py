"""Hash passwords with a fast hasher in these tests (what they check is not the hash's cost).

The default hashers stay listed after it, so hashes made elsewhere still verify.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import global_settings


@pytest.fixture(autouse=True)
def fast_password_hasher(settings: Any) -> None:
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *global_settings.PASSWORD_HASHERS,
    ]
