"""A database that does not answer (a restart, a fail-over) gives a clear 503, not a 500
(docs/operations.md, "Faults"). The GraphQL endpoint answers its own JSON error with the code
DATABASE_UNAVAILABLE (api/views.py); every other page, the admin included, gets this Dutch page
with `Retry-After`. The change that was being made is not saved: Django and Wagtail write a page,
its revision and its outbox tasks in one transaction, so nothing is half-written."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse

from api.errors import DATABASE_UNAVAILABLE as CODE
from api.errors import RETRY_AFTER_SECONDS

logger = logging.getLogger("hub.unavailable")
PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Even niet bereikbaar</title></head>
<body><main><h1>De contenthub is even niet bereikbaar</h1>
<p>De database antwoordt nu niet. Uw laatste wijziging is niet opgeslagen.
Wacht een paar seconden en probeer het dan opnieuw.</p>
<p>Foutcode: DATABASE_UNAVAILABLE</p></main></body></html>
"""


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable during %s %s: %s", request.method, request.path, type(exception).__name__)
        response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["X-Hub-Error-Code"] = CODE
        response["Cache-Control"] = "no-store"
        return response
