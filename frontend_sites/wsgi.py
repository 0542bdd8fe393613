"""WSGI entry point, e.g. `gunicorn frontend_sites.wsgi` with FRONTEND_INSTANCE set."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontend_sites.settings")
application = get_wsgi_application()
