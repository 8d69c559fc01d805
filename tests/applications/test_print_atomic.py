"""Bulk printing marks notices printed only together with the PDF that carries them."""

from __future__ import annotations

import pytest
from django.test import Client

from gongkai.applications import outbox
from gongkai.applications.models import CaseEvent, Notice
from gongkai.applications.workflow import State

from .factories import Staff, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


def test_a_pdf_that_cannot_be_made_leaves_every_notice_to_print(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = Staff()
    posted = [make_case(staff, State.CLOSED, delivery_method="post") for _ in range(2)]
    Notice.objects.filter(application__in=posted).update(status=Notice.Status.PENDING)

    def broken(notices: list[Notice]) -> bytes:
        raise OSError("字体文件损坏")

    monkeypatch.setattr(outbox, "_pdf", broken)
    with pytest.raises(OSError):
        outbox.print_notices(posted, staff.officer)
    assert set(Notice.objects.filter(application__in=posted).values_list("status", flat=True)) == {
        Notice.Status.PENDING
    }
    assert not CaseEvent.objects.filter(action="notices_printed").exists()
