"""Shared fixtures: where the seeds are, and the project's own sample reports."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
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


# --- Today -----------------------------------------------------------------------------------
# The product reads "today" through django.utils.timezone (``services.today()``). A test that
# registers, confirms or ages a case, or asserts a date computed from today, fixes it with
# ``frozen_today`` or ``travel``; factories take their dates from the test. Every other test
# runs at the real clock, which `make test` shifts once more with faketime to a late December
# two years ahead (scripts/test-databases.sh), so a date bomb cannot come back unseen. Nothing
# here is autouse: time-machine overrides faketime, so a global freeze would hide that pass.

FROZEN_TODAY = datetime.date(2025, 6, 16)
"""A Monday, an ordinary working day of a year whose holiday notice ships with the system."""


def moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """``hour`` o'clock on ``day`` in the site's time zone (settings.TIME_ZONE)."""
    from django.conf import settings

    return datetime.datetime(
        day.year, day.month, day.day, hour, tzinfo=ZoneInfo(settings.TIME_ZONE)
    )


@pytest.fixture
def travel() -> Iterator[Callable[[datetime.date], None]]:
    """``travel(day)`` moves "today" to 10:00 on ``day`` for the rest of the test.

    The clock keeps ticking (``tick=True``: sessions, caches and lockouts behave as usual).
    Sessions last 8 hours, so log in again after travelling to another day."""
    travellers: list[Any] = []

    def go(day: datetime.date) -> None:
        while travellers:
            travellers.pop().stop()
        traveller = time_machine.travel(moment(day), tick=True)
        traveller.start()
        travellers.append(traveller)

    yield go
    while travellers:
        travellers.pop().stop()


@pytest.fixture
def frozen_today(travel: Callable[[datetime.date], None]) -> datetime.date:
    """Today is ``FROZEN_TODAY`` (10:00, Asia/Shanghai) for the whole test; returns the date."""
    travel(FROZEN_TODAY)
    return FROZEN_TODAY


# --- Platform fixtures: organs and their staff (see docs/develop.md) ----------------------------


@pytest.fixture
def organ_tree(db: None) -> dict[str, object]:
    """A supervising office ``office`` with two bureaus ``a`` and ``b`` below it."""
    from gongkai_demo.factories.organs import OrganFactory

    office = OrganFactory(name="测试区人民政府办公室", short_name="区政府办", slug="office")
    return {
        "office": office,
        "a": OrganFactory(parent=office, name="测试区甲局", short_name="甲局", slug="bureau-a"),
        "b": OrganFactory(parent=office, name="测试区乙局", short_name="乙局", slug="bureau-b"),
    }


@pytest.fixture
def make_member(db: None) -> object:
    """``make_member(organ, role, **user_fields)`` → a user holding ``role`` in ``organ``."""
    from gongkai_demo.factories.organs import member

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


@pytest.fixture(autouse=True)
def _fresh_cache(request: pytest.FixtureRequest, django_db_blocker: Any) -> Iterator[None]:
    """Each test starts with an empty cache (rate limits, the menu's 待办 N): user ids are
    reused after a rolled-back test, so a count kept by one test must not leak into the next.
    The caches live in the database (or Redis): only a test that used the test database
    has anything to clear, and it is cleared with the database still reachable."""
    yield
    if "django_db_setup" not in request.fixturenames:
        return
    from django.core.cache import caches

    with django_db_blocker.unblock():
        for alias in ("default", "ratelimit"):
            caches[alias].clear()
