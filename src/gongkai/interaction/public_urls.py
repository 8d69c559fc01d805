from django.urls import path

from .views import consultations, public, qa

app_name = "interaction_public"

urlpatterns = [
    path("", public.shown_list, name="shown_list"),
    path("write/", public.write, name="write"),
    path("ask/", qa.ask, name="ask"),
    path("consultations/", consultations.public_list, name="consultations"),
    path("consultations/<int:pk>/", consultations.public_detail, name="consultation"),
    path(
        "consultations/<int:pk>/files/<int:file_id>/",
        consultations.public_file,
        name="consultation_file",
    ),
    path("done/", public.done, name="done"),
    path("status/", public.status, name="status"),
    path("shown/<str:number>/", public.shown, name="shown"),
    path("<str:number>/", public.follow, name="follow"),
    path("<str:number>/application/", public.application, name="application"),
]
