from django.urls import path

from . import views

urlpatterns = [
    path("", views.start, name="console_sign_in"),
    path("token/", views.token, name="console_token"),
    path("intrekken/", views.revoke, name="console_revoke"),
]
