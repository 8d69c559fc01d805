"""Load the sample catalogue (``sample_corpus``) into the database through the services.

Used by the search-quality test, the browser tests and ``manage.py load_demo``. Each
sample organ gets a disclosure team (officer, two reviewers, head) and every item goes
through the real review: created, submitted, reviewed three times and published a few
days after its 成文日期 (some late, so the timeliness page has something to show).
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.organs.models import Membership, Organ, Region
from gongkai.organs.roles import Role

from . import services, workflow
from .models import Item
from .sample_corpus import ORGANS, SampleItem, sample_items

TEAM_ROLES = (
    ("officer", Role.OFFICER, "公开专员"),
    ("first", Role.REVIEWER, "初审人"),
    ("second", Role.REVIEWER, "复审人"),
    ("head", Role.HEAD, "负责人"),
)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"


def _team(organ: Organ, index: int, password_hash: str) -> dict[str, Any]:
    users = get_user_model().objects
    team: dict[str, Any] = {}
    for n, (key, role, title) in enumerate(TEAM_ROLES):
        user, _ = users.get_or_create(
            username=f"{organ.slug}_{key}",
            defaults={
                "first_name": SURNAMES[(index * 4 + n) % len(SURNAMES)] + title,
                "password": password_hash,
            },
        )
        Membership.objects.get_or_create(user=user, organ=organ, role=role)
        team[key] = user
    return team


def sample_organs(
    region: Region, slug_prefix: str = "wx-", parent: Organ | None = None
) -> dict[str, Organ]:
    organs = {}
    for sample in ORGANS:
        organ, _ = Organ.objects.get_or_create(
            credit_code=sample.credit_code,
            defaults={
                "region": region,
                "parent": parent,
                "name": sample.name,
                "short_name": sample.short,
                "slug": f"{slug_prefix}{sample.key}",
                "office_name": f"{sample.short}办公室",
                "office_address": "湖州市吴兴区区府路1号",
                "office_hours": "工作日 8:30—12:00，14:30—17:30",
                "office_phone": "0572-2028001",
            },
        )
        organs[sample.key] = organ
    return organs


def _publish_day(sample: SampleItem, rng: random.Random) -> datetime.date:
    return sample.written_on + datetime.timedelta(days=rng.choice([2, 5, 9, 14, 21, 45]))


@transaction.atomic
def load_sample_catalogue(
    region: Region,
    *,
    slug_prefix: str = "wx-",
    password_hash: str = "!",
    parent: Organ | None = None,
) -> dict[str, Item]:
    """Publish every sample item (idempotent: an organ with items is left alone)."""
    organs = sample_organs(region, slug_prefix, parent)
    if Item.objects.filter(organ__in=organs.values()).exists():
        return {}
    teams = {key: _team(organ, i, password_hash) for i, (key, organ) in enumerate(organs.items())}
    rng = random.Random(26)
    by_key: dict[str, Item] = {}
    for sample in sample_items():
        team = teams[sample.organ]
        fields: dict[str, Any] = {
            "title": sample.title,
            "written_on": sample.written_on,
            "category": sample.category,
            "topic": sample.topic,
            "kind": sample.kind,
            "doc_number": sample.doc_number,
        }
        if sample.key.endswith("-interpretation"):
            fields["interprets"] = by_key[sample.key.removesuffix("-interpretation")]
        item, _ = services.create_item(
            organs[sample.organ],
            team["officer"],
            body="".join(f"<p>{p}。</p>" for p in sample.body.rstrip("。").split("。")),
            on=sample.written_on,
            **fields,
        )
        day = _publish_day(sample, rng)
        for event, who in (
            ("submit", "officer"),
            ("approve_first", "first"),
            ("approve_second", "second"),
            ("approve_final", "head"),
        ):
            item = services.apply(item, event, team[who], on=day)
        by_key[sample.key] = item
    grain = by_key["fgj-grain-reserve"]
    services.apply(
        grain, "repeal", teams["fgj"]["head"], "已被新办法替代", on=datetime.date(2024, 6, 30)
    )
    assert Item.objects.get(pk=grain.pk).state == workflow.REPEALED
    return by_key
