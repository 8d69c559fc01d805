"""WSGI entry point: ``gunicorn gongkai.config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.config.settings")
application = get_wsgi_application()
