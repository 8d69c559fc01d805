"""The site's URLs. Add your app's line here (see docs/develop.md, 加入一个应用)."""

from django.contrib import admin
from django.urls import include, path

from gongkai.api.root import api
from gongkai.site import jobs_views, people, views

admin.site.site_header = "公开（Gongkai）系统管理"
admin.site.site_title = "公开（Gongkai）系统管理"
admin.site.index_title = "数据管理"

site_patterns = (
    [
        path("office/", views.home, name="home"),
        path("office/jobs/", jobs_views.jobs, name="jobs"),
        path("office/jobs/run/", jobs_views.run_now, name="jobs_run"),
        path("office/organs/<slug:slug>/", views.organ_detail, name="organ"),
        path("office/organs/<slug:slug>/edit/", views.organ_edit, name="organ_edit"),
        path("office/organs/<slug:slug>/people/", people.people_list, name="organ_people"),
        path("office/organs/<slug:slug>/people/add/", people.person_add, name="person_add"),
        path("office/organs/<slug:slug>/people/new/", people.person_new, name="person_new"),
        path(
            "office/organs/<slug:slug>/people/<str:username>/",
            people.person_edit,
            name="person_edit",
        ),
        path(
            "office/organs/<slug:slug>/people/<str:username>/remove/",
            people.person_remove,
            name="person_remove",
        ),
        path(
            "office/organs/<slug:slug>/people/<str:username>/unlock/",
            people.person_unlock,
            name="person_unlock",
        ),
        path(
            "office/organs/<slug:slug>/people/<str:username>/password/",
            people.person_password_shown,
            name="person_password_shown",
        ),
        path(
            "office/organs/<slug:slug>/people/<str:username>/reset-password/",
            people.person_reset_password,
            name="person_reset_password",
        ),
        path("", views.public_home, name="public_home"),
    ],
    "site",
)

urlpatterns = [
    path("accounts/", include("gongkai.accounts.urls")),
    path("office/calendar/", include("gongkai.workcalendar.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("office/applications/", include("gongkai.applications.urls")),
    path("apply/", include("gongkai.applications.public_urls")),
    path("office/disclosure/", include("gongkai.disclosure.urls")),
    path("office/messages/", include("gongkai.interaction.urls")),
    path("office/supervision/", include("gongkai.supervision.urls")),
    path("messages/", include("gongkai.interaction.public_urls")),
    path("office/reports/", include("gongkai.reports.urls")),
    path("reports/", include("gongkai.reports.public_urls")),
    path("", include("gongkai.portal.urls")),
    path("", include(site_patterns)),
]

handler400 = "gongkai.site.views.bad_request"
handler403 = "gongkai.site.views.forbidden"
handler404 = "gongkai.site.views.not_found"
handler500 = "gongkai.site.views.server_error"
