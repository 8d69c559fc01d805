"""factory_boy factories for tests (factory_boy is a dev dependency).

organ = OrganFactory()                       # a top-level organ with a valid code
bureau = OrganFactory(parent=organ)          # one below it
officer = member(bureau, Role.OFFICER)       # a user holding that role there
"""

from __future__ import annotations

from functools import cache
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from gongkai.organs.models import Membership, Organ, Region
from gongkai.organs.roles import Role
from gongkai.organs.uscc import check_digit

TEST_PASSWORD = "Test-Password-2025"


@cache
def _test_password_hash() -> str:
    """Hash TEST_PASSWORD once per run: the real hasher is slow on purpose."""
    return make_password(TEST_PASSWORD)


def credit_code(n: int) -> str:
    first17 = f"11990200TE{n:07d}"
    return first17 + check_digit(first17)


class RegionFactory(factory.django.DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = "测试区"
    code = "990200"


class OrganFactory(factory.django.DjangoModelFactory[Organ]):
    class Meta:
        model = Organ

    parent = None
    name = factory.Sequence(lambda n: f"测试区第{n}局")
    short_name = factory.Sequence(lambda n: f"第{n}局")
    slug = factory.Sequence(lambda n: f"organ{n}")
    credit_code = factory.Sequence(credit_code)
    office_address = "测试区人民路1号"
    office_hours = "工作日 9:00—17:00"
    office_phone = "0000-12345678"
    office_email = factory.LazyAttribute(lambda o: f"{o.slug}@example.gov.cn")

    @factory.lazy_attribute
    def region(self) -> Region:
        parent = self.parent
        return parent.region if parent is not None else RegionFactory.create()


class UserFactory(factory.django.DjangoModelFactory[Any]):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"测试用户{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.cn")
    is_active = True

    @factory.post_generation
    def password(obj: Any, create: bool, extracted: str | None, **kwargs: Any) -> None:
        obj.password = make_password(extracted) if extracted else _test_password_hash()
        if create:
            obj.save(update_fields=["password"])


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organ = factory.SubFactory(OrganFactory)
    role = Role.OFFICER


def member(organ: Organ, role: str, **user_fields: Any) -> Any:
    """A new user holding ``role`` in ``organ`` (password ``TEST_PASSWORD``)."""
    user = UserFactory.create(**user_fields)
    Membership.objects.create(user=user, organ=organ, role=role)
    return user
