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

from gongkai.disclosure import services, workflow
from gongkai.disclosure.models import Item
from gongkai.organs.models import Membership, Organ, Region
from gongkai.organs.roles import Role
from gongkai_demo.sample_corpus import ORGANS, SampleItem, sample_items

TEAM_ROLES = (
    ("officer", Role.OFFICER, "公开专员"),
    ("first", Role.REVIEWER, "初审人"),
    ("second", Role.REVIEWER, "复审人"),
    ("head", Role.HEAD, "负责人"),
)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"


def _team(organ: Organ, index: int, password_hash: str) -> dict[str, Any]:
    """The organ's officer, two reviewers and head: its own staff where it has them
    (a demo organ), new accounts ``<slug>_officer``, ``_first``, ``_second``, ``_head``
    otherwise."""
    users = get_user_model().objects
    members = (
        Membership.objects.filter(organ=organ).select_related("user").order_by("user__username")
    )
    existing = {
        Role.OFFICER: [m.user for m in members if m.role == Role.OFFICER],
        Role.REVIEWER: [m.user for m in members if m.role == Role.REVIEWER],
        Role.HEAD: [m.user for m in members if m.role == Role.HEAD],
    }
    team: dict[str, Any] = {}
    for n, (key, role, title) in enumerate(TEAM_ROLES):
        taken = [u for u in existing[role] if u not in team.values()]
        if taken:
            team[key] = taken[0]
            continue
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
    region: Region, slug_prefix: str = "sample-", parent: Organ | None = None
) -> dict[str, Organ]:
    """The sample organs: an active organ of the same name is used as it is (the demo's
    示范区 offices), the others are created under ``parent``."""
    organs = {}
    for serial, sample in enumerate(ORGANS, start=11):
        organ = Organ.objects.filter(name=sample.name, is_active=True).first()
        if organ is None:
            organ, _ = Organ.objects.get_or_create(
                credit_code=sample.credit_code,
                defaults={
                    "region": region,
                    "parent": parent,
                    "name": sample.name,
                    "short_name": sample.short,
                    "slug": f"{slug_prefix}{sample.key}",
                    "office_name": f"{sample.name}办公室",
                    "office_address": "示范区人民路1号",
                    "office_postcode": "999001",
                    "office_hours": "法定工作日 上午9:00—12:00，下午13:30—17:30",
                    "office_phone": f"0000-8100{serial:04d}",
                    "office_email": f"gongkai-{sample.key}@example.gov.cn",
                    "reconsideration_body": "示范区人民政府",
                    "court": "示范区人民法院",
                    "report_publisher": "department",
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
    slug_prefix: str = "sample-",
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
