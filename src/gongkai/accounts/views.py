from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.core.requests import AuthenticatedHttpRequest
from gongkai.organs.models import Membership

from . import passwords, unlock
from .forms import ChinesePasswordChangeForm, LoginForm
from .models import ApiToken


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class TokenForm(forms.Form):
    name = forms.CharField(label="用途", max_length=100, help_text="如：与办公系统对接")


def _is_staff_member(user: Any) -> bool:
    return bool(user.is_superuser or Membership.objects.filter(user=user).exists())


@login_required
def tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The user's own API tokens: issue one (shown once), list, revoke."""
    if not _is_staff_member(request.user):
        raise PermissionDenied("只有机关工作人员可以使用 API 令牌。")
    plain = None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _, plain = ApiToken.objects.issue(request.user, form.cleaned_data["name"])
        form = TokenForm()
    context = {
        "form": form,
        "plain": plain,
        "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
    }
    return render(request, "accounts/tokens.html", context)


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at__isnull=True)
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    messages.success(request, f"已吊销令牌：{token}。")
    return redirect("accounts:tokens")


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """修改密码: required after logging in with a generated password, open to everyone."""
    form = ChinesePasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        passwords.changed(user)
        messages.success(request, "密码已修改。")
        return redirect("site:home")
    context = {"form": form, "required": passwords.must_change(request.user)}
    return render(request, "accounts/password_change.html", context)


UNLOCK_REQUESTS = 5
"""Unlock e-mails one client may ask for in an hour."""
UNLOCK_SENT = (
    "如果该账户登记了电子邮箱，解锁链接已发送到该邮箱，1小时内有效。没有收到时请联系系统管理员。"
)


@require_POST
def unlock_request(request: HttpRequest) -> HttpResponse:
    """Send the unlock link; the answer is the same whether or not the account exists."""
    from gongkai.core.clients import limited
    from gongkai.workcalendar.reminders import base_url

    username = request.POST.get("username", "").strip()[:150]
    if not username:
        messages.error(request, "请填写用户名。")
        return redirect("accounts:login")
    if limited("accounts:unlock", request, UNLOCK_REQUESTS):
        return render(
            request,
            "accounts/unlock_sent.html",
            {"message": "请求过于频繁：同一网络每小时最多申请5次解锁邮件，请稍后再试。"},
            status=429,
        )
    unlock.send_link(username, base_url() or request.build_absolute_uri("/").rstrip("/"))
    return render(request, "accounts/unlock_sent.html", {"message": UNLOCK_SENT})


def unlock_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail: a button (GET), which unlocks (POST)."""
    user = unlock.user_for(token)
    if user is None:
        return render(
            request,
            "accounts/unlock_confirm.html",
            {"invalid": True},
            status=400,
        )
    if request.method == "POST":
        unlock.unlock(user)
        messages.success(request, f"账户“{user.username}”已解锁，请重新登录。")
        return redirect("accounts:login")
    return render(request, "accounts/unlock_confirm.html", {"account": user.username})
