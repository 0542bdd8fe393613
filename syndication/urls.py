"""Open data under /open/ (included once from hub/urls.py)."""

from django.urls import path

from . import views

app_name = "open"
urlpatterns = [
    path("", views.open_data_index, name="open_data"),
    path("samenwerkende-catalogi.xml", views.samenwerkende_catalogi, name="sc_feed"),
    path("pages.json", views.pages_export, name="pages_export"),
]
