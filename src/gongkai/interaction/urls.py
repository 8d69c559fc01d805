from django.urls import path

from .views import consultations, office, qa

app_name = "interaction"

urlpatterns = [
    path("", office.message_list, name="list"),
    path("qa/", qa.office, name="qa"),
    path("consultations/", consultations.office_list, name="consultations"),
    path("consultations/new/<slug:slug>/", consultations.office_create, name="consultation_new"),
    path("consultations/<int:pk>/", consultations.office_detail, name="consultation"),
    path("consultations/<int:pk>/act/", consultations.office_act, name="consultation_act"),
    path("qa/faq/", qa.faq_save, name="faq_save"),
    path("qa/synonyms/", qa.synonym_save, name="synonym_save"),
    path("settings/<slug:slug>/", office.reply_settings, name="settings"),
    path("<str:number>/", office.detail, name="detail"),
    path("<str:number>/act/", office.act, name="act"),
    path("<str:number>/files/<int:file_id>/", office.file, name="file"),
]
