"""A real OpenID provider for the tests: `services/oidc/provider.mjs` (the certified
`oidc-provider` package from npm) on a free loopback port, and the hub's settings to use it.

Without Node or the npm package the tests that need it are skipped loudly; under CI=true that is
a failure (`npm ci` in .ci/test.sh installs the package)."""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.harness.processes import REPO_DIR, stop

PROVIDER = REPO_DIR / "services" / "oidc" / "provider.mjs"
CLIENT_ID = "contenthub"
CLIENT_SECRET = "contenthub-test-secret"  # noqa: S105 - a test provider on loopback
# Provider groups as a gemeente's directory would call them, and the hub's roles they give.
GROUP_MAP = {
    "gg-webredactie": "Webredacteuren",
    "gg-eindredactie": ["Eindredacteuren"],
    "gg-redactie-verkeer": "Redacteuren verkeer",
    "gg-kcc": "KCC-medewerkers",
}
USERS = {
    "wim": {"email": "wim@gemeente.example", "name": "Wim Webredacteur", "groups": ["gg-webredactie", "gg-alle"]},
    "eva": {"email": "eva@gemeente.example", "name": "Eva Eindredacteur", "groups": ["gg-eindredactie"]},
    "vera": {"email": "vera@gemeente.example", "name": "Vera Verkeer", "groups": ["gg-redactie-verkeer"]},
    "karim": {"email": "karim@gemeente.example", "name": "Karim KCC", "groups": ["gg-kcc"]},
    "sam": {"email": "sam@gemeente.example", "name": "Sam Stagiair", "groups": ["gg-alle"]},
}


def _unavailable(reason: str):
    message = f"NEEDS NODE AND oidc-provider: {reason} (run `npm ci`)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class Provider:
    issuer: str
    users_file: Path
    process: subprocess.Popen

    def set_users(self, users: dict) -> None:
        """Rewrite the directory; the provider reads it at every sign-in."""
        self.users_file.write_text(json.dumps(users))

    def set_groups(self, login: str, groups: list[str]) -> None:
        users = json.loads(self.users_file.read_text())
        users[login]["groups"] = groups
        self.set_users(users)

    def settings(self, settings) -> None:
        """Point the hub (Django's `settings` fixture) at this provider."""
        discovery = httpx.get(self.issuer + "/.well-known/openid-configuration").json()
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_ISSUER = discovery["issuer"]
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovery["authorization_endpoint"]
        settings.OIDC_OP_TOKEN_ENDPOINT = discovery["token_endpoint"]
        settings.OIDC_OP_USER_ENDPOINT = discovery["userinfo_endpoint"]
        settings.OIDC_OP_JWKS_ENDPOINT = discovery["jwks_uri"]
        settings.HUB_OIDC_GROUP_MAP = GROUP_MAP
        settings.AUTHENTICATION_BACKENDS = [
            "django.contrib.auth.backends.ModelBackend",
            "hub.oidc.backend.HubOIDCBackend",
        ]


def start_provider(tmp_dir: Path, redirect_uris: list[str]) -> Provider:
    node = shutil.which("node")
    if node is None:
        _unavailable("node is not installed")
    if not (REPO_DIR / "node_modules" / "oidc-provider").exists():
        _unavailable("node_modules/oidc-provider is missing")
    users_file = tmp_dir / "users.json"
    users_file.write_text(json.dumps(USERS))
    args = [node, str(PROVIDER), "--port", "0", "--users", str(users_file)]
    args += ["--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET]
    for uri in redirect_uris:
        args += ["--redirect-uri", uri]
    log = open(tmp_dir / "provider.log", "w+")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(args, cwd=REPO_DIR, stdout=subprocess.PIPE, stderr=log, text=True)  # noqa: S603
    line = process.stdout.readline()
    if not line.startswith("OIDC_PROVIDER_READY "):
        stop(process)
        log.seek(0)
        raise RuntimeError(f"the OpenID provider did not start: {line!r} {log.read()[-2000:]}")
    return Provider(issuer=line.split()[1], users_file=users_file, process=process)
