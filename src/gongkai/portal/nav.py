from gongkai.core.nav import NavItem

PORTAL = [
    NavItem("公开指南", "portal:guides", order=10),
    NavItem("公开目录", "portal:catalog", order=20),
    NavItem("搜索", "portal:search", order=30),
]
