"""The site's own menu items: 工作台 in the office, 首页 on the portal."""

from __future__ import annotations

from typing import Any

from gongkai.core.nav import NavItem


def _staff(user: Any) -> bool:
    return bool(user.is_authenticated)


def _todo(user: Any) -> str:
    """待办 N on 工作台: the start page's count (``site.desk``), once per request."""
    from gongkai.deadlines import DeadlineError

    from .desk import todo_count

    try:
        n = todo_count(user)
    except DeadlineError:  # the calendar's data is broken: the pages say so, not the menu
        return ""
    return f"待办 {n}" if n else ""


OFFICE = [NavItem("工作台", "site:home", order=0, visible=_staff, badge=_todo)]
PORTAL = [NavItem("首页", "site:public_home", order=0)]
