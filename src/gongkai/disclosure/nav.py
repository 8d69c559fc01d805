from gongkai.core.nav import NavItem

OFFICE = [
    NavItem("主动公开", "disclosure:list", order=20, visible=lambda u: u.is_authenticated),
    NavItem("公开时效", "disclosure:timeliness", order=25, visible=lambda u: u.is_authenticated),
]
