"""Staff registration of letters, faxes, e-mails and in-person or oral applications."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from gongkai.core.requests import AuthenticatedHttpRequest
from gongkai.organs.models import Membership

from .. import services
from ..errors import CaseworkError
from ..forms import APPLICANT_FIELDS_FORM, RegisterForm


@login_required
def register(request: AuthenticatedHttpRequest) -> HttpResponse:
    from gongkai.organs.models import Organ

    organs = Organ.objects.filter(
        pk__in=Membership.objects.filter(user=request.user, role="officer").values("organ_id")
    )
    if not organs.exists():
        raise PermissionDenied("只有公开专员可以登记申请")
    form = RegisterForm(request.POST or None, organs=organs)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            case, _ = services.register(
                d["organ"],
                {k: d.get(k, "") for k in APPLICANT_FIELDS_FORM},
                request.user,
                channel=d["channel"],
                received_on=d["received_on"],
                receipt_basis=d.get("receipt_basis") or "",
            )
        except CaseworkError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已登记，申请编号：{case.number}")
            return redirect("applications:detail", number=case.number)
    return render(request, "applications/register.html", {"form": form})
