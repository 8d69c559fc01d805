"""Forms: the public application, staff registration and the workflow actions.

Every message is Chinese; nothing is stored until the whole form is valid (the services
run in one transaction).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.forms import BoundField

from gongkai.organs.models import Organ
from gongkai.organs.uscc import problems as uscc_problems

from . import answers, corrections
from . import files as upload_rules
from .errors import InvalidInput
from .idcheck import InvalidIdentity, validate_resident_id
from .models import (
    APPLICANT_TYPES,
    Channel,
    DeliveryMethod,
    IdType,
    ProvisionForm,
    ReceiptBasis,
    ServiceMethod,
)

REQUIRED = {"required": "此项为必填项"}
PERSONAL_IDS = (IdType.RESIDENT_ID, IdType.PASSPORT, IdType.OTHER_PERSONAL)


def _text(label: str, max_length: int, *, required: bool = True, **kw: Any) -> forms.CharField:
    """A text field whose messages (required, too long) are Chinese and name the limit."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={
            **REQUIRED,
            "max_length": f"不能超过{max_length}个字（已输入%(show_value)d个）",
        },
        **kw,
    )


class ChineseForm(forms.Form):
    """Labels end with the full-width colon."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)


def _choice(label: str, choices: Any, **kw: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        error_messages={**REQUIRED, "invalid_choice": "请从列表中选择：“%(value)s”不是可选项"},
        **kw,
    )


ORGANISATION_FIELDS = ("legal_representative", "contact_person")
"""Asked of 法人或其他组织 only: required of them on the public form, blank for persons."""

ORGANISATION_MESSAGES = {
    "legal_representative": "申请人为法人或其他组织的，请填写法定代表人（其他组织填写主要负责人）",
    "contact_person": "申请人为法人或其他组织的，请填写联系人",
}

APPLICANT_DOCUMENTS = {"id_copy": "身份证明复印件", "authorization": "授权委托书"}
"""The public form's optional uploads → the title their file is kept under (on the
submission event, seen by the organ's staff only)."""

ONLINE_DEFAULTS = {
    "provision_form": str(ProvisionForm.ELECTRONIC),
    "delivery_method": str(DeliveryMethod.ONLINE),
}
"""What suits an online applicant: electronic data, read online (e-mail once an address is
given: the page's script switches, the server only checks the choice is possible)."""

TOP_LEVEL_GROUP = "无上级主管机关"
"""The label of the group of organs that have no parent organ."""

FIELDSETS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("organ", "", "", ("organ",)),
    ("applicant", "申请人", "", ("applicant_type", "applicant_name", "id_type", "id_number")),
    (
        "organisation",
        "法人或其他组织",
        "申请人为法人或其他组织的填写",
        ORGANISATION_FIELDS,
    ),
    (
        "contact",
        "联系方式",
        "联系电话、电子邮箱、通信地址至少填写一项",
        ("phone", "email", "address", "postcode"),
    ),
    ("information", "所需政府信息", "", ("information", "document_number")),
    ("delivery", "提供形式和获取方式", "", ("provision_form", "delivery_method")),
    (
        "documents",
        "身份证明材料（可不上传）",
        f"可上传身份证明复印件、授权委托书（代为申请的）；接受{upload_rules.ALLOWED_LABEL}，"
        f"单个文件不超过{upload_rules.MAX_FILE_BYTES // 1024 // 1024}MB。"
        "仅受理机关工作人员可以查看。",
        tuple(APPLICANT_DOCUMENTS),
    ),
)
"""The public form as a table: (key, legend, hint, fields); a group without a legend is
not a fieldset. A form's fields missing here (the staff form's channel and dates) follow
the organ, in a group without a legend."""


@dataclass(frozen=True)
class Fieldset:
    key: str
    legend: str
    hint: str
    fields: list[tuple[BoundField, bool]]
    """Each bound field with whether it is marked required."""


def organ_choices(organs: Iterable[Organ]) -> list[tuple[Any, Any]]:
    """Organs by full name, grouped under their parent's full name; the organs without a
    parent in a group of their own, first."""
    top: list[tuple[str, str]] = []
    groups: dict[int, tuple[str, list[tuple[str, str]]]] = {}
    for organ in organs:
        option = (str(organ.pk), organ.name)
        if organ.parent is None:
            top.append(option)
        else:
            groups.setdefault(organ.parent.pk, (organ.parent.name, []))[1].append(option)
    out: list[tuple[Any, Any]] = [("", "（请选择受理机关）")]
    if top:
        out.append((TOP_LEVEL_GROUP, top))
    out.extend(groups.values())
    return out


def _document(label: str) -> forms.FileField:
    return forms.FileField(
        label=label,
        required=False,
        widget=forms.FileInput,
        error_messages={
            "invalid": "上传的文件无效，请重新选择",
            "missing": "没有收到文件，请重新选择",
            "empty": "上传的文件是空文件",
        },
    )


class ApplicationForm(ChineseForm):
    """What the Regulation requires of an application (Art 29) — and no purpose."""

    organisation_fields_required = True
    """法定代表人 and 联系人 are required of organisations (the staff form records what the
    letter says)."""

    organ = forms.ModelChoiceField(
        label="受理机关",
        queryset=Organ.objects.filter(is_active=True).select_related("parent"),
        empty_label="（请选择受理机关）",
        error_messages={**REQUIRED, "invalid_choice": "请选择受理机关"},
    )
    applicant_type = _choice("申请人类型", APPLICANT_TYPES)
    applicant_name = _text("姓名或名称", 200)
    id_type = _choice("身份证明类型", IdType.choices)
    id_number = _text(
        "身份证明号码",
        40,
        help_text="居民身份证为18位（核对校验位）；法人或其他组织填写18位统一社会信用代码",
    )
    legal_representative = _text(
        "法定代表人", 100, required=False, help_text="其他组织填写主要负责人"
    )
    contact_person = _text("联系人", 100, required=False)
    phone = forms.RegexField(
        label="联系电话",
        regex=r"^[0-9+\- ]{7,20}$",
        required=False,
        error_messages={"invalid": "联系电话应为7至20位数字（可含 +、-）"},
    )
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        max_length=254,
        error_messages={
            "invalid": "请填写有效的电子邮箱地址",
            "max_length": "电子邮箱地址不能超过254个字符",
        },
    )
    address = _text("通信地址", 300, required=False)
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码应为6位数字"},
    )
    information = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=4,
        max_length=4000,
        error_messages={
            **REQUIRED,
            "min_length": "请具体描述所需的政府信息（至少4个字）",
            "max_length": "描述不能超过4000字",
        },
    )
    document_number = _text("文号（如知道）", 100, required=False)
    provision_form = _choice(
        "提供政府信息的形式",
        ProvisionForm.choices,
        initial=ONLINE_DEFAULTS["provision_form"],
    )
    delivery_method = _choice(
        "获取政府信息的方式",
        DeliveryMethod.choices,
        initial=ONLINE_DEFAULTS["delivery_method"],
        help_text="选择电子邮件的，须填写电子邮箱；选择邮寄的，须填写通信地址",
    )
    # Optional: RegisterForm leaves both out (None removes a declared field).
    id_copy: forms.FileField | None = _document(APPLICANT_DOCUMENTS["id_copy"])
    authorization: forms.FileField | None = _document(APPLICANT_DOCUMENTS["authorization"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group_organs()

    def group_organs(self) -> None:
        """Show the organs of the field's queryset grouped by parent (optgroups)."""
        field = cast(forms.ModelChoiceField, self.fields["organ"])
        assert field.queryset is not None  # the organ field is declared with one
        cast(forms.Select, field.widget).choices = organ_choices(field.queryset)

    def marked_required(self, name: str) -> bool:
        """Whether the field carries the required mark (organisation fields: when shown)."""
        if name in ORGANISATION_FIELDS:
            return self.organisation_fields_required
        return bool(self.fields[name].required)

    def fieldsets(self) -> list[Fieldset]:
        """The fields in the groups of ``FIELDSETS``; unlisted ones right after the organ."""
        listed = {name for *_, names in FIELDSETS for name in names}
        rest = ("receipt", "", "", tuple(n for n in self.fields if n not in listed))
        out = [FIELDSETS[0], rest, *FIELDSETS[1:]]
        return [
            Fieldset(
                key,
                legend,
                hint,
                [(self[n], self.marked_required(n)) for n in names if n in self.fields],
            )
            for key, legend, hint, names in out
            if any(n in self.fields for n in names)
        ]

    def _clean_document(self, name: str) -> Any:
        """An optional upload, checked under the reply files' rules (type, content, size)."""
        upload = self.cleaned_data.get(name)
        if not upload:
            return None
        try:
            upload_rules.check([upload])
        except InvalidInput as exc:
            raise ValidationError(exc.message) from None
        finally:
            upload.seek(0)  # the service reads it again before storing it
        return upload

    def clean_id_copy(self) -> Any:
        return self._clean_document("id_copy")

    def clean_authorization(self) -> Any:
        return self._clean_document("authorization")

    def documents(self) -> dict[str, Any]:
        """The uploads given, by the title they are kept under."""
        return {
            title: self.cleaned_data[name]
            for name, title in APPLICANT_DOCUMENTS.items()
            if self.cleaned_data.get(name)
        }

    def clean(self) -> dict[str, Any]:
        data = cast("dict[str, Any]", super().clean())  # Form.clean returns cleaned_data
        kind, id_type, number = (
            data.get("applicant_type"),
            data.get("id_type"),
            data.get("id_number"),
        )
        if kind and id_type:
            if kind == "natural_person" and id_type not in PERSONAL_IDS:
                self.add_error("id_type", "自然人应提供居民身份证、护照或其他有效身份证件")
            if kind != "natural_person" and id_type != IdType.USCC:
                self.add_error("id_type", "法人或其他组织应提供统一社会信用代码")
        if kind == "natural_person":
            for name in ORGANISATION_FIELDS:  # hidden for persons: whatever came is dropped
                data[name] = ""
                if name in self.errors:
                    del self.errors[name]
        elif kind and self.organisation_fields_required:
            for name in ORGANISATION_FIELDS:
                if name not in self.errors and not data.get(name):
                    self.add_error(name, ORGANISATION_MESSAGES[name])
        if id_type and number:
            number = number.strip().upper()
            if id_type == IdType.RESIDENT_ID:
                try:
                    data["id_number"] = validate_resident_id(number)
                except InvalidIdentity as exc:
                    self.add_error("id_number", str(exc))
            elif id_type == IdType.USCC:
                found = uscc_problems(number)
                if found:
                    self.add_error("id_number", "；".join(found))
                data["id_number"] = number
        if not (data.get("phone") or data.get("email") or data.get("address")):
            raise ValidationError("请至少填写一种联系方式（电话、电子邮箱或通信地址）")
        method = data.get("delivery_method")
        if method == DeliveryMethod.EMAIL and not data.get("email"):
            self.add_error("email", "选择以电子邮件获取的，请填写电子邮箱")
        if method == DeliveryMethod.POST and not data.get("address"):
            self.add_error("address", "选择邮寄的，请填写通信地址")
        return data


class RegisterForm(ApplicationForm):
    """Staff registration of a letter, fax, e-mail or in-person (or oral) application."""

    field_order = ("organ", "channel", "received_on", "receipt_basis")
    organisation_fields_required = False
    id_copy = None  # papers come with the letter, not uploaded
    authorization = None

    channel = _choice(
        "申请渠道", [c for c in Channel.choices if c[0] not in (Channel.ONLINE, Channel.MESSAGE)]
    )
    received_on = forms.DateField(
        label="收到申请日期",
        error_messages={**REQUIRED, "invalid": "请填写有效日期，如2025-03-01"},
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    receipt_basis = _choice(
        "收到日期的依据（条例第三十一条）",
        [("", "按渠道默认"), *ReceiptBasis.choices],
        required=False,
    )

    def __init__(self, *args: Any, organs: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ONLINE_DEFAULTS:  # a letter or a visit: the online defaults do not fit
            self.fields[name].initial = None
        if organs is not None:
            cast(forms.ModelChoiceField, self.fields["organ"]).queryset = organs
            self.group_organs()

    def clean_received_on(self) -> date:
        from .services import today

        day: date = self.cleaned_data["received_on"]
        now = today()
        if day > now:
            raise ValidationError(f"收到申请日期{day.isoformat()}不能晚于今天（{now.isoformat()}）")
        return day


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the checks of ``files.check`` run in the service."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)] if data else []


def _version() -> forms.IntegerField:
    """The case's version the page was built on (a stale one is a conflict)."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "页面缺少版本号，请刷新后重试",
            "invalid": "页面版本号无效，请刷新后重试",
        },
    )


def _day(label: str, *, required: bool = False, **kw: Any) -> forms.DateField:
    """A date picker; its value is ISO (``2025-06-16``), which is what ``type=date`` reads."""
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={**REQUIRED, "invalid": "请填写有效日期，如2025-03-01"},
        **kw,
    )


def checked_uploads(files: Any) -> list[Any]:
    """Uploads under the files' rules (sizes, types, names) as a field error; rewound, as
    the service reads them again before storing them."""
    uploads = list(files or [])
    try:
        upload_rules.check(uploads)
    except InvalidInput as exc:
        raise ValidationError(exc.message) from None
    finally:
        for upload in uploads:
            upload.seek(0)
    return uploads


class ActionForm(ChineseForm):
    """One workflow action; the fields used depend on the action (``action_form``)."""

    version = _version()
    on = _day("日期")
    signed = forms.BooleanField(
        label="我已审阅答复书全文，确认签发",
        required=False,
        help_text="签发后答复书定稿并编号，不能再修改，随后即可送达申请人。",
    )
    reason = _text("理由或说明", 4000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    answer = forms.ChoiceField(
        label="答复类型",
        required=False,
        choices=[("", "（请选择）"), *((a.key, a.label) for a in answers.OFFICER_ANSWERS)],
        error_messages={"invalid_choice": "请从列表中选择答复类型"},
    )
    points = _text(
        "需补正的事项（每行一项，一次列明全部）",
        4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    reply_by = forms.DateField(
        label="补正期限（不填则为15个工作日）",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "请填写有效日期，如2025-03-01"},
    )
    workdays = forms.IntegerField(
        label="延长的工作日数",
        required=False,
        min_value=1,
        max_value=20,
        error_messages={
            "invalid": "请填写整数",
            "min_value": "延长期限至少1个工作日",
            "max_value": "延长期限最长不得超过20个工作日",
        },
    )
    party = forms.ChoiceField(
        label="征求意见对象",
        required=False,
        choices=[("third_party", "第三方"), ("other_organ", "其他行政机关")],
        error_messages={"invalid_choice": "请选择第三方或其他行政机关"},
    )
    name = _text("征求意见对象名称", 200, required=False)
    method = forms.ChoiceField(
        label="收费方式",
        required=False,
        choices=[("per_item", "按件计收"), ("per_page", "按量计收")],
        error_messages={"invalid_choice": "请选择按件计收或按量计收"},
    )
    units = forms.IntegerField(
        label="计费数量（件或页）",
        required=False,
        min_value=0,
        error_messages={"invalid": "请填写整数", "min_value": "计费数量不能为负数"},
    )
    earlier = forms.IntegerField(
        label="本月此前已申请件数",
        required=False,
        min_value=0,
        error_messages={"invalid": "请填写整数", "min_value": "本月此前已申请件数不能为负数"},
    )

    # A declared field: the form's metaclass moves it into base_fields, so the name
    # does not shadow BaseForm.files (the uploaded data) as the stubs assume.
    files = MultipleFileField(  # type: ignore[assignment]
        label="答复所附文件（拟写答复时上传；PDF、Word、Excel、OFD、ZIP、图片或文本，单个不超过20MB）",
        required=False,
        error_messages={"invalid": "上传的文件无效", "empty": "上传的文件是空文件"},
    )
    file_titles = _text(
        "附件名称（每行一个，依次对应所选文件；不填则用文件名）",
        2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="答复告知书的附件清单按此名称列出，如：2024年老旧小区改造项目清单",
    )

    def __init__(self, *args: Any, earliest: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.earliest = earliest
        """The case's latest event: the action's date may not be earlier."""

    def clean_on(self) -> date | None:
        from .services import today

        day: date | None = self.cleaned_data.get("on")
        if day is None:
            return None
        label = self.fields["on"].label
        now = today()
        if day > now:
            raise ValidationError(f"{label}{day.isoformat()}不能晚于今天（{now.isoformat()}）")
        last = self.earliest
        if last is not None and day < last.on:
            raise ValidationError(
                f"{label}{day.isoformat()}不能早于上一条办理记录"
                f"（{last.label}，{last.on.isoformat()}）"
            )
        return day

    def clean_files(self) -> list[Any]:
        """The reply's files under the files' rules, so a refused file is this field's
        error and the form comes back with everything else typed."""
        return checked_uploads(self.cleaned_data.get("files"))

    def payload(self) -> dict[str, Any]:
        d = self.cleaned_data
        out: dict[str, Any] = {}
        if d.get("answer"):
            out["answer"] = d["answer"]
        if d.get("points"):
            out["points"] = [line.strip() for line in d["points"].splitlines() if line.strip()]
        for key in ("workdays", "party", "name", "method", "units", "earlier"):
            if d.get(key) not in (None, ""):
                out[key] = d[key]
        if d.get("reply_by"):
            out["reply_by"] = d["reply_by"].isoformat()
        if d.get("file_titles", "").strip():
            out["file_titles"] = d["file_titles"].strip("\n").splitlines()
        return out


ACTION_FIELDS: dict[str, tuple[str, ...]] = {
    "request_correction": ("points", "reply_by", "reason"),
    "open_consultation": ("party", "name", "reason"),
    "request_extension": ("workdays", "reason"),
    "send_fee_notice": ("method", "units", "earlier", "reason"),
    "draft_reply": ("answer", "reason", "files", "file_titles"),
    "confirm": ("on", "reason"),
    "correction_received": ("on", "reason"),
    "sign_off": ("signed", "reason"),
}
"""The fields each workflow action uses (besides the version); others use the reason only."""

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "request_correction": ("points",),
    "request_extension": ("workdays",),
    "send_fee_notice": ("units",),
    "draft_reply": ("answer",),
    "sign_off": ("signed",),
}

DATE_FIELDS: dict[str, tuple[str, str]] = {
    "confirm": (
        "确认收到日期",
        "以双方确认之日为收到申请之日（条例第三十一条第（三）项），答复期限自该日起计算；"
        "不填为今天，不能晚于今天，也不能早于申请提交之日。",
    ),
    "correction_received": (
        "收到补正材料日期",
        "答复期限自收到补正材料之日起重新计算（条例第三十条）；"
        "不填为今天，不能晚于今天，也不能早于补正通知。",
    ),
}
"""The label and hint of the date an action takes (shown as today; left blank: today)."""

ACTION_LABELS: dict[str, str] = {"withdraw": "登记申请人撤回"}
"""The officer's name of an action where the workflow's own (the applicant's) differs."""

REQUIRED_MESSAGES: dict[str, str] = {
    "points": "补正通知应一次性列明需要补正的全部事项，至少一项",
    "workdays": "请填写延长的工作日数",
    "units": "请填写计费数量",
    "answer": "请选择答复类型",
    "signed": "签发前请勾选“我已审阅答复书全文，确认签发”",
}
"""A required field left empty says what the service would say."""


def _event_label(event: str) -> str:
    from .workflow import EVENT_LABELS, Event

    if event in ACTION_LABELS:
        return ACTION_LABELS[event]
    try:
        return EVENT_LABELS[Event(event)]
    except ValueError:
        return event


REASON_LABELS = {
    "draft_reply": "答复理由或说明（写入答复书）",
    "send_fee_notice": "说明（可不填）",
}


def action_form(
    event: str,
    version: int,
    *,
    needs_reason: bool,
    data: Any = None,
    files: Any = None,
    earliest: Any = None,
) -> ActionForm:
    """The form of one action on the case page: only the fields it uses, ids unique on
    the page (``id_<event>_<field>``), required fields marked; bound to ``data`` and
    ``files`` when they are given (a submission, shown again with its errors).
    ``earliest`` is the case's latest event (a date field may not be earlier)."""
    from .services import today

    form = ActionForm(
        data,
        files,
        initial={"version": version, "on": today()},
        auto_id=f"id_{event}_%s",
        earliest=earliest,
    )
    keep = ("version", *ACTION_FIELDS.get(event, ("reason",)))
    form.fields = {name: form.fields[name] for name in keep}
    for name in REQUIRED_FIELDS.get(event, ()):
        form.fields[name].required = True
        if name in REQUIRED_MESSAGES:
            form.fields[name].error_messages["required"] = REQUIRED_MESSAGES[name]
    reason = form.fields["reason"]
    reason.required = needs_reason
    if needs_reason:
        reason.error_messages["required"] = f"“{_event_label(event)}”需要填写理由或说明"
    if event in REASON_LABELS:
        reason.label = REASON_LABELS[event]
    else:
        reason.label = "理由或说明（必填）" if needs_reason else "说明（可不填）"
    if event in DATE_FIELDS:
        day = form.fields["on"]
        day.label, day.help_text = DATE_FIELDS[event]
    return form


class DeliverForm(ChineseForm):
    """送达答复 on the case page: the method, the date and what the method needs (the
    checks are ``delivery.problems``, each shown at its field)."""

    version = _version()
    method = _choice(
        "送达方式",
        ServiceMethod.choices,
        help_text="电子邮件：提交时即发送答复告知书，邮件服务器接收后才记为已送达；"
        "网上查看：申请人在查询页面查看；邮寄、当面领取：打印告知书和送达回证。",
    )
    on = _day(
        "送达日期",
        required=True,
        help_text="电子邮件和网上查看为今天；邮寄为寄出之日；不能早于终审签发。",
    )
    tracking = _text("快递或挂号单号（邮寄时必填）", 40, required=False)
    recipient = _text("签收人（当面领取时必填）", 100, required=False)
    note = _text(
        "说明（选择“其他”时必填，写明如何送达）",
        4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        from .services import today

        kwargs.setdefault("auto_id", "id_deliver_%s")
        kwargs.setdefault(
            "initial",
            {"version": case.version, "method": case.delivery_method, "on": today()},
        )
        super().__init__(*args, **kwargs)
        self.case = case

    def clean_tracking(self) -> str:
        from .delivery import normal_tracking

        return normal_tracking(self.cleaned_data.get("tracking"))

    def clean(self) -> dict[str, Any]:
        from .delivery import problems

        data = cast("dict[str, Any]", super().clean())  # Form.clean returns cleaned_data
        if "method" in self.errors or "on" in self.errors:
            return data
        found = problems(
            self.case,
            method=data.get("method", ""),
            on=data.get("on"),
            tracking=data.get("tracking", ""),
            recipient=data.get("recipient", "").strip(),
            note=data.get("note", "").strip(),
        )
        for name, message in found.items():
            if name not in self.errors:
                self.add_error(name, message)
        return data

    def details(self) -> dict[str, Any]:
        """The keyword arguments of ``delivery.deliver``."""
        d = self.cleaned_data
        return {
            "method": d["method"],
            "on": d["on"],
            "tracking": d.get("tracking", ""),
            "recipient": d.get("recipient", ""),
            "note": d.get("note", ""),
        }


def officers(organ: Organ) -> Any:
    """The organ's active 公开专员, by name: who may be in charge of its cases."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__organ=organ, memberships__role="officer", is_active=True)
        .distinct()
        .order_by(Coalesce(NullIf("first_name", Value("")), "username"), "username")
    )


class AssigneeField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class AssignForm(ChineseForm):
    """指定承办人 on the case page: one of the organ's officers, chosen from a list."""

    version = _version()
    assignee = AssigneeField(
        label="承办人",
        queryset=Organ.objects.none(),
        empty_label="（请选择本机关公开专员）",
        error_messages={**REQUIRED, "invalid_choice": "请从本机关公开专员中选择承办人"},
    )

    def __init__(self, *args: Any, case: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "id_assign_%s")
        kwargs.setdefault(
            "initial", {"version": case.version, "assignee": case.assignee_id or None}
        )
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["assignee"]).queryset = officers(case.organ)


class AppealForm(ChineseForm):
    kind = _choice(
        "类型",
        [
            ("reconsideration", "行政复议"),
            ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
            ("litigation_after_reconsideration", "行政诉讼（复议后起诉）"),
        ],
    )
    lodged_on = forms.DateField(
        label="提起日期",
        error_messages={**REQUIRED, "invalid": "请填写有效日期，如2025-03-01"},
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    body = _text("复议机关或法院", 200, required=False)

    def clean_lodged_on(self) -> date:
        from .services import today

        day: date = self.cleaned_data["lodged_on"]
        if day > today():
            raise ValidationError(f"提起日期{day.isoformat()}不能晚于今天")
        return day


APPLICANT_FIELDS_FORM = (
    "applicant_type",
    "applicant_name",
    "id_type",
    "id_number",
    "legal_representative",
    "contact_person",
    "phone",
    "email",
    "address",
    "postcode",
    "information",
    "document_number",
    "provision_form",
    "delivery_method",
)


class CorrectionForm(ChineseForm):
    """The applicant's online 补正: what is corrected (required) and optional files, checked
    under the reply files' rules; nothing is stored unless the whole form is valid."""

    text = forms.CharField(
        label="补正内容",
        max_length=corrections.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="针对补正通知列明的事项逐项说明，如所需文件的标题、文号、时间范围。",
        error_messages={
            "required": corrections.TEXT_REQUIRED,
            "max_length": f"补正内容不能超过{corrections.TEXT_MAX}个字（已输入%(show_value)d个）",
        },
    )
    # A declared field: the form's metaclass moves it into base_fields, so the name
    # does not shadow BaseForm.files (the uploaded data) as the stubs assume.
    files = MultipleFileField(  # type: ignore[assignment]
        label="补正材料（可不上传）",
        required=False,
        help_text=(
            f"可上传{upload_rules.ALLOWED_LABEL}文件，最多{upload_rules.MAX_FILES}个，"
            f"单个不超过{upload_rules.MAX_FILE_BYTES // 1024 // 1024}MB，"
            f"合计不超过{upload_rules.MAX_TOTAL_BYTES // 1024 // 1024}MB。"
        ),
        error_messages={
            "invalid": "上传的文件无效，请重新选择",
            "missing": "没有收到文件，请重新选择",
            "empty": "上传的文件是空文件",
        },
    )

    def clean_text(self) -> str:
        text = str(self.cleaned_data.get("text", "")).strip()
        problem = corrections.text_problem(text)
        if problem:
            raise ValidationError(problem)
        return text

    def clean_files(self) -> list[Any]:
        return checked_uploads(self.cleaned_data.get("files"))
