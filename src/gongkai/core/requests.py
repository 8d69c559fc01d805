"""Request types for views that only a signed-in user reaches (for type checking only).

``request.user`` is ``User | AnonymousUser`` on a plain ``HttpRequest``; behind
``login_required`` (or the API's authentication) it is always a ``User``. A view says so
by annotating its request as ``AuthenticatedHttpRequest``. At run time the name is
``HttpRequest`` itself, so nothing that reads annotations (django-ninja) sees a change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    class AuthenticatedHttpRequest(HttpRequest):
        user: User

else:
    AuthenticatedHttpRequest = HttpRequest

__all__ = ["AuthenticatedHttpRequest"]
