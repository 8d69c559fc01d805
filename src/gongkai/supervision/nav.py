from gongkai.core.nav import NavItem

OFFICE = [
    NavItem("监督检查", "supervision:list", order=40, visible=lambda u: u.is_authenticated),
]
