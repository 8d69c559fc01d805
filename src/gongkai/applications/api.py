"""The applications API, at the paths the issue names (see ``mount``).

Public: ``POST /api/applications`` (intake → number and private token) and
``GET /api/applications/{number}?token=…`` (the applicant's view).
Staff: ``GET /api/applications`` (list and filter), ``POST /api/applications/{number}/
actions/{action}`` and ``GET /api/organs/{code}/annual-stats/{year}`` (tables 二/三/四).
Each path also answers with a trailing slash (not listed in the docs).
Refusals are ``{"detail": "<中文>", "code": "<code>"}`` with 403 (role) or 409 (state,
guard, conflict); 送达答复 (``deliver``) takes its details as data keys (``ACT_DESCRIPTION``)
and answers 502 when the mail server refused the reply's e-mail.

The platform mounts an app's ``router`` at ``/api/<label>/``, which cannot give the
slash-less ``/api/applications`` nor ``/api/organs/…``; so this module has no ``router``
and mounts ``routes`` at the API root itself (``mount``, run on import).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.params.functions import Path, Query

from gongkai.api.errors import ErrorOut
from gongkai.core.requests import AuthenticatedHttpRequest
from gongkai.organs.querysets import case_organs
from gongkai.site.converters import MAX_YEAR, MIN_YEAR

from . import delivery, intake_keys, lookup, querysets, rules, services, stats
from .errors import CaseworkError, InvalidDelivery
from .forms import APPLICANT_FIELDS_FORM, ApplicationForm
from .views.public import rate_limited

YEAR = Path(..., ge=MIN_YEAR, le=MAX_YEAR, description="年度（1900–2200）")

routes = Router()


class IntakeIn(Schema):
    organ: str
    """The organ's slug (网址标识)."""
    applicant_type: str
    applicant_name: str
    id_type: str
    id_number: str
    legal_representative: str = ""
    """法定代表人 (其他组织: 主要负责人); required when the applicant is an organisation."""
    contact_person: str = ""
    """联系人; required when the applicant is an organisation."""
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    information: str
    document_number: str = ""
    provision_form: str
    delivery_method: str


class IntakeOut(Schema):
    number: str
    token: str
    state: str


class EventOut(Schema):
    seq: int
    on: date
    kind: str
    label: str
    reason: str


class CaseOut(Schema):
    number: str
    organ: str
    state: str
    state_label: str
    version: int
    received_on: date | None
    due_on: date | None
    provisional: bool = Field(
        False, description="due_on 为暂定日期：期限跨入尚未录入放假安排通知的年份"
    )
    half_on: date | None
    clock_paused: bool
    answer: str
    outcome: str
    closed_on: date | None
    information: str


class CaseDetailOut(CaseOut):
    events: list[EventOut]
    applicant_name: str | None = None


class ActionIn(Schema):
    version: int
    reason: str = ""
    data: dict[str, Any] = Field(default_factory=dict)


def _case_out(case: Any, *, events: bool = False, personal: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": case.number,
        "organ": case.organ.slug,
        "state": case.state,
        "state_label": case.state_label,
        "version": case.version,
        "received_on": case.received_on,
        "due_on": case.due_on,
        "provisional": case.due_provisional,
        "half_on": case.half_on,
        "clock_paused": case.clock_paused,
        "answer": case.answer,
        "outcome": case.outcome,
        "closed_on": case.closed_on,
        "information": case.information,
    }
    if events:
        rows = case.events.order_by("seq")
        if not personal:
            rows = rows.filter(public=True)
        out["events"] = [
            {"seq": e.seq, "on": e.on, "kind": e.action, "label": e.label, "reason": e.reason}
            for e in rows
        ]
    if personal:
        out["applicant_name"] = case.applicant_name
    return out


_View = TypeVar("_View", bound=Callable[..., Any])


def _both(method: str, path: str, **options: Any) -> Callable[[_View], _View]:
    """Register a view at ``path`` (documented) and ``path + "/"`` (same view, hidden)."""

    def decorate(view: _View) -> _View:
        getattr(routes, method)(path, **options)(view)
        hidden = {k: v for k, v in options.items() if k not in ("summary", "description")}
        getattr(routes, method)(f"{path}/", include_in_schema=False, **hidden)(view)
        return view

    return decorate


@_both(
    "post",
    "/applications",
    auth=None,
    response={201: IntakeOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    summary="提交政府信息公开申请（公众，无需账户）",
    description=(
        "可带请求头 `Idempotency-Key`（1至200个字符）：24小时内以同一键重复提交同一内容，"
        "返回第一次提交的申请（编号和查询令牌），不会重复立案；同一键用于不同内容时返回422。"
    ),
)
def intake(request: HttpRequest, payload: IntakeIn) -> tuple[int, dict[str, Any]]:
    data = payload.dict()
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > intake_keys.MAX_KEY_LENGTH:
        return 422, {
            "detail": f"Idempotency-Key 最长{intake_keys.MAX_KEY_LENGTH}个字符",
            "code": "idempotency_key",
        }
    submitted = dict(data)  # the request as sent, for the key's request digest
    if key:
        earlier = intake_keys.earlier(key, submitted)
        if earlier is not None:
            return earlier
    organ = querysets.organ_by_code(data.pop("organ"))
    if rate_limited(request):
        return 429, {
            "detail": "提交过于频繁：同一网络每小时最多提交10件申请，请稍后再试",
            "code": "rate_limited",
        }
    form = ApplicationForm({**data, "organ": organ.pk if organ and organ.is_active else ""})
    if not form.is_valid():
        errors = {k: [str(e) for e in v] for k, v in form.errors.items()}
        return 400, {
            "detail": "申请内容不符合要求，请按提示修改",
            "code": "invalid",
            "errors": errors,
        }
    d = form.cleaned_data
    fields = {k: d.get(k, "") for k in APPLICANT_FIELDS_FORM}
    if key:
        return intake_keys.submit_once(key, submitted, d["organ"], fields)
    case, token = services.submit_online(d["organ"], fields)
    return 201, {"number": case.number, "token": token, "state": case.state}


@_both(
    "get",
    "/applications",
    response=list[CaseOut],
    summary="申请列表（职员；可按机关、状态、承办人、逾期筛选）",
)
def list_cases(
    request: AuthenticatedHttpRequest,
    organ: str = "",
    state: str = "",
    overdue: bool = False,
    mine: bool = False,
    limit: int = Query(100, ge=1, le=500, description="每页条数（1–500）"),
    offset: int = Query(0, ge=0, le=10_000_000, description="跳过的条数"),
) -> list[dict[str, Any]]:
    cases = querysets.visible_to(request.user).select_related("organ")
    if organ:
        found = querysets.organ_by_code(organ)
        cases = cases.filter(organ=found) if found else cases.none()
    if state:
        cases = cases.filter(state=state)
    if mine:
        cases = cases.filter(assignee=request.user)
    if overdue:
        cases = querysets.overdue(cases, services.today())
    cases = cases.order_by("due_on", "id")[max(offset, 0) : max(offset, 0) + min(limit, 500)]
    return [_case_out(c) for c in cases]


@_both(
    "get",
    "/applications/{number}",
    auth=None,
    response={200: CaseDetailOut, 404: ErrorOut},
    summary="查看申请（申请人凭查询令牌；职员凭登录）",
)
def get_case(request: HttpRequest, number: str, token: str = "") -> dict[str, Any]:
    if token:
        case = lookup.case_for_token(number, token)
        if case is None:
            raise Http404
        services.log_personal_data_view(case, None, "api_token")
        return _case_out(case, events=True, personal=True)
    user = request.user
    if not getattr(user, "is_authenticated", False):
        from gongkai.api.auth import StaffToken

        header = request.headers.get("Authorization", "")
        if header.startswith("Bearer "):
            user = StaffToken().authenticate(request, header[7:]) or user
    case = querysets.visible_to(user).select_related("organ").filter(number=number).first()
    if case is None:
        raise Http404
    personal = rules.can_see_personal_data(user, case)
    if personal:
        services.log_personal_data_view(case, user, "api")
    return _case_out(case, events=True, personal=personal)


ACT_DESCRIPTION = """
`action` 为流程事件（如 `confirm`、`draft_reply`、`approve_first`、`deliver`）或 `assign`；
`version` 为读取时的版本号（已被他人更新时返回409，`code` 为 `conflict`）。

`deliver`（送达答复）的 `data`：

| 键 | 说明 |
| --- | --- |
| `method` | 送达方式：`email`（电子邮件）、`online`（网上查看）、`post`（邮寄）、`collect`（当面领取）、`other`（其他）；不填为申请人选择的获取方式 |
| `on` | 送达日期 `YYYY-MM-DD`，不填为今天；不能晚于今天、不能早于上一条办理记录；电子邮件和网上查看只能是今天 |
| `tracking` | 快递或挂号单号，`post` 必填 |
| `recipient` | 签收人，`collect` 必填 |
| `note` | 说明，`other` 必填（写明如何送达）；不填时用 `reason` |

送达信息有误返回400，`code` 为 `invalid_input`，`errors` 按上述键列出；
以电子邮件送达时当即发送答复告知书，邮件服务器拒收返回502（`code` 为 `delivery_failed`），
不记录送达，申请仍为已签发待送达，发送失败另有记录，可重试。

`assign`（指定承办人）的 `data`：`assignee` 为本机关工作人员的用户名。
"""


@_both(
    "post",
    "/applications/{number}/actions/{action}",
    response={
        200: CaseOut,
        400: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        409: ErrorOut,
        502: ErrorOut,
    },
    summary="执行办理操作（状态或身份不允许时返回409或403及中文说明）",
    description=ACT_DESCRIPTION,
)
def act(request: HttpRequest, number: str, action: str, payload: ActionIn) -> Any:
    case = querysets.visible_to(request.user).select_related("organ").filter(number=number).first()
    if case is None:
        raise Http404
    case.version = payload.version
    try:
        if action == "assign":
            from django.contrib.auth import get_user_model

            assignee = (
                get_user_model().objects.filter(username=payload.data.get("assignee", "")).first()
            )
            if assignee is None:
                raise HttpError(400, "请指定承办人的用户名")
            services.assign(case, assignee, request.user)
        elif action == "deliver":
            _deliver(case, request.user, payload)
        else:
            services.apply(case, action, request.user, payload.reason, data=payload.data)
    except InvalidDelivery as exc:
        errors = {k: [v] for k, v in exc.errors.items()}
        return exc.status, {"detail": exc.message, "code": exc.code, "errors": errors}
    except CaseworkError as exc:
        return exc.status, {"detail": exc.message, "code": exc.code}
    return 200, _case_out(case)


def _deliver(case: Any, user: Any, payload: ActionIn) -> None:
    """送达答复 with the data keys of ``ACT_DESCRIPTION``."""
    data = payload.data
    unknown = sorted(set(data) - set(delivery.LABELS))
    if unknown:
        raise InvalidDelivery(
            {k: f"未知的键，可用的键为{'、'.join(delivery.LABELS)}" for k in unknown}, {}
        )
    on = None
    if data.get("on"):
        try:
            on = date.fromisoformat(str(data["on"]))
        except ValueError:
            raise InvalidDelivery(
                {"on": f"送达日期应为日期（如2025-03-01），收到“{data['on']}”"}, delivery.LABELS
            ) from None
    delivery.deliver(
        case,
        user,
        method=str(data.get("method") or "") or None,
        on=on,
        tracking=str(data.get("tracking") or ""),
        recipient=str(data.get("recipient") or ""),
        note=str(data.get("note") or payload.reason or ""),
    )


class WithdrawIn(Schema):
    reason: str = ""


@_both(
    "post",
    "/applications/{number}/withdraw",
    auth=None,
    response={200: CaseOut, 404: ErrorOut, 409: ErrorOut},
    summary="申请人撤回申请（凭查询令牌；已签发答复后不能撤回，返回409）",
)
def withdraw(request: HttpRequest, number: str, payload: WithdrawIn, token: str = "") -> Any:
    case = lookup.case_for_token(number, token)
    if case is None:
        raise Http404
    try:
        services.withdraw_by_applicant(case, payload.reason)
    except CaseworkError as exc:
        return exc.status, {"detail": exc.message, "code": exc.code}
    return 200, _case_out(case)


@_both(
    "get",
    "/organs/{code}/annual-stats/{year}",
    response={200: dict[str, Any], 404: ErrorOut},
    summary="机关（含下级）某年度表二、表三、表四（annual-report/1）",
    description="code 为机关网址标识（如 fgj）或统一社会信用代码，与 annual_stats 命令的 --organ 相同。",
)
def annual_stats(request: HttpRequest, code: str, year: int = YEAR) -> dict[str, Any]:
    visible = case_organs(request.user)
    organ = querysets.organ_by_code(code, visible)
    if organ is None:
        raise Http404
    ids = organ.descendant_ids() & set(visible.values_list("pk", flat=True))
    return stats.report_dict(organ.name, ids, year)


def mount() -> None:
    """Mount ``routes`` at the API root, tagged with the app's Chinese name."""
    from django.apps import apps

    from gongkai.api.root import api

    api.add_router("/", routes, tags=[str(apps.get_app_config("applications").verbose_name)])


mount()
