from gongkai.core.nav import NavItem

OFFICE = [
    NavItem("依申请公开", "applications:queue", order=10, visible=lambda u: u.is_authenticated),
    NavItem("申请台账", "applications:ledger", order=11, visible=lambda u: u.is_authenticated),
    NavItem("办理统计", "applications:supervise", order=12, visible=lambda u: u.is_authenticated),
]
PORTAL = [
    NavItem("申请公开", "applications_public:apply", order=20),
    NavItem("查询申请", "applications_public:status", order=21),
]
