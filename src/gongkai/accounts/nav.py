from typing import Any

from gongkai.site.nav import NavItem


def _signed_in(user: Any) -> bool:
    return bool(user.is_authenticated)


OFFICE = [
    NavItem("API 令牌", "accounts:tokens", order=95, visible=_signed_in),
    NavItem("修改密码", "accounts:password_change", order=96, visible=_signed_in),
]
