from gongkai.core.nav import NavItem

OFFICE = [
    NavItem("网民留言", "interaction:list", order=15, visible=lambda u: u.is_authenticated),
    NavItem("政策问答", "interaction:qa", order=16, visible=lambda u: u.is_authenticated),
    NavItem(
        "意见征集", "interaction:consultations", order=17, visible=lambda u: u.is_authenticated
    ),
]
PORTAL = [
    NavItem("网民留言", "interaction_public:shown_list", order=25),
    NavItem("政策问答", "interaction_public:ask", order=26),
    NavItem("意见征集", "interaction_public:consultations", order=27),
]
