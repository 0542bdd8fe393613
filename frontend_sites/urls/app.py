from django.urls import path

from ..views import app
from .website import handler400, handler403, handler404, handler500  # noqa: F401
from .website import urlpatterns as website_urlpatterns

urlpatterns = [
    path("manifest.webmanifest", app.manifest, name="manifest"),
    path("sw.js", app.service_worker, name="service_worker"),
    path("offline/", app.offline, name="offline"),
    path("app/sync/", app.sync, name="sync"),
    *website_urlpatterns,
]
