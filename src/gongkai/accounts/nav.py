from gongkai.core.nav import NavItem

# 修改密码 and API 令牌 belong to the person, not to the work: they are in the user's own
# menu beside 退出登录 (site/templates/base.html), not in the main menu.
OFFICE: list[NavItem] = []
