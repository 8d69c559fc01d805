"""``/api/organs/``: the organs the caller may see, and their people."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError

from gongkai.api.errors import ErrorOut

from . import rules
from .models import Membership, Organ
from .querysets import visible_organs

router = Router()


class OrganOut(Schema):
    slug: str
    name: str
    short_name: str
    credit_code: str
    parent: str | None
    office_address: str
    office_hours: str
    office_phone: str
    office_fax: str
    office_email: str

    @staticmethod
    def resolve_parent(obj: Organ) -> str | None:
        return obj.parent.slug if obj.parent else None


class MemberOut(Schema):
    username: str
    full_name: str
    role: str
    role_label: str


def visible_organ(request: HttpRequest, slug: str) -> Organ:
    """The organ, or 404 when it does not exist or the caller may not see it."""
    organ = get_object_or_404(Organ, slug=slug)
    if not rules.can_view_organ(request.user, organ):
        raise Http404
    return organ


@router.get("/", response=list[OrganOut], summary="我可查看的机关")
def list_organs(request: HttpRequest) -> list[Organ]:
    return list(visible_organs(request.user).select_related("parent").order_by("id"))


@router.get("/{slug}", response=OrganOut, summary="机关详情")
def get_organ(request: HttpRequest, slug: str) -> Organ:
    return visible_organ(request, slug)


@router.get(
    "/{slug}/people",
    response={200: list[MemberOut], 403: ErrorOut},
    summary="机关人员与角色（本机关管理员）",
)
def list_people(request: HttpRequest, slug: str) -> list[dict[str, str]]:
    """The organ's staff and roles: for its administrators only, as the 人员与角色 page."""
    organ = visible_organ(request, slug)
    if not rules.can_manage_people(request.user, organ):
        raise HttpError(403, "只有本机关的管理员可以查看人员名单")
    rows = Membership.objects.filter(organ=organ).select_related("user").order_by("role", "user")
    return [
        {
            "username": m.user.username,
            "full_name": m.user.get_full_name(),
            "role": m.role,
            "role_label": m.get_role_display(),
        }
        for m in rows
    ]
