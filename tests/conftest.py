"""Shared fixtures: where the seeds are, and the project's own sample reports."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# The suite runs on shared two-core machines: a property test that is merely slow there is
# not a failure. Its examples and assertions stay as written.
hypothesis_settings.register_profile(
    "gongkai", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("gongkai")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXPECTED = SEEDS / "expected"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def seed_ids() -> list[str]:
    """The seed names (without extension), or none when ../shared is absent."""
    if not EXPECTED.is_dir():
        return []
    return sorted(p.stem for p in EXPECTED.glob("*.json"))


NO_SHARED = "../shared/seeds 不存在（全新克隆中没有 shared 目录），跳过真实年报样本测试"


def seed_params() -> list[object]:
    """Parameters for a test over every seed; one visible skip when ../shared is absent."""
    ids = seed_ids()
    if ids:
        return list(ids)
    return [pytest.param("-", marks=pytest.mark.skipif(True, reason=NO_SHARED))]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(NO_SHARED)
    return SEEDS


# --- Platform fixtures: organs and their staff (see notes/PLATFORM.md) -----------------------


@pytest.fixture
def organ_tree(db: None) -> dict[str, object]:
    """A supervising office ``office`` with two bureaus ``a`` and ``b`` below it."""
    from gongkai.organs.factories import OrganFactory

    office = OrganFactory(name="测试区人民政府办公室", short_name="区政府办", slug="office")
    return {
        "office": office,
        "a": OrganFactory(parent=office, name="测试区甲局", short_name="甲局", slug="bureau-a"),
        "b": OrganFactory(parent=office, name="测试区乙局", short_name="乙局", slug="bureau-b"),
    }


@pytest.fixture
def make_member(db: None) -> object:
    """``make_member(organ, role, **user_fields)`` → a user holding ``role`` in ``organ``."""
    from gongkai.organs.factories import member

    return member


# The PostgreSQL pass of `make test` (scripts/test-databases.sh) sets GONGKAI_DB_TESTS_ONLY=1:
# it re-runs only the tests that touch the database.
DB_FIXTURES = frozenset(
    {
        "db",
        "transactional_db",
        "live_server",
        "django_db_reset_sequences",
        "django_db_serialized_rollback",
    }
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import os

    if os.environ.get("GONGKAI_DB_TESTS_ONLY") != "1":
        return
    keep, drop = [], []
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        uses_db = item.get_closest_marker("django_db") is not None or bool(DB_FIXTURES & fixtures)
        (keep if uses_db else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


# ------------------------------------------------------------------ browser
# One Playwright instance and one chromium for the whole session: Playwright's sync API
# refuses to start a second instance while one is running, so every browser test module
# uses this fixture.

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(
            "未找到 /usr/bin/chromium，跳过浏览器测试（以 root 运行 make test 会自动安装 chromium，"
            "或手动执行：apt-get install chromium）"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
