"""End-to-end fixtures: a real hub (pytest-django's live_server with the test content), the
front-ends as subprocesses pointed at it, and Debian's Chromium driven by Playwright."""

import os
from pathlib import Path

import pytest

from tests.conftest import HUB_CONTENT, hub_content_handles, import_files
from tests.harness.processes import CHROMIUM, CHROMIUM_ARGS, free_port, start_frontend, stop

# Playwright's sync API keeps an event loop in the main thread; Django's ORM calls in these
# tests (fixtures, drafts) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"NEEDS CHROMIUM: install Debian's chromium ({CHROMIUM} is missing): apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def hub_graphql_url(live_server):
    return live_server.url + "/graphql/"


@pytest.fixture(scope="session")
def frontends(hub_graphql_url, tmp_path_factory):
    """Base URLs of the website, subsite and KCC console, each its own process."""
    logs = tmp_path_factory.mktemp("frontend-logs")
    processes, urls = [], {}
    try:
        for instance in ("website", "subsite", "kcc"):
            port = free_port()
            processes.append(start_frontend(instance, port, hub_graphql_url, logs / f"{instance}.log"))
            urls[instance] = f"http://localhost:{port}"
        yield urls
    finally:
        for process in processes:
            stop(process)


@pytest.fixture
def app_frontend(hub_graphql_url, tmp_path):
    """The app in its own process, so a test can stop it to be really offline."""
    port = free_port()
    process = start_frontend("app", port, hub_graphql_url, tmp_path / "app.log")
    yield {"url": f"http://localhost:{port}", "process": process}
    stop(process)


@pytest.fixture
def wagtail_root(transactional_db):
    """The live server needs committed data, so each test ends with a flush, which also
    removes Wagtail's root page that a migration created: put it back."""
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(instance=Page(title="Root", slug="root", content_type=_page_content_type()))


def _page_content_type():
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    return ContentType.objects.get_for_model(Page)


@pytest.fixture
def committed_content(wagtail_root, tmp_path):
    """The test content, committed for the live server (loaded again for every test: the
    module-wide `hub_content` lives in a transaction the live server cannot see)."""
    import_files(HUB_CONTENT, tmp_path)


@pytest.fixture
def content(committed_content, frontends):
    return hub_content_handles()


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def axe_scan():
    """Run axe-core on the current page; returns serious and critical violations."""
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `npm ci` in the repository root")

    def scan(page):
        # Evaluated, not added as a <script> tag: the pages' Content-Security-Policy allows no
        # inline script without the page's nonce.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        return [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]

    return scan
