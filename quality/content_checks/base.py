"""The frame every content check fits in: a problem, the page as the checks see it, and the one
registry of checks (docs/quality.md).

A check is a function that takes a `PageUnderCheck` and yields `Problem`s. It reads only what the
blocks expose (`outgoing_links`, `images`, `rich_text`, `plain_texts`, `references`; see
`content/blocks.py`), so a new block type is checked without touching the checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_WEIGHT = {ERROR: 10, WARNING: 4, INFO: 1}  # points a page loses per problem (docs/quality.md)


@dataclass(frozen=True)
class Problem:
    code: str
    severity: str
    message: str  # plain Dutch: what is wrong
    fix: str  # plain Dutch: how to put it right
    location: str = ""  # where in the page: "summary", "body.<block id>", "actions.0"
    where: str = ""  # the same for an editor: "Tekst in onderdeel Aanvragen"
    detail: str = ""  # the link, address, file name or heading concerned
    section: str = ""  # the product section the block is in (set by the runner)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class BlockInPage:
    """One content block of a page: its place, type, stored value and the block class."""

    location: str  # "body.<id>" or "body.<section id>.<id>"
    where: str  # Dutch, for the editor
    block_type: str
    value: dict
    block: object  # the ChannelStructBlock instance (content.blocks.content_block)
    channels: tuple[str, ...]
    internal: bool
    section: str | None = None


@dataclass(frozen=True)
class DocumentUse:
    """A document a page offers, with its place in the page."""

    location: str
    where: str
    document_id: int
    title: str


@dataclass
class PageUnderCheck:
    """A live page as the checks see it, with everything they need fetched in advance."""

    page: object  # the specific page (ProductPage, AnswerPage, ArticlePage)
    site_key: str
    blocks: list[BlockInPage] = field(default_factory=list)
    actions: list[tuple[str, object]] = field(default_factory=list)  # (location, content.links.Link)
    documents: list[DocumentUse] = field(default_factory=list)
    # Pages linked from this page, by id: {"live", "audience", "channels", "title", "anchors"}.
    targets: dict[int, dict] = field(default_factory=dict)
    # The last answer per external address (quality.quality_models.ExternalLinkCheck), if any.
    external: dict[str, object] = field(default_factory=dict)
    # Per document id: its findings (quality.content_checks.documents), if it was read.
    document_findings: dict[int, list[dict]] = field(default_factory=dict)
    # The stored B1 report of the live revision (content.models.PageReadability), if any.
    readability: object | None = None
    keyword_count: int = 0

    def links(self):
        """(location, where, link, block) for every link in the page: blocks first, then actions."""
        for block in self.blocks:
            for link in block.block.outgoing_links(block.value):
                yield block.location, block.where, link, block
        for location, link in self.actions:
            yield location, "Knop 'Direct regelen'", link, None


Check = Callable[[PageUnderCheck], Iterable[Problem]]


@dataclass(frozen=True)
class RegisteredCheck:
    code: str
    title: str  # Dutch, for filters and the report
    run: Check
    external: bool = False  # needs the network (only in a scheduled run with --external)


CHECKS: dict[str, RegisteredCheck] = {}


def check(code: str, title: str, *, external: bool = False) -> Callable[[Check], Check]:
    """Register a check under its stable code: `@check("link_text", "Linktekst zegt niets")`."""

    def register(function: Check) -> Check:
        if code in CHECKS:
            raise ValueError(f"Two checks with the code {code!r}")
        CHECKS[code] = RegisteredCheck(code, title, function, external)
        return function

    return register
