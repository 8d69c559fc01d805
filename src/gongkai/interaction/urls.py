from django.urls import path

from .views import office

app_name = "interaction"

urlpatterns = [
    path("", office.message_list, name="list"),
    path("settings/<slug:slug>/", office.reply_settings, name="settings"),
    path("<str:number>/", office.detail, name="detail"),
    path("<str:number>/act/", office.act, name="act"),
    path("<str:number>/files/<int:file_id>/", office.file, name="file"),
]
