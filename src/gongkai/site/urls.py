"""The site's own pages: 工作台, organs and their people, background jobs, the portal's home."""

from django.urls import path

from . import jobs_views, people, views

app_name = "site"

urlpatterns = [
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
]
