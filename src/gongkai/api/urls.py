"""The JSON API under ``/api/`` (``gongkai.api.root``)."""

from django.urls import path

from .root import api

urlpatterns = [path("", api.urls)]
