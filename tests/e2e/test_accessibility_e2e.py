"""axe-core on every page type: no serious or critical WCAG violation."""

import pytest

pytestmark = pytest.mark.browser

WEBSITE_PAGES = [
    ("website", "/"),
    ("website", "/producten/"),
    ("website", "/producten/paspoort-aanvragen/"),
    ("website", "/vraag-en-antwoord/wat-doe-ik-als-mijn-paspoort-kwijt-is/"),
    ("website", "/nieuws/stadhuis-langer-open/"),
    ("website", "/zoeken/"),
    ("website", "/zoeken/?q=paspoort"),
    ("website", "/bestaat-niet/"),
    ("website", "/preview/?token=verlopen"),
    ("subsite", "/"),
    ("subsite", "/werkzaamheden/werkzaamheden-op-de-brink/"),
    ("kcc", "/inloggen/"),
]


def test_every_page_type_has_no_serious_accessibility_violation(
    content, frontends, browser_page, axe_scan, staff_token
):
    page = browser_page
    problems = {}
    for instance, path in WEBSITE_PAGES:
        page.goto(frontends[instance] + path)
        if violations := axe_scan(page):
            problems[f"{instance}{path}"] = violations

    page.goto(frontends["kcc"] + "/inloggen/")
    page.get_by_text("Inloggen met een code van de beheerder").click()
    page.get_by_label("Uw code").fill(staff_token)
    page.get_by_role("button", name="Inloggen met code").click()
    for path in ("/?q=paspoort", "/antwoord/answer-paspoort-kwijt/", "/antwoord/product-paspoort/"):
        page.goto(frontends["kcc"] + path)
        if violations := axe_scan(page):
            problems[f"kcc{path}"] = violations
    assert problems == {}


def test_the_preview_and_phone_layout_are_accessible_too(content, frontends, chromium, axe_scan):
    from content.models import ProductPage

    token = ProductPage.objects.get(ref="product-paspoort").create_page_preview().token
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    try:
        problems = {}
        for path in ("/", "/producten/paspoort-aanvragen/", f"/preview/?token={token}"):
            page.goto(frontends["website"] + path)
            if violations := axe_scan(page):
                problems[path] = violations
        assert problems == {}
    finally:
        context.close()


def test_the_feedback_form_its_problem_and_its_thank_you_are_accessible(content, frontends, chromium, axe_scan):
    """ "Was deze informatie nuttig?" in each of its states, at desktop and phone width."""
    problems = {}
    for width, height in ((1280, 900), (390, 844)):
        context = chromium.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
        page = context.new_page()
        try:
            url = frontends["website"] + "/producten/paspoort-aanvragen/"
            page.goto(url)
            assert page.locator("#feedback form").count() == 1
            if violations := axe_scan(page):
                problems[f"{width} form"] = violations
            # the server's own check, as a browser without form validation would reach it
            page.eval_on_selector_all(
                "#feedback [required]", "nodes => nodes.forEach(n => n.removeAttribute('required'))"
            )
            page.locator("#feedback").get_by_role("button", name="Versturen").click()
            page.wait_for_load_state("load")
            assert "Kies Ja of Nee." in page.locator("#feedback").inner_text()
            if violations := axe_scan(page):
                problems[f"{width} problem"] = violations
            page.locator("#feedback").get_by_label("Ja", exact=True).check()
            page.locator("#feedback").get_by_role("button", name="Versturen").click()
            page.wait_for_load_state("load")
            assert "Bedankt voor uw reactie" in page.locator("#feedback").inner_text()
            if violations := axe_scan(page):
                problems[f"{width} thanks"] = violations
        finally:
            context.close()
    assert problems == {}
