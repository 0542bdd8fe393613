"""Two hub instances on one database and one Redis (issue #20, docs/operations.md).

Each instance is its own gunicorn process with the GraphQL response cache on. A final editor
publishes and unpublishes through instance A's admin (signed in with a password, as a person
would); instance B, which had the page cached, answers the new state at once: never the old body,
never the old ETag.
"""

import os
import re
import subprocess
import sys

import httpx
import pytest

from tests.conftest import ROLE_PASSWORD, make_role_users
from tests.harness.processes import REPO_DIR, database_url, free_port, stop, wait_for_port

pytestmark = [pytest.mark.postgres, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

QUERY = 'query Paspoort { page(site: "deventer", path: "/producten/paspoort-aanvragen/") { title } }'


@pytest.fixture
def redis_url():
    url = os.environ.get("HUB_TEST_REDIS_URL")
    if not url:
        pytest.skip("NEEDS REDIS: run through `make test`, which starts it (HUB_TEST_REDIS_URL is unset)")
    return url


@pytest.fixture
def instances(redis_url, committed_content, tmp_path):
    from django.conf import settings

    location = settings.CACHES["default"]["LOCATION"]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.test",
        "DATABASE_URL": database_url(),
        "HUB_TEST_REDIS_URL": location,  # the same Redis database as this test process
        "PYTHONUNBUFFERED": "1",
    }
    processes, urls = [], []
    try:
        for name, workers in (("a", 2), ("b", 1)):
            port = free_port()
            log = open(tmp_path / f"hub-{name}.log", "w")  # noqa: SIM115 - closed with the process
            own = {
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": str(workers),
                "GUNICORN_ACCESS_LOG": "",
                "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / f"metrics-{name}"),
            }
            process = subprocess.Popen(  # noqa: S603 - our own gunicorn, with the production settings module
                [
                    str(os.path.join(os.path.dirname(sys.executable), "gunicorn")),
                    "hub.wsgi",
                    "-c",
                    "python:hub.gunicorn",
                ],
                cwd=REPO_DIR,
                env={**env, **own},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            processes.append(process)
            wait_for_port(port, process, timeout=60)
            urls.append(f"http://127.0.0.1:{port}")
        yield urls
    finally:
        for process in processes:
            stop(process)


def _get(client, base, etag=None):
    # Behind a load balancer every instance is asked under the same public name.
    headers = {"Accept": "application/json", "Host": "localhost"}
    if etag:
        headers["If-None-Match"] = etag
    return client.get(f"{base}/graphql/", params={"query": QUERY}, headers=headers)


def _title(response):
    body = response.json()
    page = (body.get("data") or {}).get("page")
    return page["title"] if page else [e["extensions"]["code"] for e in body["errors"]]


def _csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _sign_in(client, base, username):
    login = client.get(f"{base}/admin/login/")
    token = _csrf(login.text)
    answer = client.post(
        f"{base}/admin/login/",
        data={"csrfmiddlewaretoken": token, "username": username, "password": ROLE_PASSWORD, "next": "/admin/"},
        headers={"Referer": f"{base}/admin/login/"},
    )
    assert answer.status_code in (200, 302) and "sessionid" in client.cookies, answer.text[:500]


def _confirm(client, base, path):
    """GET a confirmation page of the admin and POST its form (with its CSRF token)."""
    form = client.get(f"{base}{path}")
    assert form.status_code == 200, (path, form.status_code)
    token = _csrf(form.text)
    done = client.post(
        f"{base}{path}",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}{path}"},
        follow_redirects=False,
    )
    assert done.status_code in (200, 302), (path, done.status_code, done.text[:300])


def test_a_publish_through_one_instance_is_served_by_the_other_at_once(instances):
    from content.models import ProductPage
    from content.signals import ensure_roles

    ensure_roles()
    make_role_users()
    a, b = instances
    page = ProductPage.objects.get(ref="product-paspoort")
    page.title = "Paspoort aanvragen of verlengen"
    page.save_revision()  # a draft: the public keeps the old title

    with httpx.Client(timeout=30) as public:
        first = _get(public, b)
        assert _title(first) == "Paspoort aanvragen"
        again = _get(public, b)
        assert 'cache;desc="hit"' in again.headers["Server-Timing"], again.headers
        assert again.headers["ETag"] == first.headers["ETag"]
        assert _get(public, b, etag=first.headers["ETag"]).status_code == 304
        # Instance A has its own process, but the same cache: it answers from it too.
        assert 'cache;desc="hit"' in _get(public, a).headers["Server-Timing"]

        with httpx.Client(timeout=30, follow_redirects=True) as editor:
            _sign_in(editor, a, "eindredacteur")
            _confirm(editor, a, f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}")
        page.refresh_from_db()
        assert page.title == "Paspoort aanvragen of verlengen" and not page.has_unpublished_changes

        published = _get(public, b, etag=first.headers["ETag"])
        assert published.status_code == 200, "instance B answered 304 for the old ETag after a publish"
        assert _title(published) == "Paspoort aanvragen of verlengen"
        assert published.headers["ETag"] != first.headers["ETag"]
        assert 'cache;desc="miss"' in published.headers["Server-Timing"]

        with httpx.Client(timeout=30, follow_redirects=True) as editor:
            _sign_in(editor, a, "eindredacteur")
            _confirm(editor, a, f"/admin/pages/{page.pk}/unpublish/")
        assert not ProductPage.objects.get(pk=page.pk).live
        for base in (b, a):
            gone = _get(public, base, etag=published.headers["ETag"])
            assert gone.status_code == 200 and _title(gone) == ["NOT_FOUND"], (base, gone.text[:300])

        # Instance A's two workers write their metrics to one folder; /metrics adds them up.
        for _ in range(6):
            _get(public, a)
        metrics = public.get(f"{a}/metrics").text
        counted = [
            float(line.rsplit(" ", 1)[1])
            for line in metrics.splitlines()
            if line.startswith("hub_graphql_requests_total{") and 'operation="Paspoort"' in line
        ]
        assert sum(counted) >= 8, metrics[:2000]


def test_a_signed_in_editor_is_never_served_from_the_response_cache(instances):
    from content.signals import ensure_roles

    ensure_roles()
    make_role_users()
    a, _ = instances
    with httpx.Client(timeout=30, follow_redirects=True) as editor:
        _sign_in(editor, a, "redacteur")
        for _ in range(2):
            answer = _get(editor, a)
            assert "cache;desc" not in answer.headers["Server-Timing"]
            assert "no-store" in answer.headers["Cache-Control"] or "private" in answer.headers["Cache-Control"]
