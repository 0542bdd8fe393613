"""Accessibility of what editors put in a page: `image_alt` (an image without a useful alt text)
and `heading_order` (headings in rich text that skip a level or start too high)."""

from __future__ import annotations

import re

from content.blocks import RICH_TEXT_FEATURES
from content.links import rich_text_headings

from .base import ERROR, WARNING, PageUnderCheck, Problem, check

_FILE_NAME = re.compile(r"^[\w\s.-]+\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp|heic)$|^(?:img|dsc|image|foto)[_-]?\d+", re.I)
# Headings inside a block sit below the page title (h1) and the section heading (h2): the first
# level is the highest heading the rich-text editor offers (content.blocks.RICH_TEXT_FEATURES).
FIRST_HEADING_LEVEL = min(int(f[1]) for f in RICH_TEXT_FEATURES if re.fullmatch(r"h[1-6]", f))


@check("image_alt", "Afbeelding zonder goede alt-tekst")
def image_alt_texts(page: PageUnderCheck):
    for block in page.blocks:
        for image in block.block.images(block.value):
            alt, caption = image.alt.strip(), image.caption.strip()
            if image.decorative:
                continue
            if not alt:
                message, severity = (
                    "Deze afbeelding heeft geen alt-tekst. Wie niet goed ziet, mist wat erop staat.",
                    ERROR,
                )
            elif _FILE_NAME.match(alt):
                message, severity = (
                    f"De alt-tekst '{alt}' is een bestandsnaam. Die zegt niets over de afbeelding.",
                    ERROR,
                )
            elif caption and alt.lower() == caption.lower():
                message, severity = (
                    "De alt-tekst is hetzelfde als het onderschrift. Een voorleesprogramma leest het dan twee keer.",
                    WARNING,
                )  # noqa: E501
            else:
                continue
            yield Problem(
                "image_alt",
                severity,
                message,
                "Beschrijf in de alt-tekst wat er op de afbeelding te zien is. Vertelt de afbeelding niets? "
                "Zet dan 'Alleen versiering' aan.",
                block.location,
                block.where,
                alt,
            )


@check("heading_order", "Koppen in de verkeerde volgorde")
def heading_order(page: PageUnderCheck):
    for block in page.blocks:
        for markup in block.block.rich_text(block.value):
            previous = FIRST_HEADING_LEVEL - 1  # the section heading above the block
            for level, text in rich_text_headings(markup):
                if level < FIRST_HEADING_LEVEL:
                    message = f"De kop '{text}' is een kop van niveau {level}. Die is voor de titel of een onderdeel."
                elif level > previous + 1:
                    message = (
                        f"Na een kop van niveau {previous} komt '{text}' op niveau {level}: "
                        "er is een niveau overgeslagen."
                    )
                else:
                    previous = level
                    continue
                previous = max(level, FIRST_HEADING_LEVEL - 1)
                yield Problem(
                    "heading_order",
                    WARNING,
                    message,
                    f"Begin in een tekst met kop {FIRST_HEADING_LEVEL} en zet daaronder kop {FIRST_HEADING_LEVEL + 1}. "
                    "Sla geen niveau over.",
                    block.location,
                    block.where,
                    text,
                )
