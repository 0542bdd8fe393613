from django.urls import path, re_path

from ..views import pages, preview, search, statements

handler400 = "frontend_sites.views.errors.bad_request"
handler403 = "frontend_sites.views.errors.permission_denied"
handler404 = "frontend_sites.views.errors.not_found"
handler500 = "frontend_sites.views.errors.server_error"

urlpatterns = [
    path("", pages.home, name="home"),
    path("zoeken/", search.search_page, name="search"),
    path("zoeken/suggesties/", search.suggestions, name="search_suggestions"),
    path("preview/", preview.preview, name="preview"),
    path("robots.txt", pages.robots, name="robots"),
    path("sitemap.xml", pages.sitemap, name="sitemap"),
    path(".well-known/security.txt", statements.security_txt, name="security_txt"),
    path("toegankelijkheidsverklaring/", statements.accessibility_statement, name="accessibility_statement"),
    re_path(r"^(?P<path>(?!static/).+)$", pages.hub_page, name="page"),
]
