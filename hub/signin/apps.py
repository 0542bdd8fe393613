from django.apps import AppConfig


class SignInConfig(AppConfig):
    name = "hub.signin"
    label = "hub_signin"
    verbose_name = "Aanmelden"

    def ready(self):
        from . import throttle  # noqa: F401 - connects the per-account delay to the sign-in signals
