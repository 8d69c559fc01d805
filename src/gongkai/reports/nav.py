from gongkai.core.nav import NavItem

OFFICE = [NavItem("年度报告", "reports:index", order=30, visible=lambda u: u.is_authenticated)]
PORTAL = [NavItem("年度报告", "reports_public:index", order=40)]
