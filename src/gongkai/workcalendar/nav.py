from gongkai.core.nav import NavItem


def _staff(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False))


OFFICE = [NavItem("工作日历", "workcalendar:overview", order=90, visible=_staff)]
