import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load_production(env):
    code = "import django; django.setup()"
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**clean, "DJANGO_SETTINGS_MODULE": "hub.settings.production", **env},
        check=False,
    )


def test_production_refuses_to_start_without_its_required_variables():
    full = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "hub.example.nl", "DATABASE_URL": "postgres://u:p@db/hub"}
    for missing in full:
        result = _load_production({k: v for k, v in full.items() if k != missing})
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_production_starts_with_them_and_switches_off_graphiql_and_introspection():
    full = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "hub.example.nl", "DATABASE_URL": "postgres://u:p@db/hub"}
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.HUB_GRAPHQL['GRAPHIQL'], s.HUB_GRAPHQL['INTROSPECTION'])"
    )
    clean = {k: v for k, v in os.environ.items() if k not in full}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**clean, **full, "DJANGO_SETTINGS_MODULE": "hub.settings.production"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False"]
