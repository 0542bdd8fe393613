"""What VACs and kennisartikelen share: the mapping's context, who sees what, keywords,
departments, doelgroepen and the addresses of related objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from content.channels import KCC
from content.models import AnswerPage, ProductPage, SiteDirectory
from content.rendering import RenderedBlock
from content.visibility import Viewer

from ..doelgroep import PRODUCT_DOELGROEPEN
from .config import KENNISARTIKEL, VAC, KissConfig, object_uuid

# KISS is a staff system: it gets what a KCC employee may see on the KCC channel ...
STAFF_KCC = Viewer(channel=KCC, staff=True)
# ... but only what a resident may see goes in the texts meant for residents (`html.split_for_staff`).
PUBLIC_KCC = Viewer(channel=KCC)

# Our doelgroep -> the VAC's doelgroep, and the kennisartikel per doelgroep (one for each).
VAC_DOELGROEP = {"burger": "eu-burger", "bedrijf": "eu-bedrijf", "beide": "eu-burger-bedrijf"}


@dataclass
class Mapping:
    """What a mapping needs besides the page: the settings and the sites (loaded once per run)."""

    config: KissConfig
    directory: SiteDirectory = field(default_factory=SiteDirectory)


def trefwoorden(page) -> list[dict]:
    return [{"trefwoord": term} for term in page.keywords.order_by("term").values_list("term", flat=True)]


def afdelingen(team_name: str, name_key: str) -> list[dict]:
    """The owning team as the one department (the VAC says `afdelingNaam`, the kennisartikel
    `afdelingnaam`)."""
    team = (team_name or "").strip()
    return [{name_key: team}] if team else []


def kennisartikel_variants(product) -> list[str]:
    return list(PRODUCT_DOELGROEPEN.get(product.doelgroep, ("eu-burger",)))


def vac_url(answer, mapping: Mapping) -> str:
    return mapping.config.object_url(object_uuid(answer.translation_key, VAC))


def kennisartikel_urls(product, mapping: Mapping) -> list[str]:
    return [
        mapping.config.object_url(object_uuid(product.translation_key, KENNISARTIKEL, variant))
        for variant in kennisartikel_variants(product)
    ]


def related(blocks: list[RenderedBlock], mapping: Mapping) -> tuple[list[str], list[str]]:
    """(VAC URLs, kennisartikel URLs) of the answers and products the blocks link to, in order.

    The link lists were filtered by the visibility rule when the blocks were rendered. A linked
    translation points at the same objects as its original (they share a translation key).
    """
    vacs, products = [], []
    for block in blocks:
        for link in block.links:
            page = link.get("page")
            if isinstance(page, AnswerPage):
                vacs.append(vac_url(page, mapping))
            elif isinstance(page, ProductPage):
                products += kennisartikel_urls(page, mapping)
        if block.children:
            more_vacs, more_products = related(block.children, mapping)
            vacs, products = vacs + more_vacs, products + more_products
    return list(dict.fromkeys(vacs)), list(dict.fromkeys(products))
