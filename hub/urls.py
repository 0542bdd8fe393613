from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api.views import graphql_view
from hub import health as health_checks
from hub.metrics import metrics
from hub.views import security_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("graphql/", graphql_view, name="graphql"),
    path("health/", health_checks.database_only, name="health"),
    path("health/live", health_checks.live, name="health_live"),
    path("health/ready", health_checks.ready, name="health_ready"),
    path("metrics", metrics, name="metrics"),
    path("oidc/", include("hub.oidc.urls")),
    path("inloggen/kcc/", include("api.console.urls")),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    path("open/", include("syndication.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
