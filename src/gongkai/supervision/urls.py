from django.urls import path

from . import assessment_views, bulletin_views, views

app_name = "supervision"

urlpatterns = [
    path("", views.problem_list, name="list"),
    path("export.xlsx", views.export, name="export"),
    path("run/", views.run_now, name="run"),
    path("rules/", views.rule_catalogue, name="rules"),
    path("assessments/", assessment_views.round_list, name="assessments"),
    path("assessments/<int:pk>/", assessment_views.detail, name="assessment"),
    path("assessments/<int:pk>/act/", assessment_views.act, name="assessment_act"),
    path("assessments/<int:pk>/export.xlsx", assessment_views.export, name="assessment_export"),
    path(
        "assessments/<int:pk>/organs/<slug:slug>/",
        assessment_views.organ_sheet,
        name="assessment_organ",
    ),
    path("bulletins/", bulletin_views.bulletin_list, name="bulletins"),
    path("bulletins/new/", bulletin_views.compose, name="bulletin_new"),
    path("bulletins/<int:pk>/", bulletin_views.detail, name="bulletin"),
    path("bulletins/<int:pk>/act/", bulletin_views.act, name="bulletin_act"),
    path(
        "bulletins/<int:pk>/download.<str:fmt>",
        bulletin_views.download,
        name="bulletin_download",
    ),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/", views.act, name="act"),
]
