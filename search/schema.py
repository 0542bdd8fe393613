"""The index schema of the distributed engines, built with elasticsearch-dsl.

Dutch analysis: standard tokenizer, lowercase, ASCII folding, Dutch stop words and the Dutch
stemmer; an edge-ngram subfield on titles and keywords for compounds and autocomplete; plain
(folded, unstemmed) copy fields as the vocabulary for "did you mean".
"""

from __future__ import annotations

from elasticsearch_dsl import Boolean, Date, Document, Float, Index, Integer, Keyword, Text, analyzer, token_filter

dutch_stop = token_filter("dutch_stop", "stop", stopwords="_dutch_")
dutch_stemmer = token_filter("dutch_stemmer", "stemmer", language="dutch")
edge_grams = token_filter("edge_grams", "edge_ngram", min_gram=2, max_gram=20)

dutch_text = analyzer(
    "dutch_text", tokenizer="standard", filter=["lowercase", "asciifolding", dutch_stop, dutch_stemmer]
)
dutch_edge = analyzer("dutch_edge", tokenizer="standard", filter=["lowercase", "asciifolding", edge_grams])
plain_folded = analyzer("plain_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])

# The vocabulary for "did you mean": filled in `source_of`, not by copy_to, because an internal
# page's title and summary must not reach the public vocabulary. Not kept in _source.
SPELL_PUBLIC, SPELL_ALL = "spell_public", "spell_all"


def _text(edge=False, offsets=False):
    fields = {"edge": Text(analyzer=dutch_edge, search_analyzer=plain_folded)} if edge else {}
    # Offsets in the postings let the unified highlighter find snippets without re-analysing text.
    extra = {"index_options": "offsets"} if offsets else {}
    return Text(analyzer=dutch_text, fields=fields, **extra)


class PageDocument(Document):
    """One page for all sites. Field names match search.documents.IndexDocument."""

    page_id = Integer()
    ref = Keyword()
    title = _text(edge=True)
    summary = _text(offsets=True)
    phrasings = _text(offsets=True)
    keywords = Keyword()
    keyword_text = _text(edge=True)
    public_text = _text(offsets=True)
    internal_text = _text(offsets=True)
    spell_public = Text(analyzer=plain_folded)
    spell_all = Text(analyzer=plain_folded)
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


def index_definition(name: str, *, shards: int = 1, replicas: int = 0) -> dict:
    """The body to create a concrete index: settings (with the analyzers) and mappings."""
    index = Index(name)
    index.settings(number_of_shards=shards, number_of_replicas=replicas)
    index.document(PageDocument)
    body = index.to_dict()
    body["mappings"]["_source"] = {"excludes": [SPELL_PUBLIC, SPELL_ALL]}
    return body


def source_of(document) -> dict:
    """The stored source of an IndexDocument (keywords are stored by their preferred term)."""
    data = document.as_dict()
    public = [
        document.title,
        document.summary,
        *document.phrasings,
        document.keyword_text,
        document.upl_name,
        document.public_text,
    ]
    data[SPELL_PUBLIC] = "" if document.is_internal else "\n".join(public)
    data[SPELL_ALL] = "\n".join([*public, document.internal_text])
    for key in ("first_published_at", "last_published_at", "date"):
        if data[key] is not None:
            data[key] = data[key].isoformat()
    return data
