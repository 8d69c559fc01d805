from django.urls import path

from .views import bulk, detail, documents, letter, queue, register, repeats, stats, supervise
from .views import ledger as ledger_views

app_name = "applications"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("register/", register.register, name="register"),
    path("assign/", bulk.assign, name="assign"),
    path("print/", bulk.print_notices, name="print"),
    path("supervise/", supervise.supervise, name="supervise"),
    path("stats/<slug:slug>/<year:year>/", stats.table, name="stats"),
    path(
        "stats/<slug:slug>/<year:year>/appeals/<str:group>/<str:column>/",
        stats.appeal_cell,
        name="stats_appeal_cell",
    ),
    path("stats/<slug:slug>/<year:year>/<str:row>/<str:column>/", stats.cell, name="stats_cell"),
    path("ledger/", ledger_views.ledger_page, name="ledger"),
    path("ledger.xlsx", ledger_views.export, {"fmt": "xlsx"}, name="ledger_xlsx"),
    path("ledger.csv", ledger_views.export, {"fmt": "csv"}, name="ledger_csv"),
    path("<str:number>/", detail.detail, name="detail"),
    path("<str:number>/actions/<str:action>/", detail.act, name="act"),
    path("<str:number>/repeat/", repeats.repeat, name="repeat"),
    path("<str:number>/appeals/", detail.appeal, name="appeal"),
    path("<str:number>/appeals/<int:appeal_id>/", detail.decide_appeal, name="decide_appeal"),
    path("<str:number>/letter.<str:fmt>", letter.letter, name="letter"),
    path(
        "<str:number>/notices/<int:notice_id>.<str:fmt>",
        documents.staff_notice,
        name="notice_document",
    ),
    path("<str:number>/files/<int:file_id>/", detail.file, name="file"),
]
