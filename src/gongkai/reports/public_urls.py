from django.urls import path

from .views import public

app_name = "reports_public"

urlpatterns = [
    path("", public.index, name="index"),
    path("report.css", public.css, name="css"),
    path("<slug:slug>/", public.organ_reports, name="organ"),
    path("<slug:slug>/<year:year>/", public.report_page, name="report"),
    path("<slug:slug>/<year:year>/download.<str:fmt>", public.report_file, name="file"),
]
