from django.urls import path

from . import views

app_name = "supervision"

urlpatterns = [
    path("", views.problem_list, name="list"),
    path("export.xlsx", views.export, name="export"),
    path("run/", views.run_now, name="run"),
    path("rules/", views.rule_catalogue, name="rules"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/act/", views.act, name="act"),
]
