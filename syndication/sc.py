"""Samenwerkende Catalogi (SC) 4.0: a product page as an `overheidproduct:scproduct`.

A pure mapping from the content model to the XML of the official XSD
(`standaarden.overheid.nl/sc/4.0/xsd/sc.xsd`); `sc_feed` finds the products, caches the feed
and answers the editor's "is it in the feed, and if not, why?". The mapping table is in
docs/standards.md.

`productHTML` carries the public web blocks as escaped HTML (text content): the feed then
validates strictly against the official XSD alone, and harvesters read the text and decode it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from content.blocks import list_items, raw_stream
from content.channels import INTERNAL
from content.languages import default_language, language_of
from content.models import ProductPage, SiteConfig, SiteDirectory
from content.visibility import PUBLIC_WEB, page_is_visible

from .sc_html import HtmlContext, attr, product_body_html, text

TARGET = "Samenwerkende Catalogi"
NAMESPACES = {
    "overheidproduct": "http://standaarden.overheid.nl/product/terms/",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SCHEMA_LOCATION = "http://standaarden.overheid.nl/product/terms/ http://standaarden.overheid.nl/sc/4.0/xsd/sc.xsd"
# Our doelgroep → the SC audience values (scheme overheid:Doelgroep).
AUDIENCES = {"burger": ["particulier"], "bedrijf": ["ondernemer"], "beide": ["particulier", "ondernemer"]}
# Actions with which a resident applies online; an appointment (`afspraak`) is not an application.
APPLY_KINDS = ("online", "formulier")

# The editor's reasons (Dutch), one home for the feed and the panel.
NOT_DUTCH = "alleen de Nederlandse versie gaat naar Samenwerkende Catalogi"
NO_SITE = "pagina staat niet in de boom van een site"
NO_ORGANISATION = "organisatie van de site ontbreekt (site-instellingen: naam en OWMS-identificatie)"
NO_FRONTEND = "adres van de website ontbreekt in de site-instellingen"
INTERNAL_PAGE = "pagina is intern"
NOT_PUBLISHED = "niet gepubliceerd"
NO_UPL = "UPL ontbreekt"
NO_UPL_URI = "UPL-adres (URI uit de Uniforme Productnamenlijst) ontbreekt"
NO_SUMMARY = "samenvatting ontbreekt"


def site_problems(config: SiteConfig | None) -> list[str]:
    """What a site lacks for a feed of its own."""
    if config is None:
        return [NO_SITE]
    problems = []
    if not (config.organisation_name.strip() and config.owms_identifier.strip()):
        problems.append(NO_ORGANISATION)
    if not config.frontend_url.strip():
        problems.append(NO_FRONTEND)
    return problems


def content_problems(page: ProductPage) -> list[str]:
    """What the product itself lacks (the fields an editor fills in)."""
    problems = []
    if not page.upl_name.strip():
        problems.append(NO_UPL)
    elif not page.upl_uri.strip():
        problems.append(NO_UPL_URI)
    if not page.summary.strip():
        problems.append(NO_SUMMARY)
    return problems


def problems(page: ProductPage, directory: SiteDirectory) -> list[str]:
    """Why this version of a product is not in its site's feed; empty when it is."""
    if language_of(page) != default_language():
        return [NOT_DUTCH]
    found = []
    if page.audience == INTERNAL:
        found.append(INTERNAL_PAGE)
    elif not page_is_visible(page, PUBLIC_WEB):
        found.append(NOT_PUBLISHED)
    found += site_problems(directory.site_of(page))
    return found + content_problems(page)


def audiences(doelgroep: str) -> list[str]:
    return AUDIENCES.get(doelgroep, AUDIENCES["burger"])


@dataclass(frozen=True)
class Application:
    """How a resident applies: `onlineAanvragen` and the `aanvraagURL` with its label."""

    online: str  # ja | digid | nee
    url: str = ""
    label: str = ""


def application(actions) -> Application:
    """From the page's actions: the first online action or form decides; DigiD → `digid`."""
    for value in action_values(actions):
        if value.get("kind", "online") in APPLY_KINDS and value.get("url"):
            return Application("digid" if value.get("digid") else "ja", value["url"], value.get("label") or "")
    return Application("nee")


def xml_datetime(moment: datetime | None) -> str:
    moment = moment or datetime.now(UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def product_xml(page: ProductPage, url: str, config: SiteConfig, context: HtmlContext) -> str:
    """One `scproduct` element (the page must have passed `problems`)."""
    organisation = f'scheme="overheid:Gemeente" resourceIdentifier="{attr(config.owms_identifier.strip())}"'
    name = text(config.organisation_name.strip())
    apply = application(page.actions)
    scmeta = [
        f"<overheidproduct:productID>{text(page.ref or page.pk)}</overheidproduct:productID>",
        f"<overheidproduct:onlineAanvragen>{apply.online}</overheidproduct:onlineAanvragen>",
    ]
    if apply.url:
        scmeta.append(
            f'<overheidproduct:aanvraagURL resourceIdentifier="{attr(apply.url)}">'
            f"{text(apply.label)}</overheidproduct:aanvraagURL>"
        )
    scmeta.append(
        f'<overheidproduct:uniformeProductnaam scheme="overheid:UniformeProductnaam" '
        f'resourceIdentifier="{attr(page.upl_uri.strip())}">{text(page.upl_name.strip())}'
        "</overheidproduct:uniformeProductnaam>"
    )
    body = product_body_html(page.body, context)
    return (
        '<overheidproduct:scproduct owms-version="4.0"><overheidproduct:meta><overheidproduct:owmskern>'
        f"<dcterms:identifier>{text(url)}</dcterms:identifier>"
        f"<dcterms:title>{text(page.title)}</dcterms:title>"
        "<dcterms:language>nl</dcterms:language>"
        '<dcterms:type scheme="overheid:Informatietype">productbeschrijving</dcterms:type>'
        f"<dcterms:modified>{xml_datetime(page.last_published_at)}</dcterms:modified>"
        f"<dcterms:spatial {organisation}>{name}</dcterms:spatial>"
        f"<overheid:authority {organisation}>{name}</overheid:authority>"
        "</overheidproduct:owmskern><overheidproduct:owmsmantel>"
        + "".join(
            f'<dcterms:audience scheme="overheid:Doelgroep">{a}</dcterms:audience>' for a in audiences(page.doelgroep)
        )
        + f"<dcterms:abstract>{text(page.summary.strip())}</dcterms:abstract>"
        "</overheidproduct:owmsmantel><overheidproduct:scmeta>"
        + "".join(scmeta)
        + "</overheidproduct:scmeta></overheidproduct:meta><overheidproduct:body>"
        + (f"<overheidproduct:productHTML>{text(body)}</overheidproduct:productHTML>" if body else "")
        + "</overheidproduct:body></overheidproduct:scproduct>"
    )


def feed_start() -> str:
    declarations = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<overheidproduct:scproducten {declarations} xsi:schemaLocation="{SCHEMA_LOCATION}">'
    )


def feed_end() -> str:
    return "</overheidproduct:scproducten>\n"


def action_values(actions) -> list[dict]:
    """The stored values of a page's actions (label, url, kind, digid)."""
    return [value for value in list_items(raw_stream(actions)) if isinstance(value, dict)]
