from django.urls import path

from .views import HubOIDCCallbackView, HubOIDCRequestView

urlpatterns = [
    path("callback/", HubOIDCCallbackView.as_view(), name="oidc_authentication_callback"),
    path("authenticate/", HubOIDCRequestView.as_view(), name="oidc_authentication_init"),
]
