"""The index schema of the distributed engines, built with elasticsearch-dsl.

Analysis per language: standard tokenizer, lowercase, ASCII folding, the language's stop words
and stemmer (Dutch: `_dutch_` and the Dutch Snowball stemmer; English: the stop words of
`search.analysis` and Porter2, the English Snowball stemmer that PostgreSQL and the database
engine use too); an edge-ngram subfield on titles and keywords for compounds and autocomplete;
plain (folded, unstemmed) copy fields per language as the vocabulary for "did you mean".

Fields chosen by language: a Dutch document fills the top-level text fields (as before there
were languages); a document in another language fills the same fields inside an object named
by its code (`en.title`, `en.public_text`, ...), analysed in that language. Every document keeps
its top-level `title`, which hits show and suggestions complete (`title.edge`).
"""

from __future__ import annotations

from elasticsearch_dsl import (
    Boolean,
    Date,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Mapping,
    Object,
    Text,
    analyzer,
    token_filter,
)

from content.languages import configured_languages

from .analysis import ENGLISH_STOP_WORDS

dutch_stop = token_filter("dutch_stop", "stop", stopwords="_dutch_")
dutch_stemmer = token_filter("dutch_stemmer", "stemmer", language="dutch")
english_stop = token_filter("english_stop", "stop", stopwords=sorted(ENGLISH_STOP_WORDS))
english_stemmer = token_filter("english_stemmer", "stemmer", language="porter2")
edge_grams = token_filter("edge_grams", "edge_ngram", min_gram=2, max_gram=20)

dutch_text = analyzer(
    "dutch_text", tokenizer="standard", filter=["lowercase", "asciifolding", dutch_stop, dutch_stemmer]
)
english_text = analyzer(
    "english_text", tokenizer="standard", filter=["lowercase", "asciifolding", english_stop, english_stemmer]
)
dutch_edge = analyzer("dutch_edge", tokenizer="standard", filter=["lowercase", "asciifolding", edge_grams])
plain_folded = analyzer("plain_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])

# The analyzer of each language's text; a language without one is folded only (as everywhere).
TEXT_ANALYZERS = {"nl": dutch_text, "en": english_text}
# The language of the top-level text fields.
TOP_LEVEL_LANGUAGE = "nl"
TEXT_FIELDS = ("title", "summary", "phrasings", "keyword_text", "upl_name", "public_text", "internal_text")

# The vocabulary for "did you mean", one sub-field per language: filled in `source_of`, not by
# copy_to, because an internal page's title and summary must not reach the public vocabulary.
# Not kept in _source.
SPELL_PUBLIC, SPELL_ALL = "spell_public", "spell_all"


def field_prefix(language: str) -> str:
    """Where the text fields of a document in `language` are: "" or "<code>."."""
    return "" if language == TOP_LEVEL_LANGUAGE else f"{language}."


def spell_field(kind: str, language: str) -> str:
    return f"{kind}.{language}"


def _text(edge=False, offsets=False, text_analyzer=dutch_text):
    fields = {"edge": Text(analyzer=dutch_edge, search_analyzer=plain_folded)} if edge else {}
    # Offsets in the postings let the unified highlighter find snippets without re-analysing text.
    extra = {"index_options": "offsets"} if offsets else {}
    return Text(analyzer=text_analyzer, fields=fields, **extra)


def _text_fields(text_analyzer) -> dict:
    return {
        "title": _text(edge=True, text_analyzer=text_analyzer),
        "summary": _text(offsets=True, text_analyzer=text_analyzer),
        "phrasings": _text(offsets=True, text_analyzer=text_analyzer),
        "keyword_text": _text(edge=True, text_analyzer=text_analyzer),
        "upl_name": _text(text_analyzer=text_analyzer),
        "public_text": _text(offsets=True, text_analyzer=text_analyzer),
        "internal_text": _text(offsets=True, text_analyzer=text_analyzer),
    }


class PageDocument(Document):
    """One page for all sites. Field names match search.documents.IndexDocument; the text
    fields of languages other than Dutch and the spell fields are added per configured
    language by `language_mapping`."""

    page_id = Integer()
    ref = Keyword()
    title = _text(edge=True)
    summary = _text(offsets=True)
    phrasings = _text(offsets=True)
    keywords = Keyword()
    keyword_text = _text(edge=True)
    public_text = _text(offsets=True)
    internal_text = _text(offsets=True)
    site_key = Keyword()
    site_keys = Keyword()
    channels = Keyword()
    audience = Keyword()
    content_type = Keyword()
    upl_name = _text()
    url_path = Keyword(index=False)
    live = Boolean()
    first_published_at = Date()
    last_published_at = Date()
    date = Date()
    readability_score = Float()
    language = Keyword()


def language_mapping(languages: list[str]) -> Mapping:
    """The text fields of each language but Dutch, and the spell fields of every language."""
    mapping = Mapping()
    for language in languages:
        if language != TOP_LEVEL_LANGUAGE:
            text_analyzer = TEXT_ANALYZERS.get(language, plain_folded)
            mapping.field(language, Object(properties=_text_fields(text_analyzer)))
    for kind in (SPELL_PUBLIC, SPELL_ALL):
        mapping.field(kind, Object(properties={code: Text(analyzer=plain_folded) for code in languages}))
    return mapping


def index_definition(name: str, *, shards: int = 1, replicas: int = 0) -> dict:
    """The body to create a concrete index: settings (with the analyzers) and mappings."""
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    index.document(PageDocument)
    index.mapping(language_mapping(configured_languages()))
    body = index.to_dict()
    body["mappings"]["_source"] = {"excludes": [SPELL_PUBLIC, SPELL_ALL]}
    return body


def source_of(document) -> dict:
    """The stored source of an IndexDocument (keywords are stored by their preferred term)."""
    data = document.as_dict()
    language = document.language
    if language != TOP_LEVEL_LANGUAGE:
        data[language] = {name: data.pop(name) for name in TEXT_FIELDS}
        data["title"] = document.title  # shown in hits, completed by suggestions
    public = [
        document.title,
        document.summary,
        *document.phrasings,
        document.keyword_text,
        document.upl_name,
        document.public_text,
    ]
    data[SPELL_PUBLIC] = {language: "" if document.is_internal else "\n".join(public)}
    data[SPELL_ALL] = {language: "\n".join([*public, document.internal_text])}
    for key in ("first_published_at", "last_published_at", "date"):
        if data[key] is not None:
            data[key] = data[key].isoformat()
    return data
