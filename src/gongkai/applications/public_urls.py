from django.urls import path

from .views import public

app_name = "applications_public"

urlpatterns = [
    path("", public.apply, name="apply"),
    path("done/", public.apply_done, name="apply_done"),
    path("status/", public.status, name="status"),
    path("<str:number>/", public.follow, name="follow"),
    path("<str:number>/withdraw/", public.withdraw, name="withdraw"),
    path("<str:number>/files/<int:file_id>/", public.file, name="file"),
]
