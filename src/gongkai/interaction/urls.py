from django.urls import path

from .views import office, qa

app_name = "interaction"

urlpatterns = [
    path("", office.message_list, name="list"),
    path("qa/", qa.office, name="qa"),
    path("qa/faq/", qa.faq_save, name="faq_save"),
    path("qa/synonyms/", qa.synonym_save, name="synonym_save"),
    path("settings/<slug:slug>/", office.reply_settings, name="settings"),
    path("<str:number>/", office.detail, name="detail"),
    path("<str:number>/act/", office.act, name="act"),
    path("<str:number>/files/<int:file_id>/", office.file, name="file"),
]
