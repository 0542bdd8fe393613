"""Screenshots of every page type at phone (390 px) and desktop (1280 px) width.

Starts a hub on a scratch SQLite database with demo content, the four front-ends, and
Debian's Chromium; writes PNGs into docs/screenshots/. Run from the repository root:

    .venv/bin/python scripts/screenshots.py
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.harness.processes import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    start_frontend,
    stop,
    wait_for_port,
)

OUT = REPO / "docs" / "screenshots"
PY = sys.executable
DEMO = REPO / "content" / "demo" / "deventer.json"
# Without the demo file: the test fixtures (the draft first, as content.json links to it).
FIXTURES = [
    (REPO / "tests" / "fixtures" / name, publish)
    for name, publish in (("sites.json", True), ("draft.json", False), ("content.json", True))
]
WIDTHS = {"phone": 390, "desktop": 1280}
PREVIEW_CODE = """
from content.models import ProductPage
page = ProductPage.objects.live().order_by("id").first()
page.title = page.title + " (nieuwe versie)"
page.save_revision()
print("TOKEN=" + page.create_page_preview().token)
"""
STAFF_SETUP_CODE = """
from django.contrib.auth.models import Group, User
from content.signals import KCC_GROUP, ensure_roles
from wagtail.models import APIToken
ensure_roles()
user, _ = User.objects.get_or_create(username="kcc-screenshots")
user.groups.add(Group.objects.get(name=KCC_GROUP))
print("TOKEN=" + APIToken.create_token(user=user, name="screenshots")[1])
"""


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [PY, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def token_from(output: str) -> str:
    return next(line[6:] for line in output.splitlines() if line.startswith("TOKEN="))


def first_paths(hub_url: str, site: str) -> dict[str, str]:
    """One path per page type, read from the hub's API."""
    import httpx

    query = """query($site: String!) { pages(site: $site, first: 100) { nodes { contentType site path
               ... on ArticlePage { kind } ... on ProductPage { sections { section } } } } }"""
    response = httpx.post(hub_url, json={"query": query, "variables": {"site": site}})
    nodes = [n for n in response.json()["data"]["pages"]["nodes"] if n["site"] == site]
    # The richest product page shows the most of the design.
    nodes.sort(key=lambda n: -len(n.get("sections") or []))
    paths: dict[str, str] = {}
    for node in nodes:
        key = node["contentType"] if node["contentType"] != "article" else node.get("kind") or "article"
        paths.setdefault(key, node["path"])
    return paths


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="fe-screenshots-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{scratch / 'demo.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
        "HUB_VAR_DIR": str(scratch),
    }
    manage(env, "migrate", "--noinput", "-v0")
    sources = [(DEMO, True)] if DEMO.exists() else FIXTURES
    for source, publish in sources:
        manage(env, "import_content", str(source), *(["--publish"] if publish else []))
    preview_token = token_from(manage(env, "shell", "-c", PREVIEW_CODE))
    staff_token = token_from(manage(env, "shell", "-c", STAFF_SETUP_CODE))

    hub_port = free_port()
    hub_log = open(scratch / "hub.log", "w")  # noqa: SIM115
    hub = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [PY, "manage.py", "runserver", str(hub_port), "--noreload"],
        cwd=REPO,
        env=env,
        stdout=hub_log,
        stderr=subprocess.STDOUT,
    )
    processes = [hub]
    try:
        wait_for_port(hub_port, hub, timeout=60)
        hub_url = f"http://localhost:{hub_port}/graphql/"
        ports = {}
        for instance in ("website", "subsite", "app", "kcc"):
            ports[instance] = free_port()
            processes.append(start_frontend(instance, ports[instance], hub_url, scratch / f"{instance}.log"))
        shots = plan(hub_url, ports, preview_token)
        take(shots, ports, staff_token)
    finally:
        for process in reversed(processes):
            stop(process)
    sys.stdout.write(f"Screenshots written to {OUT.relative_to(REPO)}/ (logs in {scratch})\n")
    return 0


def plan(hub_url: str, ports: dict, preview_token: str) -> list[tuple[str, str, str]]:
    """(name, instance, path) of every screenshot."""
    main_paths = first_paths(hub_url, "deventer")
    sub_paths = first_paths(hub_url, "verkeer")
    shots = [("website-home", "website", "/")]
    section = "/" + main_paths["product"].strip("/").split("/")[0] + "/"
    shots.append(("website-section", "website", section))
    for key in ("product", "answer", "nieuws", "werkzaamheden"):
        if key in main_paths:
            shots.append((f"website-{key}", "website", main_paths[key]))
    shots += [
        ("website-search", "website", "/zoeken/?q=paspoort"),
        ("website-search-no-results", "website", "/zoeken/?q=xyzzyqq"),
        ("website-404", "website", "/bestaat-niet/"),
        ("website-preview", "website", f"/preview/?content_type=content.productpage&token={preview_token}"),
        ("website-preview-expired", "website", "/preview/?token=verlopen"),
        ("subsite-home", "subsite", "/"),
    ]
    if "werkzaamheden" in sub_paths:
        shots.append(("subsite-werkzaamheden", "subsite", sub_paths["werkzaamheden"]))
    shots += [
        ("app-home", "app", "/"),
        ("app-product", "app", main_paths["product"]),
        ("kcc-sign-in", "kcc", "/inloggen/"),
        ("kcc-search", "kcc", "/?q=paspoort"),
    ]
    if "answer" in main_paths:
        shots.append(("kcc-answer", "kcc", "ANSWER"))
    (OUT / "index.json").write_text(json.dumps([s[0] for s in shots], indent=1) + "\n")
    return shots


def take(shots, ports: dict, staff_token: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, width in WIDTHS.items():
            context = browser.new_context(
                viewport={"width": width, "height": 900}, locale="nl-NL", device_scale_factor=1
            )
            page = context.new_page()
            page.goto(f"http://localhost:{ports['kcc']}/inloggen/")
            page.fill("#token", staff_token)
            page.click("button[type=submit]")
            for name, instance, path in shots:
                if path == "ANSWER":
                    page.goto(f"http://localhost:{ports['kcc']}/?q=paspoort")
                    page.locator(".search-hit__title a[href^='/antwoord/answer']").first.click()
                elif name == "kcc-sign-in":
                    sign_in = browser.new_context(viewport={"width": width, "height": 900}).new_page()
                    sign_in.goto(f"http://localhost:{ports[instance]}{path}")
                    sign_in.screenshot(path=OUT / f"{name}-{label}.png", full_page=True)
                    sign_in.context.close()
                    continue
                else:
                    page.goto(f"http://localhost:{ports[instance]}{path}")
                page.screenshot(path=OUT / f"{name}-{label}.png", full_page=True)
            context.close()
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
