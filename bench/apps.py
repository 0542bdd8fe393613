from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Listed before `grapple` in bench.settings: its ready() must run before grapple builds its types."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"

    def ready(self):
        from .wiring import expose_models

        expose_models()
