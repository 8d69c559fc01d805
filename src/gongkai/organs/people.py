"""The only code that changes an organ's people: add, create, change roles, remove.

Every function checks that ``by`` may manage the organ's people, runs in one transaction
and writes a ``PeopleChange`` row saying who did what, when. Refusals are
``ValidationError``s (Chinese, naming the person and the role) and change nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.accounts.passwords import require_change

from . import rules
from .models import Membership, Organ, PeopleAction, PeopleChange
from .roles import Role

PASSWORD_LENGTH = 16
# No look-alikes (0/O, 1/l/I) in a password someone has to copy by hand.
_LOWER = "abcdefghijkmnopqrstuvwxyz"
_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_DIGITS = "23456789"
_SYMBOLS = "-_.@#%+="
_ALPHABET = _LOWER + _UPPER + _DIGITS + _SYMBOLS


@dataclass(frozen=True)
class Person:
    """One person of an organ as the people page lists them."""

    user: Any
    roles: tuple[str, ...]
    locked: bool = False

    @property
    def role_labels(self) -> list[str]:
        return [Role(role).label for role in self.roles]


def people_of(organ: Organ) -> list[Person]:
    """Everyone holding a role in this organ, by username, roles in Role order."""
    held: dict[int, set[str]] = {}
    users: dict[int, Any] = {}
    for m in Membership.objects.filter(organ=organ).select_related("user"):
        held.setdefault(m.user_id, set()).add(m.role)
        users[m.user_id] = m.user
    ordered = sorted(users.values(), key=lambda u: u.username)
    locked = locked_usernames(u.username for u in ordered)
    return [Person(u, _ordered(held[u.pk]), u.username in locked) for u in ordered]


def locked_usernames(usernames: Iterable[str]) -> set[str]:
    """Those of ``usernames`` that django-axes currently locks out (too many wrong passwords)."""
    attempts = AccessAttempt.objects.filter(
        username__in=list(usernames), failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    )
    cooloff = getattr(settings, "AXES_COOLOFF_TIME", None)
    if cooloff is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cooloff)
    return set(attempts.values_list("username", flat=True))


def roles_of(person: Any, organ: Organ) -> tuple[str, ...]:
    held = set(Membership.objects.filter(user=person, organ=organ).values_list("role", flat=True))
    return _ordered(held)


def generate_password(user: Any = None) -> str:
    """A random initial password that passes the site's password policy."""
    while True:
        picks = [
            secrets.choice(_LOWER),
            secrets.choice(_UPPER),
            secrets.choice(_DIGITS),
            secrets.choice(_SYMBOLS),
        ]
        picks += [secrets.choice(_ALPHABET) for _ in range(PASSWORD_LENGTH - len(picks))]
        secrets.SystemRandom().shuffle(picks)
        password = "".join(picks)
        try:
            password_validation.validate_password(password, user)
        except ValidationError:
            continue
        return password


@transaction.atomic
def create_person(
    *,
    organ: Organ,
    username: str,
    full_name: str,
    email: str,
    roles: Iterable[str],
    by: Any,
) -> tuple[Any, str, PeopleChange]:
    """A new account holding ``roles`` in ``organ``; returns it with its initial password."""
    _require_manager(by, organ)
    wanted = _checked_roles(roles)
    user_model = get_user_model()
    username = username.strip()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            f"用户名“{username}”已被使用；如要把此人加入本机关，请用“加入已有账户”。",
            code="username_taken",
        )
    user = user_model(username=username, first_name=full_name.strip(), email=email.strip())
    user.full_clean(exclude=["password"])
    password = generate_password(user)
    user.set_password(password)
    user.save()
    require_change(user)
    _grant(user, organ, wanted)
    change = _record(
        organ,
        user,
        by,
        PeopleAction.CREATE,
        (),
        wanted,
        f"新建账户 {_name(user)}，角色：{_labels(wanted)}",
    )
    return user, password, change


@transaction.atomic
def add_person(*, organ: Organ, person: Any, roles: Iterable[str], by: Any) -> PeopleChange:
    """Give an existing account roles in this organ (re-enabling it when it was disabled)."""
    _require_manager(by, organ)
    wanted = _checked_roles(roles)
    before = roles_of(person, organ)
    if before:
        raise ValidationError(
            f"{_name(person)} 已在本机关任职（{_labels(before)}），请在其页面调整角色。",
            code="already_member",
        )
    summary = f"{_name(person)} 加入本机关，角色：{_labels(wanted)}"
    if not person.is_active and (person.is_superuser or person.is_staff) and not by.is_superuser:
        raise ValidationError(
            f"{_name(person)} 是已停用的全站管理账户，只有全站管理员可以重新启用。",
            code="disabled_superuser",
        )
    if not person.is_active:
        person.is_active = True
        person.save(update_fields=["is_active"])
        summary += "（账户已重新启用）"
    _grant(person, organ, wanted)
    return _record(organ, person, by, PeopleAction.ADD, (), wanted, summary)


@transaction.atomic
def set_roles(*, organ: Organ, person: Any, roles: Iterable[str], by: Any) -> PeopleChange:
    """Replace the roles ``person`` holds in this organ."""
    _require_manager(by, organ)
    wanted = _checked_roles(roles)
    before = roles_of(person, organ)
    if not before:
        raise ValidationError(f"{_name(person)} 不在本机关任职。", code="not_member")
    if wanted == before:
        raise ValidationError("角色没有变化。", code="unchanged")
    if Role.ADMIN in before and Role.ADMIN not in wanted:
        _refuse_self_lockout(by, person, organ)
    Membership.objects.filter(user=person, organ=organ).exclude(role__in=wanted).delete()
    _grant(person, organ, tuple(r for r in wanted if r not in before))
    summary = f"{_name(person)} 的角色由“{_labels(before)}”改为“{_labels(wanted)}”"
    return _record(organ, person, by, PeopleAction.ROLES, before, wanted, summary)


@transaction.atomic
def remove_person(*, organ: Organ, person: Any, by: Any) -> PeopleChange:
    """Take every role ``person`` holds here away; disable the account if none is left."""
    _require_manager(by, organ)
    before = roles_of(person, organ)
    if not before:
        raise ValidationError(f"{_name(person)} 不在本机关任职。", code="not_member")
    _refuse_self_lockout(by, person, organ)
    Membership.objects.filter(user=person, organ=organ).delete()
    summary = f"停用 {_name(person)} 在本机关的全部角色（{_labels(before)}）"
    if person.is_superuser or Membership.objects.filter(user=person).exists():
        summary += "；其在其他机关的角色和账户保留"
    else:
        person.is_active = False
        person.save(update_fields=["is_active"])
        summary += "；其已不在任何机关任职，账户已停用"
    return _record(organ, person, by, PeopleAction.REMOVE, before, (), summary)


@transaction.atomic
def unlock_person(*, organ: Organ, person: Any, by: Any) -> PeopleChange:
    """Lift the lock-out django-axes put on ``person`` after too many wrong passwords."""
    _require_manager(by, organ)
    before = roles_of(person, organ)
    if not before:
        raise ValidationError(f"{_name(person)} 不在本机关任职。", code="not_member")
    if person.username not in locked_usernames([person.username]):
        raise ValidationError(f"{_name(person)} 的账户没有被锁定。", code="not_locked")
    axes_reset(username=person.username)
    summary = f"解除 {_name(person)} 的账户锁定（连续输错密码）"
    return _record(organ, person, by, PeopleAction.UNLOCK, before, before, summary)


@transaction.atomic
def reset_password(*, organ: Organ, person: Any, by: Any) -> tuple[str, PeopleChange]:
    """A new generated password for ``person`` (shown once); they must change it at log-in.

    Refused for an account that also works in an organ ``by`` does not manage, or for a
    site-wide administrator account (unless ``by`` is one): resetting a password hands over
    the account.
    """
    _require_manager(by, organ)
    before = roles_of(person, organ)
    if not before:
        raise ValidationError(f"{_name(person)} 不在本机关任职。", code="not_member")
    if (person.is_superuser or person.is_staff) and not by.is_superuser:
        raise ValidationError(
            f"{_name(person)} 是全站管理账户，只有全站管理员可以重置其密码。",
            code="reset_superuser",
        )
    elsewhere = Membership.objects.filter(user=person).select_related("organ")
    if any(not rules.can_manage_people(by, m.organ) for m in elsewhere):
        raise ValidationError(
            f"{_name(person)} 还在您不管理的机关任职，请由能管理其全部机关的系统管理员重置密码。",
            code="reset_elsewhere",
        )
    password = generate_password(person)
    person.set_password(password)
    person.save(update_fields=["password"])
    require_change(person)
    summary = f"重置 {_name(person)} 的密码（须在登录后修改）"
    return password, _record(organ, person, by, PeopleAction.RESET, before, before, summary)


# Helpers ------------------------------------------------------------------------------------


def _require_manager(by: Any, organ: Organ) -> None:
    if not rules.can_manage_people(by, organ):
        raise PermissionDenied("只有本机关（或上级机关）的系统管理员可以管理人员与角色。")


def _ordered(roles: Iterable[str]) -> tuple[str, ...]:
    held = set(roles)
    return tuple(role for role in Role.values if role in held)


def _checked_roles(roles: Iterable[str]) -> tuple[str, ...]:
    given = list(roles)
    unknown = [r for r in given if r not in Role.values]
    if unknown:
        raise ValidationError(f"未知的角色：{'、'.join(unknown)}", code="unknown_role")
    if not given:
        raise ValidationError(
            "请至少选择一个角色；要让此人离开本机关，请使用“停用”。", code="no_role"
        )
    return _ordered(given)


def _refuse_self_lockout(by: Any, person: Any, organ: Organ) -> None:
    """An administrator may not take away their own power to manage this organ."""
    if by.pk != person.pk or by.is_superuser:
        return
    above = [pk for pk in organ.lineage_ids() if pk != organ.pk]
    if Membership.objects.filter(user=by, organ_id__in=above, role=Role.ADMIN).exists():
        return
    raise ValidationError(
        "不能取消您自己在本机关的系统管理员角色，否则将无法再管理本机关；请由其他系统管理员操作。",
        code="self_lockout",
    )


def _grant(person: Any, organ: Organ, roles: Iterable[str]) -> None:
    Membership.objects.bulk_create([Membership(user=person, organ=organ, role=r) for r in roles])


def _name(user: Any) -> str:
    full = user.get_full_name()
    return f"{full}（{user.username}）" if full else user.username


def _labels(roles: Iterable[str]) -> str:
    return "、".join(Role(r).label for r in roles) or "无"


def _record(
    organ: Organ,
    person: Any,
    by: Any,
    action: str,
    before: Iterable[str],
    after: Iterable[str],
    summary: str,
) -> PeopleChange:
    return PeopleChange.objects.create(
        organ=organ,
        person=person,
        actor=by if getattr(by, "pk", None) else None,
        action=action,
        before=list(before),
        after=list(after),
        summary=summary,
    )
