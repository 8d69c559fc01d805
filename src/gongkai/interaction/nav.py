from gongkai.site.nav import NavItem

OFFICE = [
    NavItem("网民留言", "interaction:list", order=15, visible=lambda u: u.is_authenticated),
]
PORTAL = [
    NavItem("网民留言", "interaction_public:shown_list", order=25),
]
