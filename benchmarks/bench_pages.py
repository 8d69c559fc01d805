"""The public pages at 10,000 and 100,000 items, on PostgreSQL (and SQLite).

Timed work: a GET of each public page through Django's test client (the whole request:
URL routing, queries, template), median of several rounds, on the catalogue
``bench_search`` builds (published items bulk-inserted from the sample vocabulary).
Each page is timed at 10,000 items and at 100,000 items, so growth is visible; the ratio
is the 100,000-item time over the 10,000-item time (1: the page does not grow with the
catalogue). Target: every page under 100 ms median at 100,000 items.

Each size runs in its own process and database: ``python benchmarks/bench_pages.py
--child sqlite|postgresql COUNT``. PostgreSQL is skipped, and said so, when the server
cannot be reached (``GONGKAI_BENCH_PG``, as for ``bench_search``).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from _common import Result  # noqa: E402

SIZES = (10_000, int(os.environ.get("GONGKAI_BENCH_ITEMS", "100000")))
TARGET_MS = 100.0
ROUNDS = 7
PG_BASE = os.environ.get(
    "GONGKAI_BENCH_PG", "postgres://postgres@127.0.0.1:5432/gongkai_disclosure_bench"
)


def _pages() -> list[tuple[str, str]]:
    from gongkai.disclosure.models import SearchEntry

    newest = SearchEntry.objects.order_by("-published_on", "-item_id").values_list(
        "item_id", flat=True
    )[0]
    return [
        ("首页", "/"),
        ("公开目录", "/catalog/"),
        ("机关公开目录", "/catalog/bench1/"),
        ("目录按类别", "/catalog/?category=budget"),
        ("目录第50页", "/catalog/?page=50"),
        ("搜索页（空）", "/search/"),
        ("搜索：常见词", "/search/?q=工作"),
        ("搜索：两个词", "/search/?q=安全生产+专项检查"),
        ("信息页", f"/items/{newest}/"),
        ("站点地图索引", "/sitemap.xml"),
        ("站点地图第1页", "/sitemap-items-1.xml"),
    ]


def _child(vendor: str, count: int) -> dict[str, object]:
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from bench_search import _build

    setup_test_environment()
    build = _build(count)
    client = Client()
    times: dict[str, float] = {}
    for name, url in _pages():
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        samples = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        times[name] = statistics.median(samples)
    return {"vendor": vendor, "count": count, "build_s": build, "times": times}


def _run_child(vendor: str, count: int, env: dict[str, str]) -> dict[str, object] | None:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", vendor, str(count)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        print(f"   {vendor} {count:,} 条基准失败：{proc.stderr.strip().splitlines()[-3:]}")
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _pg_url(count: int) -> str | None:
    try:
        import psycopg

        name = f"{PG_BASE.rsplit('/', 1)[1]}_{count}"
        with psycopg.connect(
            PG_BASE.rsplit("/", 1)[0] + "/postgres", autocommit=True, connect_timeout=3
        ) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return f"{PG_BASE.rsplit('/', 1)[0]}/{name}"
    except Exception as exc:  # no server: say so, skip
        print(f"   PostgreSQL 不可用，跳过：{exc}", flush=True)
        return None


def main() -> list[Result]:
    results: list[Result] = []
    for vendor in ("postgresql", "sqlite"):
        measured: dict[int, dict[str, float]] = {}
        for count in SIZES:
            var = ROOT / "var" / f"bench-pages-{count}"
            var.mkdir(parents=True, exist_ok=True)
            env = {
                **os.environ,
                "GONGKAI_VAR_DIR": str(var),
                "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
            }
            env.pop("DATABASE_URL", None)
            if vendor == "postgresql":
                url = _pg_url(count)
                if url is None:
                    break
                env["DATABASE_URL"] = url
            data = _run_child(vendor, count, env)
            if data is None:
                break
            measured[count] = data["times"]  # type: ignore[assignment]
        if len(measured) < 2:
            continue
        small, large = (measured[s] for s in SIZES)
        for name, value in large.items():
            results.append(
                Result(
                    name=f"{name}（{vendor}，{SIZES[1]:,} 条）",
                    value=value,
                    unit="ms",
                    reference_name=f"同页 {SIZES[0]:,} 条",
                    reference_value=small[name],
                    target=f"< {TARGET_MS:.0f} ms",
                    met=value < TARGET_MS,
                )
            )
    return results


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "--child":
        print(json.dumps(_child(sys.argv[2], int(sys.argv[3]))))
    else:
        for result in main():
            print(result.line())
