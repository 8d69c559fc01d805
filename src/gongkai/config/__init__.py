"""Settings, root URLs and the WSGI/ASGI entry points."""
