from django.urls import path

from . import views

app_name = "workcalendar"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("year/", views.year_view, name="year_current"),
    path("year/<int:year>/", views.year_view, name="year"),
    path("notices/new/", views.notice_edit, name="notice_new"),
    path("notices/<int:year>/", views.notice_edit, name="notice_edit"),
    path("overrides/new/", views.override_new, name="override_new"),
    path("overrides/<str:date>/remove/", views.override_remove, name="override_remove"),
]
