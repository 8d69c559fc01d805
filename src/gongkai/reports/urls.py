from django.urls import path

from .views import downloads, rollup, workspace

app_name = "reports"

urlpatterns = [
    path("", workspace.index, name="index"),
    path("rollup/<slug:slug>/<year:year>/", rollup.rollup_page, name="rollup"),
    path("rollup/<slug:slug>/<year:year>/import/", rollup.import_files, name="import"),
    path("rollup/<slug:slug>/<year:year>/matrix.xlsx", rollup.matrix_xlsx, name="matrix_xlsx"),
    path(
        "rollup/<slug:slug>/<year:year>/sum-<str:scope>.<str:fmt>",
        rollup.sum_download,
        name="sum_download",
    ),
    path("imports/<int:pk>/", rollup.import_job_page, name="import_job"),
    path("imported/<int:pk>/", rollup.imported_page, name="imported"),
    path("imported/<int:pk>/assign/", rollup.assign, name="assign"),
    path("<slug:slug>/<year:year>/", workspace.workspace, name="workspace"),
    path("<slug:slug>/<year:year>/start/", workspace.start, name="start"),
    path("<slug:slug>/<year:year>/save/", workspace.save, name="save"),
    path("<slug:slug>/<year:year>/check/", workspace.check_page, name="check"),
    path("<slug:slug>/<year:year>/check/decide/", workspace.decide, name="decide"),
    path("<slug:slug>/<year:year>/table2/", workspace.table2, name="table2"),
    path("<slug:slug>/<year:year>/publish/", workspace.confirm_publish, name="confirm_publish"),
    path("<slug:slug>/<year:year>/actions/<str:action>/", workspace.act, name="act"),
    path("<slug:slug>/<year:year>/download.<str:fmt>", downloads.download, name="download"),
]
