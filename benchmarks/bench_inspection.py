"""巡查 of a region: 30 organs on 3 levels with 10,000 published items each (300,000).

Timed work: ``gongkai.supervision.inspect.findings`` over the 30 organs (every rule),
wall-clock, best of 3, in a child process on its own SQLite database under
``var/bench-inspection`` (built once, kept; ``GONGKAI_BENCH_INSPECT_ITEMS`` sets the items
per organ). One item in 200 carries a mobile number and one in 500 was published late, so
the checks have something to find. Reference, in the same run and database: merely
reading every item's text (``SELECT id, organ_id, title, body_text``). Target (issue 15):
under 10 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

from _common import Result  # noqa: E402

PER_ORGAN = int(os.environ.get("GONGKAI_BENCH_INSPECT_ITEMS", "10000"))
ORGANS = 30
TARGET_S = 10.0
MARK = "巡查基准市 v1"
VAR = ROOT / "var" / "bench-inspection"


def _build(per_organ: int) -> float:
    import datetime

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from gongkai.disclosure.models import Item
    from gongkai.organs.models import Organ, Region
    from gongkai.organs.uscc import check_digit
    from gongkai_demo.sample_corpus import synthetic_items

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    marker = f"{MARK} {per_organ}"
    if Region.objects.filter(name=marker).exists():
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute("DELETE FROM disclosure_item")
        cursor.execute("DELETE FROM organs_organ")
    Region.objects.all().delete()
    region = Region.objects.create(name=f"{marker}（建库中）")  # named once every item is in
    user, _ = get_user_model().objects.get_or_create(username="bench")

    def organ(n: int, parent: Organ | None) -> Organ:
        code = f"11990300BM{n:07d}"
        return Organ.objects.create(
            region=region,
            parent=parent,
            name=f"巡查基准第{n}机关",
            short_name=f"第{n}机关",
            slug=f"insp{n}",
            credit_code=code + check_digit(code),
        )

    top = organ(0, None)
    middle = [organ(n, top) for n in range(1, 10)]
    organs = [top, *middle, *(organ(n, middle[n % 9]) for n in range(10, ORGANS))]
    fields = list(Item._meta.local_concrete_fields)
    qn = connection.ops.quote_name
    sql = (
        f"INSERT INTO {qn(Item._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    stamp = timezone.now().replace(tzinfo=None).isoformat(" ")
    rows: list[list[object]] = []
    samples = synthetic_items(per_organ * ORGANS, seed=11)
    for n, sample in enumerate(samples, start=1):
        published = sample.written_on + datetime.timedelta(days=5)
        late = n % 500 == 0
        body = sample.body + ("联系电话13912345678。" if n % 200 == 0 else "")
        values = {
            "id": n,
            "organ_id": organs[n % ORGANS].pk,
            "previous_id": None,
            "version": 1,
            "state": "published",
            "index_number": f"INSP/{n:07d}",
            "title": sample.title,
            "publisher": "基准",
            "doc_number": "",
            "written_on": sample.written_on,
            "changed_on": None,
            "published_on": published,
            "due_on": sample.written_on + datetime.timedelta(days=2 if late else 28),
            "category": sample.category,
            "topic": sample.topic,
            "kind": "other",
            "disclosure_method": "主动公开",
            "disclosure_term": "长期公开",
            "effective_on": None,
            "ended_on": None,
            "valid_until": None,
            "body": f"<p>{body}</p>",
            "body_text": body,
            "body_source": body,
            "interprets_id": None,
            "requires_interpretation": False,
            "created_by_id": user.pk,
            "created_at": stamp,
            "updated_at": stamp,
        }
        # a field added to Item since this was written gets its default, not a KeyError
        rows.append([values[f.attname] if f.attname in values else f.get_default() for f in fields])
        if len(rows) == 5000:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, rows)
            rows.clear()
    if rows:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(sql, rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    Region.objects.filter(pk=region.pk).update(name=marker)
    return time.perf_counter() - started


def _child(per_organ: int) -> dict[str, object]:
    import django

    django.setup()
    from django.db import connection

    from gongkai.organs.models import Organ
    from gongkai.supervision import inspect

    build = _build(per_organ)
    organs = list(Organ.objects.all())
    timings, found = [], 0
    for _ in range(3):
        started = time.perf_counter()
        found = len(inspect.findings(organs, inspect.casework.today()))
        timings.append(time.perf_counter() - started)
    reads = []
    for _ in range(3):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, organ_id, title, body_text FROM disclosure_item")
            cursor.fetchall()
        reads.append(time.perf_counter() - started)
    return {"build": build, "seconds": min(timings), "read": min(reads), "found": found}


def main() -> list[Result]:
    VAR.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "GONGKAI_VAR_DIR": str(VAR),
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
    }
    env.pop("DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(PER_ORGAN)],
        env=env,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr else "巡查基准失败")
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    total = PER_ORGAN * ORGANS
    print(
        f"   规模：{ORGANS}个机关 × {PER_ORGAN:,}条信息（共{total:,}条），建库 {data['build']:.0f} s"
        f"（0 表示沿用已建的库），发现问题{data['found']}项",
        flush=True,
    )
    return [
        Result(
            f"巡查（{ORGANS}个机关，{total:,}条信息）",
            float(data["seconds"]),
            "s",
            "仅读取全部信息正文",
            float(data["read"]),
            target=f"< {TARGET_S:.0f} s",
            met=float(data["seconds"]) < TARGET_S,
        )
    ]


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "--child":
        print(json.dumps(_child(int(sys.argv[2]) if len(sys.argv) > 2 else PER_ORGAN)))
    else:
        for result in main():
            print(result.line())
