from django.apps import AppConfig


class SignInConfig(AppConfig):
    name = "hub.signin"
    label = "hub_signin"
    verbose_name = "Aanmelden"

    def ready(self):
        from . import checks, throttle  # noqa: F401 - registers the check, connects the per-account delay
