"""Channels and audiences: the vocabulary every other package uses."""

WEB, APP, KCC, BALIE = "web", "app", "kcc", "balie"
CHANNELS = [WEB, APP, KCC, BALIE]
CHANNEL_CHOICES = [
    (WEB, "Website"),
    (APP, "App"),
    (KCC, "KCC (klantcontactcentrum)"),
    (BALIE, "Balie"),
]
# Channels on which internal (staff-only) blocks may ever be shown.
STAFF_CHANNELS = [KCC, BALIE]
STAFF_CHANNEL_CHOICES = [c for c in CHANNEL_CHOICES if c[0] in STAFF_CHANNELS]

PUBLIC, INTERNAL = "public", "internal"
AUDIENCE_CHOICES = [
    (PUBLIC, "Openbaar (iedereen)"),
    (INTERNAL, "Intern (alleen medewerkers)"),
]

# Sections of a product page, in the order of the Dutch product standards (SDG/KISS).
PRODUCT_SECTIONS = [
    ("inleiding", "Inleiding"),
    ("aanvraag", "Aanvragen"),
    ("voorwaarden", "Voorwaarden"),
    ("bewijs", "Wat moet u meenemen?"),
    ("kosten", "Kosten"),
    ("termijn", "Termijn"),
    ("bezwaar", "Bezwaar en beroep"),
    ("geen_reactie", "Geen reactie"),
    ("bijzonderheden", "Bijzonderheden"),
    ("contact", "Contact"),
]
PRODUCT_SECTION_KEYS = [key for key, _ in PRODUCT_SECTIONS]
# Default headings of the sections per language; the default language uses PRODUCT_SECTIONS.
PRODUCT_SECTION_HEADINGS = {
    "en": {
        "inleiding": "Introduction",
        "aanvraag": "How to apply",
        "voorwaarden": "Conditions",
        "bewijs": "What to bring",
        "kosten": "Costs",
        "termijn": "How long it takes",
        "bezwaar": "Objection and appeal",
        "geen_reactie": "No answer in time",
        "bijzonderheden": "Good to know",
        "contact": "Contact",
    }
}


def section_headings(language: str) -> dict[str, str]:
    """The default heading of each product section in `language` (Dutch when there are none)."""
    return {**dict(PRODUCT_SECTIONS), **PRODUCT_SECTION_HEADINGS.get(language, {})}
