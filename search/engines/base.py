"""The contract every search engine implements, and the values that cross it."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from content.languages import default_language

from ..documents import IndexDocument
from ..understanding import as_typed_groups

# Weights of the fields, shared by every engine so that they rank alike.
FIELD_BOOSTS = {
    "title": 4.0,
    "keyword_text": 4.0,
    "upl_name": 3.0,
    "summary": 2.0,
    "phrasings": 2.0,
    "public_text": 1.0,
    "internal_text": 0.8,
}
# A news item ranks below a product or an answer that matches as well: most searches are tasks.
CONTENT_TYPE_WEIGHTS = {"article": 0.7}
# The head of a page: a page that has the words as typed here ranks before pages found only
# through the thesaurus or a derived form (see SearchRequest.as_typed_groups).
HEAD_FIELDS = ("title", "keyword_text", "upl_name", "summary", "phrasings")
PUBLIC_FIELDS = ("title", "keyword_text", "upl_name", "summary", "phrasings", "public_text")
INTERNAL_FIELDS = ("internal_text",)
# Where a snippet may come from. Titles are shown as such; snippets come from the body.
PUBLIC_SNIPPET_FIELDS = ("summary", "phrasings", "public_text")
STAFF_SNIPPET_FIELDS = (*PUBLIC_SNIPPET_FIELDS, "internal_text")


class EngineUnavailable(Exception):
    """The search engine does not answer (down, unreachable, or its index is missing)."""


@dataclass
class SearchRequest:
    """A query after keyword expansion and typo correction, ready for an engine.

    `groups` holds one list of alternatives per query word or matched keyword phrase;
    with `match="all"` a document must match every group, with "any" at least one.
    `audiences` and `channel` come from the viewer; engines filter on them (defence in depth).
    `language`: only documents in this language match, and the words are analysed in it
    (None: the default language).
    """

    groups: list[list[str]]
    audiences: tuple[str, ...] = ("public",)
    channel: str | None = None
    sites: list[str] | None = None
    keywords: list[str] | None = None
    content_types: list[str] | None = None
    pinned_page_ids: list[int] = field(default_factory=list)
    # Alternatives that weigh less than the words as typed (derived forms, the thesaurus; see
    # search.understanding); every other alternative weighs 1.
    weights: dict[str, float] = field(default_factory=dict)
    match: str = "all"
    offset: int = 0
    limit: int = 10
    facets: bool = True
    language: str | None = None

    def __post_init__(self):
        self.language = self.language or default_language()

    def weight(self, alternative: str) -> float:
        return self.weights.get(alternative, 1.0)

    @property
    def as_typed_groups(self) -> list[list[str]] | None:
        """The groups with only the words as typed (see search.understanding.as_typed_groups):
        a page that has them in its head (HEAD_FIELDS) ranks before one found only through the
        thesaurus or a derived form."""
        # Only when every group must match: in the fallback for any word, how many groups a page
        # matches counts more than which of them it has as typed in its head.
        return as_typed_groups(self.groups, self.weights) if self.match == "all" else None

    @property
    def staff(self) -> bool:
        return "internal" in self.audiences

    @property
    def search_fields(self) -> tuple[str, ...]:
        return PUBLIC_FIELDS + INTERNAL_FIELDS if self.staff else PUBLIC_FIELDS

    @property
    def snippet_fields(self) -> tuple[str, ...]:
        return STAFF_SNIPPET_FIELDS if self.staff else PUBLIC_SNIPPET_FIELDS


@dataclass
class Hit:
    page_id: int
    ref: str
    title: str
    site_key: str
    url_path: str
    content_type: str
    score: float
    snippet: str = ""
    audience: str = "public"
    pinned: bool = False
    language: str = ""  # the page's language: every hit is in the language of the search


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    engine: str = ""


class SearchEngine(ABC):
    """One search engine behind the hub's contract. See docs/search.md."""

    name = "base"

    def __init__(self, *, url: str = "", index_prefix: str = "hub"):
        self.url = url
        self.index_prefix = index_prefix

    @abstractmethod
    def index_documents(self, documents: list[IndexDocument]) -> None:
        """Add or replace documents (by page id) in the live index and in a rebuild under way."""

    @abstractmethod
    def delete_documents(self, page_ids: Iterable[int]) -> None:
        """Remove pages from the live index and from a rebuild under way. Unknown ids are fine."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResults: ...

    @abstractmethod
    def suggest(
        self,
        prefix: str,
        *,
        audiences: tuple[str, ...],
        sites: list[str] | None,
        limit: int,
        language: str | None = None,
    ) -> list[str]:
        """Titles of pages in `language` (None: the default language) that complete what someone is typing."""

    @abstractmethod
    def corrections(self, words: list[str], *, staff: bool, language: str | None = None) -> dict[str, str]:
        """For each unknown word, the most likely indexed word of `language` (None: the default
        language) within the allowed edit distance."""

    def search_and_correct(
        self, request: SearchRequest, words: list[str], *, staff: bool
    ) -> tuple[SearchResults | None, dict[str, str]]:
        """Corrections for `words` (in the request's language) and, when the engine can do both in
        one round trip, the results of `request` as it stands. Returns (None, corrections) when
        the search is still to run."""
        return None, self.corrections(words, staff=staff, language=request.language)

    @abstractmethod
    def create_index(self) -> None:
        """Make sure a live index exists (idempotent)."""

    @abstractmethod
    def rebuild(self, documents: Iterable[IndexDocument], *, progress: Callable[[int], None] | None = None) -> int:
        """Build a new index from `documents` and make it live at once. Returns the count."""

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def health(self) -> dict:
        """{"ok": bool, "engine": name, ...details}; never raises."""

    def size_on_disk(self) -> int | None:
        """Bytes used by the live index, where the engine can tell."""
        return None


def batched(items: Iterable[IndexDocument], size: int) -> Iterable[list[IndexDocument]]:
    """Lists of at most `size` documents, in order (itertools.batched arrives in Python 3.12)."""
    batch: list[IndexDocument] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
