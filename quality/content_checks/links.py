"""Links inside the hub: `broken_link` (a page that is gone, not published, internal-only for a
public block, or not shown on the block's channel; an anchor that does not exist) and
`link_text` (a link text that says nothing)."""

from __future__ import annotations

import re

from content.channels import CHANNELS, STAFF_CHANNELS
from content.links import rich_text_anchors

from .base import ERROR, WARNING, PageUnderCheck, Problem, check

VAGUE_LINK_TEXTS = frozenset(
    """klik hier|hier|klik|lees meer|lees verder|meer|meer informatie|meer info|info|link|deze link|
    via deze link|download|downloaden|bekijk|bekijk hier|ga verder|verder|hier klikken|zie hier|
    click here|here|read more|more|more information|this link""".replace("\n", "").split("|")
)
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


@check("link_text", "Linktekst zegt niets")
def vague_link_texts(page: PageUnderCheck):
    for location, where, link, _block in page.links():
        text = link.text.strip()
        if not text:
            message = "Deze link heeft geen tekst. Een voorleesprogramma leest dan alleen het adres voor."
        elif _BARE_URL.match(text):
            message = f"De tekst van deze link is een adres: '{text}'. Dat zegt de lezer weinig."
        elif _words(text) in VAGUE_LINK_TEXTS:
            message = f"De linktekst '{text}' zegt niet waar de link heen gaat."
        else:
            continue
        yield Problem(
            "link_text",
            WARNING,
            message,
            "Schrijf in de link waar die heen gaat, bijvoorbeeld 'Vraag een parkeervergunning aan'.",
            location,
            where,
            link.url or text,
        )


def _cause(target: dict | None, channel: str) -> tuple[str, str]:
    if target is None:
        return "De link gaat naar een pagina die niet meer bestaat.", "Kies een andere pagina of haal de link weg."
    if not target["live"] or target["expired"]:
        return (
            f"De link gaat naar '{target['title']}', maar die pagina is niet gepubliceerd.",
            "Publiceer die pagina, of kies een andere.",
        )
    if target["internal"]:
        return (
            f"De link gaat naar '{target['title']}', maar die pagina is alleen voor medewerkers. "
            "Inwoners zien de link niet.",
            "Kies een openbare pagina, of zet dit blok op alleen KCC en balie.",
        )
    return (
        f"De link gaat naar '{target['title']}', maar die pagina is niet te zien op het kanaal {channel}.",
        "Kies een pagina die op dit kanaal staat, of haal het kanaal weg bij dit blok.",
    )


@check("broken_link", "Kapotte link")
def broken_links(page: PageUnderCheck):
    anchors = {
        a for block in page.blocks for markup in block.block.rich_text(block.value) for a in rich_text_anchors(markup)
    }
    for location, where, link, block in page.links():
        if link.page is not None:
            target = page.targets.get(link.page)
            for channel, staff in _audiences(page, block):
                visible = target is not None and link.page in target["visible_for"][staff]
                if not visible:
                    message, fix = _cause(target, channel)
                    yield Problem("broken_link", ERROR, message, fix, location, where, str(link.page))
                    break
        elif link.url.startswith("#") and link.url[1:] not in anchors:
            yield Problem(
                "broken_link",
                ERROR,
                f"De link '{link.text}' gaat naar een plek op deze pagina ({link.url}) die niet bestaat.",
                "Kies een kop die wel op de pagina staat, of haal de link weg.",
                location,
                where,
                link.url,
            )


def _audiences(page: PageUnderCheck, block) -> list[tuple[str, bool]]:
    """(channel, staff) for each channel the link is shown on."""
    internal_page = getattr(page.page, "audience", "public") == "internal"
    channels = block.channels if block is not None else ("web", "app")
    internal = internal_page or (block is not None and block.internal)
    return [(c, internal or c in STAFF_CHANNELS) for c in channels if c in CHANNELS]
