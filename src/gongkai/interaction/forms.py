"""The public message form and the staff forms of a message."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.applications.files import ALLOWED_LABEL, MAX_FILES
from gongkai.applications.models import APPLICANT_TYPES, DeliveryMethod, IdType, ProvisionForm
from gongkai.organs.models import Organ

from .models import ConsultationKind, Kind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(d, initial) for d in items]


class ChineseForm(forms.Form):
    """Labels end with a full-width colon, as on the site's other forms."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)


class MessageForm(ChineseForm):
    organ = forms.ModelChoiceField(
        Organ.objects.filter(is_active=True).order_by("name"),
        label="留言机关",
        empty_label="请选择",
        error_messages={"required": "请选择留言机关", "invalid_choice": "所选机关不存在"},
    )
    kind = forms.ChoiceField(
        label="留言类型",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择留言类型"},
    )
    subject = forms.CharField(
        label="标题",
        max_length=100,
        error_messages={"required": "请填写标题", "max_length": "标题不能超过100字"},
    )
    body = forms.CharField(
        label="留言内容",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "请填写留言内容", "max_length": "留言内容不能超过5000字"},
    )
    name = forms.CharField(label="姓名", max_length=50, required=False)
    contact = forms.CharField(
        label="联系方式",
        max_length=100,
        required=False,
        help_text="手机号码或电子邮箱，只有本机关办理人员可见，不会公开",
    )
    publishable = forms.BooleanField(
        label="同意本机关在“留言选登”中公开我的留言和答复（姓名遮盖，联系方式不公开）",
        required=False,
    )
    # A declared field: the form's metaclass moves it into base_fields, so the name
    # does not shadow BaseForm.files (the uploaded data) as the stubs assume.
    files = MultipleFileField(  # type: ignore[assignment]
        label="附件",
        required=False,
        help_text=f"可选，最多{MAX_FILES}个；接受{ALLOWED_LABEL}",
    )

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].strip()
        if len(body) < 5:
            raise forms.ValidationError("留言内容太短，请写清楚您要咨询、建议或投诉的事项")
        return body


class ReplyForm(ChineseForm):
    reply = forms.CharField(
        label="答复内容",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": "请填写答复内容", "max_length": "答复内容不能超过5000字"},
    )


class TransferForm(ChineseForm):
    target = forms.ModelChoiceField(
        Organ.objects.filter(is_active=True).order_by("name"),
        label="转至机关",
        empty_label="请选择",
        error_messages={"required": "请选择转至的机关"},
    )
    note = forms.CharField(
        label="转办理由",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "请填写转办理由"},
    )


class ConvertForm(ChineseForm):
    applicant_type = forms.ChoiceField(label="申请人类型", choices=APPLICANT_TYPES)
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=200)
    id_type = forms.ChoiceField(label="身份证明类型", choices=IdType.choices)
    id_number = forms.CharField(label="身份证明号码", max_length=40)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=300, required=False)
    provision_form = forms.ChoiceField(label="提供形式", choices=ProvisionForm.choices)
    delivery_method = forms.ChoiceField(label="获取方式", choices=DeliveryMethod.choices)
    note = forms.CharField(
        label="转为申请的理由",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "请说明为什么这条留言是政府信息公开申请"},
    )


class SettingsForm(ChineseForm):
    workdays = forms.IntegerField(
        label="留言答复期限（工作日）",
        min_value=1,
        max_value=30,
        error_messages={
            "min_value": "答复期限至少1个工作日",
            "max_value": "答复期限最多30个工作日",
            "required": "请填写答复期限",
        },
    )


class ConsultationForm(ChineseForm):
    kind = forms.ChoiceField(label="类型", choices=ConsultationKind.choices)
    title = forms.CharField(label="标题", max_length=200)
    description = forms.CharField(
        label="征集说明",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="征集的事项、草案的主要内容、提出意见的方式等",
    )
    starts_on = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    contact = forms.CharField(label="联系方式", max_length=200)
    # A declared field: the form's metaclass moves it into base_fields, so the name
    # does not shadow BaseForm.files (the uploaded data) as the stubs assume.
    files = MultipleFileField(  # type: ignore[assignment]
        label="附件（如文件草案）",
        required=False,
        help_text=f"可选，最多{MAX_FILES}个；接受{ALLOWED_LABEL}",
    )
    questions = forms.CharField(
        label="问卷题目",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="仅问卷调查填写。每行一题：题型｜题目｜选项1/选项2/…，题型为单选、多选或填空，"
        "如：单选｜您对办事效率是否满意｜满意/基本满意/不满意",
    )

    def clean_questions(self) -> list[Any]:
        from .consulting import QuestionSpec

        kinds = {"单选": "single", "多选": "multiple", "填空": "text"}
        out = []
        for n, line in enumerate(self.cleaned_data["questions"].splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
            if len(parts) < 2 or parts[0] not in kinds or not parts[1]:
                raise forms.ValidationError(
                    f"第{n}行格式不对：应为“题型｜题目｜选项1/选项2”，题型为单选、多选或填空"
                )
            options = tuple(o.strip() for o in (parts[2] if len(parts) > 2 else "").split("/"))
            out.append(QuestionSpec(parts[1], kinds[parts[0]], tuple(o for o in options if o)))
        return out


class CommentForm(ChineseForm):
    body = forms.CharField(
        label="您的意见",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "请填写意见内容", "max_length": "意见不能超过5000字"},
    )
    name = forms.CharField(label="姓名（可不填）", max_length=50, required=False)
    contact = forms.CharField(
        label="联系方式（可不填）",
        max_length=100,
        required=False,
        help_text="只用于就您的意见与您联系，不会公开",
    )


class FeedbackForm(ChineseForm):
    summary = forms.CharField(
        label="反馈说明",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="征集期间收到意见的总体情况、采纳情况和对文件的修改",
    )
    not_adopted_reasons = forms.CharField(
        label="未采纳的理由",
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
