"""No Content-Security-Policy violation on any page type: the admin (every page type's editor and
the main listings), GraphiQL, and every front-end. Chromium reports each blocked script, style,
image, frame or form as a `securitypolicyviolation` event; the test records them all."""

import pytest

pytestmark = pytest.mark.browser

RECORD = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""
PASSWORD = "csp-test-wachtwoord-1"  # noqa: S105 - test account

FRONTEND_PAGES = [
    ("website", "/"),
    ("website", "/producten/"),
    ("website", "/producten/paspoort-aanvragen/"),
    ("website", "/vraag-en-antwoord/wat-doe-ik-als-mijn-paspoort-kwijt-is/"),
    ("website", "/nieuws/stadhuis-langer-open/"),
    ("website", "/zoeken/?q=paspoort"),
    ("website", "/bestaat-niet/"),
    ("website", "/en/"),
    ("website", "/toegankelijkheidsverklaring/"),
    ("website", "/.well-known/security.txt"),
    ("website", "/preview/?token=verlopen"),
    ("subsite", "/"),
    ("subsite", "/werkzaamheden/werkzaamheden-op-de-brink/"),
    ("kcc", "/inloggen/"),
    ("kcc", "/toegankelijkheidsverklaring/"),
]


@pytest.fixture
def recording_page(chromium):
    context = chromium.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    page = context.new_page()
    page.set_default_timeout(20_000)
    console = []
    page.on("console", lambda message: "Content Security Policy" in message.text and console.append(message.text))
    yield page, console
    context.close()


def _visit(page, url, problems, console):
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)  # violations are reported asynchronously
    found = page.evaluate("window.__cspViolations || []") + console
    if found:
        problems[url] = list(found)
    console.clear()


def test_no_front_end_page_type_violates_its_policy(content, frontends, recording_page, staff_token, app_frontend):
    from content.models import ProductPage

    page, console = recording_page
    problems = {}
    for instance, path in FRONTEND_PAGES:
        _visit(page, frontends[instance] + path, problems, console)
    token = ProductPage.objects.get(ref="product-paspoort").create_page_preview().token
    _visit(page, f"{frontends['website']}/preview/?token={token}", problems, console)
    # The suggestions script runs while typing.
    page.goto(frontends["website"] + "/zoeken/")
    page.locator("input[name=q]").first.fill("pasp")
    page.wait_for_timeout(400)
    problems.update({"typing": found} if (found := page.evaluate("window.__cspViolations") + console) else {})
    console.clear()

    page.goto(frontends["kcc"] + "/inloggen/")
    # The code form may sit in a closed <details> (when the console also signs in through the hub).
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.get_by_label("Uw code").fill(staff_token)
    page.locator("form[action='/inloggen/'] button[type=submit]").click()
    page.wait_for_load_state("load")
    for path in ("/", "/?q=paspoort", "/antwoord/answer-paspoort-kwijt/", "/antwoord/product-paspoort/"):
        _visit(page, frontends["kcc"] + path, problems, console)

    # The app: its pages, the offline page, the manifest and the service worker it registers.
    for path in ("/", "/producten/paspoort-aanvragen/", "/offline/", "/toegankelijkheidsverklaring/"):
        _visit(page, app_frontend["url"] + path, problems, console)
    assert problems == {}


def test_no_admin_page_type_and_not_graphiql_violates_the_policy(live_server, committed_content, recording_page):
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from content.models import Keyword

    get_user_model().objects.create_superuser("csp-beheerder", "csp@example.org", PASSWORD)
    page, console = recording_page
    base = live_server.url
    problems = {}
    _visit(page, f"{base}/admin/login/", problems, console)
    page.fill("input[name=username]", "csp-beheerder")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    one_page_of_each_type = {}
    for wagtail_page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        one_page_of_each_type.setdefault(type(wagtail_page).__name__, wagtail_page)
    assert {"ProductPage", "AnswerPage", "ArticlePage"} <= set(one_page_of_each_type)
    paths = ["/admin/", "/admin/pages/", "/admin/pages/search/?q=paspoort", "/admin/users/", "/admin/groups/"]
    paths += ["/admin/images/", "/admin/documents/", "/admin/snippets/", "/admin/reports/locked/"]
    paths += ["/admin/workflows/list/", "/admin/account/", "/admin/sites/", "/admin/redirects/"]
    for wagtail_page in one_page_of_each_type.values():
        paths += [f"/admin/pages/{wagtail_page.pk}/edit/", f"/admin/pages/{wagtail_page.pk}/"]
        paths.append(f"/admin/pages/{wagtail_page.pk}/history/")
    if keyword := Keyword.objects.first():
        paths.append(f"/admin/snippets/content/keyword/edit/{keyword.pk}/")
    user = get_user_model().objects.get(username="csp-beheerder")
    paths += [f"/admin/users/edit/{user.pk}/", f"/admin/tweede-stap/wissen/{user.pk}/"]
    for path in paths:
        _visit(page, base + path, problems, console)

    # GraphiQL, where it is on (development): its CDN scripts may be unreachable here, which is not
    # a policy violation; a blocked one would be.
    page.goto(f"{base}/graphql/", wait_until="domcontentloaded")
    page.wait_for_timeout(300)
    if found := page.evaluate("window.__cspViolations") + console:
        problems["/graphql/"] = found
    assert problems == {}, "\n".join(f"{url}: {v}" for url, found in problems.items() for v in found)


def test_the_second_step_in_a_browser_without_policy_violations(
    live_server, committed_content, recording_page, settings
):
    from django.contrib.auth import get_user_model
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.HUB_REQUIRE_TOTP = True
    get_user_model().objects.create_superuser("csp-leverancier", "lev@example.org", PASSWORD)
    page, console = recording_page
    base = live_server.url
    problems = {}
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "csp-leverancier")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/tweede-stap/instellen/")
    # One QR code: the admin's icon sprite loads (it is not sent to the second step instead).
    assert page.locator(".hub-qr svg").is_visible()
    device = TOTPDevice.objects.get(user__username="csp-leverancier")
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Instellen").first.click()
    page.get_by_text("Uw herstelcodes").first.wait_for()
    assert page.locator(".hub-recovery-codes li").count() == 10
    page.get_by_role("link", name="Ik heb de codes bewaard, verder").click()
    page.wait_for_url(f"{base}/admin/")
    found = page.evaluate("window.__cspViolations") + console
    if found:
        problems["second step"] = found
    assert problems == {}
