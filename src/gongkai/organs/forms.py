from __future__ import annotations

from django import forms

from .models import Organ


class OrganForm(forms.ModelForm):
    """What an organ's administrator keeps up to date (the 公开指南 prints it)."""

    class Meta:
        model = Organ
        fields = [
            "name",
            "short_name",
            "credit_code",
            "office_name",
            "office_address",
            "office_postcode",
            "office_hours",
            "office_phone",
            "office_fax",
            "office_email",
        ]
