"""URLs for the benchmark settings: our API, wagtail-grapple and Wagtail's REST API v2 on one server."""

from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from wagtail import urls as wagtail_urls
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from api.views import graphql_view
from bench.wiring import grapple_schema
from hub.health import database_only as health

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("graphql/", graphql_view, name="graphql"),
    # grapple's own urls.py would serve the default GRAPHENE schema, which is ours: name its schema.
    path("grapple/", csrf_exempt(GraphQLView.as_view(schema=grapple_schema())), name="grapple_graphql"),
    path("api/v2/", api_router.urls),
    path("health/", health, name="health"),
    # Page.url (grapple's `url`, the REST API's `html_url`) reverses Wagtail's serve view.
    path("", include(wagtail_urls)),
]
