from django.urls import path

from . import views

app_name = "disclosure"

urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/<slug:slug>/", views.item_create, name="create"),
    path("preview/", views.body_preview, name="preview"),
    path("items/<int:pk>/", views.item_detail, name="detail"),
    path("items/<int:pk>/edit/", views.item_edit, name="edit"),
    path("items/<int:pk>/action/", views.item_action, name="action"),
    path("items/<int:pk>/attachments/", views.attachment_add, name="attach"),
    path("table2/<slug:slug>/<year:year>/", views.table2_view, name="table2"),
    path("timeliness/", views.timeliness_view, name="timeliness"),
    path("guide/<slug:slug>/", views.guide_edit, name="guide_edit"),
]
