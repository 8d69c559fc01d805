from django.urls import path

from .views import public
from .views.documents import applicant_notice, applicant_reply
from .views.receipt import download as receipt_download

app_name = "applications_public"

urlpatterns = [
    path("", public.apply, name="apply"),
    path("done/", public.apply_done, name="apply_done"),
    path("done/receipt/", receipt_download, name="apply_receipt"),
    path("status/", public.status, name="status"),
    path("<str:number>/", public.follow, name="follow"),
    path("<str:number>/withdraw/", public.withdraw, name="withdraw"),
    path("<str:number>/correction/", public.correct, name="correct"),
    path("<str:number>/files/<int:file_id>/", public.file, name="file"),
    path("<str:number>/notices/<int:notice_id>.pdf", applicant_notice, name="notice_pdf"),
    path("<str:number>/reply.pdf", applicant_reply, name="reply_pdf"),
]
