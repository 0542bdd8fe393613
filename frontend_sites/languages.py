"""Languages of the website: the default language at `/`, every other under `/<code>/`.

The middleware takes the language prefix off the path, so every view and URL pattern works for
every language; views ask the hub for `language` and templates build links with the prefix.
Interface texts (menus, forms, errors) come from `TEXTS`, in the page's language.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect

TEXTS = {
    "nl": {
        "skip": "Direct naar de inhoud",
        "search": "Zoeken",
        "search_on": "Zoeken op",
        "search_placeholder": "Waar zoekt u naar?",
        "main_menu": "Hoofdmenu",
        "breadcrumbs": "Kruimelpad",
        "languages": "Taal",
        "contact": "Contact",
        "call": "Bel",
        "hours": "Op werkdagen van 8.30 tot 17.00 uur",
        "quick_links": "Snel naar",
        "accessibility": "Toegankelijkheid",
        "not_found_title": "Pagina niet gevonden",
        "not_found_heading": "Deze pagina bestaat niet",
        "not_found_lead": "Misschien is de pagina verhuisd of weggehaald. Of er staat een typefout in het adres.",
        "not_found_search": "Zoek wat u nodig heeft",
        "to_home": "Naar de homepagina",
        "not_translated_heading": "Deze pagina is er niet in het Nederlands",
        "not_translated_lead": "Deze informatie hebben we alleen in een andere taal.",
        "read_in": "Lees deze pagina in het",
        "act_now": "Direct regelen",
        "on_this_page": "Op deze pagina",
        "warning": "Let op:",
        "good_to_know": "Goed om te weten:",
        "feedback_question": "Was deze informatie nuttig?",
        "feedback_yes": "Ja",
        "feedback_no": "Nee",
        "feedback_comment": "Wilt u nog iets zeggen? (niet verplicht)",
        "feedback_hint": "Schrijf geen persoonlijke gegevens op, zoals uw naam, e-mailadres, telefoonnummer of BSN. "
        "U krijgt geen antwoord op deze reactie. Gebruik hoogstens 1000 tekens.",
        "feedback_send": "Versturen",
        "feedback_thanks": "Bedankt voor uw reactie",
        "feedback_thanks_lead": "Wij gebruiken uw reactie om deze pagina beter te maken.",
        "feedback_cleaned": "Wij hebben persoonlijke gegevens uit uw opmerking gehaald.",
        "feedback_problem": "Er ging iets mis",
        "feedback_choose": "Kies Ja of Nee.",
        "feedback_too_long": "Uw opmerking is te lang. Gebruik hoogstens 1000 tekens.",
        "feedback_too_many": "U heeft al veel reacties gestuurd. Probeer het over een uur opnieuw.",
        "feedback_unavailable": "Het versturen lukt nu niet. Probeer het later opnieuw.",
    },
    "en": {
        "skip": "Skip to content",
        "search": "Search",
        "search_on": "Search",
        "search_placeholder": "What are you looking for?",
        "main_menu": "Main menu",
        "breadcrumbs": "Breadcrumb",
        "languages": "Language",
        "contact": "Contact",
        "call": "Call",
        "hours": "Monday to Friday, 8.30 to 17.00",
        "quick_links": "Quick links",
        "accessibility": "Accessibility (in Dutch)",
        "not_found_title": "Page not found",
        "not_found_heading": "This page does not exist",
        "not_found_lead": "The page may have moved or been removed, or there is a typo in the address.",
        "not_found_search": "Search for what you need",
        "to_home": "Go to the home page",
        "not_translated_heading": "This page is not available in English",
        "not_translated_lead": "We only have this information in Dutch. You can read the Dutch page, "
        "or use a translation tool in your browser.",
        "read_in": "Read this page in",
        "act_now": "Do it online",
        "on_this_page": "On this page",
        "warning": "Please note:",
        "good_to_know": "Good to know:",
        "feedback_question": "Was this information useful?",
        "feedback_yes": "Yes",
        "feedback_no": "No",
        "feedback_comment": "Anything else you want to tell us? (optional)",
        "feedback_hint": "Do not write personal details, such as your name, email address, phone number or citizen "
        "service number (BSN). You will not get a reply. Use at most 1000 characters.",
        "feedback_send": "Send",
        "feedback_thanks": "Thank you for your feedback",
        "feedback_thanks_lead": "We use your feedback to improve this page.",
        "feedback_cleaned": "We removed personal details from your comment.",
        "feedback_problem": "Something went wrong",
        "feedback_choose": "Choose Yes or No.",
        "feedback_too_long": "Your comment is too long. Use at most 1000 characters.",
        "feedback_too_many": "You have sent a lot of feedback. Please try again in an hour.",
        "feedback_unavailable": "Sending does not work right now. Please try again later.",
    },
}
NAMES = {"nl": "Nederlands", "en": "English", "de": "Deutsch", "pl": "Polski", "uk": "Українська"}


def languages() -> list[str]:
    return list(settings.FRONTEND_LANGUAGES)


def default_language() -> str:
    return languages()[0]


def prefix(language: str) -> str:
    return "" if language == default_language() else f"/{language}"


def texts(language: str) -> dict:
    return TEXTS.get(language) or TEXTS["en"]


def split(path: str) -> tuple[str, str]:
    """(language, path without its prefix) for a request path."""
    for code in languages()[1:]:
        if path == f"/{code}/" or path.startswith(f"/{code}/"):
            return code, path[len(code) + 1 :]
    return default_language(), path


class LanguageMiddleware:
    """Sets `request.language` and routes `/en/…` to the same views as `/…`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.strip("/") in languages()[1:]:
            if not request.path_info.endswith("/"):
                return HttpResponsePermanentRedirect(request.path_info + "/")
        request.language, request.path_info = split(request.path_info)
        return self.get_response(request)
