"""The Django project: settings, urls, wsgi/asgi, the page shell and its security middleware."""
