"""The demo region 示范区: a district government office and its bureaus, staff in every role.

``load_demo()`` is idempotent: running it again changes nothing that exists (passwords that
users changed stay changed) and only adds what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai.organs.models import Membership, Organ, Region
from gongkai.organs.roles import Role
from gongkai.organs.uscc import check_digit

REGION_NAME = "示范区"


@dataclass(frozen=True)
class DemoOrgan:
    slug: str
    name: str
    short_name: str
    serial: int
    parent: str | None
    address: str
    phone: str


ORGANS = (
    DemoOrgan(
        "zfb", "示范区人民政府办公室", "区政府办", 1, None, "示范区人民路1号", "0000-81000001"
    ),
    DemoOrgan(
        "fgj", "示范区发展和改革局", "区发改局", 2, "zfb", "示范区人民路3号", "0000-81000002"
    ),
    DemoOrgan("jyj", "示范区教育局", "区教育局", 3, "zfb", "示范区文化街8号", "0000-81000003"),
    DemoOrgan("sjj", "示范区数据局", "区数据局", 4, "zfb", "示范区人民路1号", "0000-81000004"),
)

GIVEN_NAMES = {"zfb": "文", "fgj": "明", "jyj": "华", "sjj": "丽"}
SECOND_REVIEWER = "reviewer2"
"""The demo's second 审核人 of each organ (``fgj_reviewer2``): 复审 after the first's 初审."""
SURNAMES = {
    "officer": "张",
    "reviewer": "李",
    SECOND_REVIEWER: "周",
    "head": "王",
    "supervisor": "赵",
    "admin": "陈",
}


def demo_credit_code(serial: int) -> str:
    """A well-formed, fictitious 统一社会信用代码 (机构编制 1, 机关 1, 区划 990100)."""
    first17 = f"11990100MB{serial:07d}"
    return first17 + check_digit(first17)


def demo_username(organ_slug: str, role: str) -> str:
    return f"{organ_slug}_{role}"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    organ: str
    role_label: str


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    """Create what is missing of the demo region; return every demo account."""
    region, _ = Region.objects.get_or_create(name=REGION_NAME, defaults={"code": "990100"})
    organs: dict[str, Organ] = {}
    for spec in ORGANS:
        organ = Organ.objects.filter(slug=spec.slug).first()
        if organ is None:
            organ = Organ.objects.create(
                region=region,
                parent=organs[spec.parent] if spec.parent else None,
                slug=spec.slug,
                name=spec.name,
                short_name=spec.short_name,
                credit_code=demo_credit_code(spec.serial),
                office_name=f"{spec.name}政府信息公开工作机构",
                office_address=spec.address,
                office_postcode="999001",
                office_hours="法定工作日 上午9:00—12:00，下午13:30—17:30",
                office_phone=spec.phone,
                office_fax=spec.phone.replace("8100", "8200"),
                office_email=f"gongkai-{spec.slug}@example.gov.cn",
                reconsideration_body=f"{REGION_NAME}人民政府",
                court=f"{REGION_NAME}人民法院",
                report_publisher="government" if spec.parent is None else "department",
            )
        organs[spec.slug] = organ
    accounts = []
    user_model = get_user_model()
    password_hash = ""
    for spec in ORGANS:
        for role in Role:
            username = demo_username(spec.slug, role.value)
            user = user_model.objects.filter(username=username).first()
            if user is None:
                user = user_model(
                    username=username,
                    first_name=f"{SURNAMES[role.value]}{GIVEN_NAMES[spec.slug]}",
                    email=f"{username}@example.gov.cn",
                )
                if role == Role.ADMIN and spec.parent is None:
                    user.is_staff = True
                    user.is_superuser = True
                password_hash = password_hash or make_password(DEMO_PASSWORD)
                user.password = password_hash  # one hash for all: hashing is slow on purpose
                user.save()
            Membership.objects.get_or_create(user=user, organ=organs[spec.slug], role=role)
            accounts.append(DemoAccount(username, spec.name, role.label))
        # 初审, 复审 and 终审 are done by three different people: a second 审核人 for 复审.
        username = demo_username(spec.slug, SECOND_REVIEWER)
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = user_model.objects.create(
                username=username,
                first_name=f"{SURNAMES[SECOND_REVIEWER]}{GIVEN_NAMES[spec.slug]}",
                email=f"{username}@example.gov.cn",
                password=password_hash,
            )
        Membership.objects.get_or_create(user=user, organ=organs[spec.slug], role=Role.REVIEWER)
        accounts.append(DemoAccount(username, spec.name, f"{Role.REVIEWER.label}（复审）"))
    return accounts
