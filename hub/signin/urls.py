from django.urls import path

from . import views

app_name = "hub_signin"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("instellen/", views.setup, name="setup"),
    path("wissen/<int:user_id>/", views.reset, name="reset"),
]
