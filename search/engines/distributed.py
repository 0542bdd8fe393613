"""What OpenSearch and Elasticsearch share: queries built with elasticsearch-dsl, aliases, bulk.

Each concrete index is `<prefix>-pages-<timestamp>`; the alias `<prefix>-pages` points at the
live one. A rebuild fills a new index (also marked by the alias `<prefix>-pages-building`, so
outbox writes reach it too) and then moves the alias in one atomic request. SEARCH_URL may list
several nodes of one cluster (see hosts.py); new indices get `replicas` copies of each shard.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from elasticsearch_dsl import A, Q, Search

from content.languages import default_language

from ..analysis import fold, stem
from ..documents import IndexDocument
from ..highlight import MARK_END, MARK_START, marked_to_html
from ..schema import SPELL_ALL, SPELL_PUBLIC, field_prefix, index_definition, source_of, spell_field
from .base import (
    CONTENT_TYPE_WEIGHTS,
    FIELD_BOOSTS,
    HEAD_FIELDS,
    EngineUnavailable,
    Hit,
    SearchEngine,
    SearchRequest,
    SearchResults,
    batched,
)
from .text_query import text_query

logger = logging.getLogger(__name__)

PIN_BOOST = 10_000.0
AS_TYPED_BOOST = 1_000.0
EDGE_FIELDS = ("title.edge^1.5", "keyword_text.edge^1.5")  # under the language's field prefix
BULK_CHUNK = 500
MERGE_TIMEOUT_SECONDS = 900  # merging a new index of 100,000 pages takes minutes on a small node


class DistributedEngine(SearchEngine):
    """Base for the engines with their own server. Subclasses provide the client."""

    name = "distributed"
    #: exception classes of the client library that mean "the engine does not answer"
    unavailable_errors: tuple[type[BaseException], ...] = ()
    not_found_error: type[BaseException] = LookupError

    def __init__(self, *, url: str = "", index_prefix: str = "hub", replicas: int = 0):
        super().__init__(url=url, index_prefix=index_prefix)
        self.replicas = replicas
        self.alias = f"{index_prefix}-pages"
        self.building_alias = f"{index_prefix}-pages-building"
        self._client = None

    # --- client hooks ------------------------------------------------------------------------
    @property
    def client(self):
        if self._client is None:
            self._client = self.make_client()
        return self._client

    def make_client(self):  # pragma: no cover - per engine
        raise NotImplementedError

    def bulk(self, actions: list[dict]) -> None:  # pragma: no cover - per engine
        raise NotImplementedError

    def create_concrete(self, name: str, body: dict) -> None:
        self.client.indices.create(index=name, body=body)

    def run_search(self, body: dict) -> dict:
        return self.client.search(index=self.alias, body=body)

    def merge_segments(self, name: str) -> None:
        """Merge a new index into one segment; this waits for the merge, which takes minutes
        for a large index (100,000 pages), far longer than the timeout of other requests."""
        self.client.indices.forcemerge(index=name, max_num_segments=1, request_timeout=MERGE_TIMEOUT_SECONDS)

    def _call(self, function, *args, **kwargs):
        try:
            return function(*args, **kwargs)
        except self.unavailable_errors as error:
            if not _means_unavailable(error):
                raise  # a bad request is a bug in the hub, not an outage
            raise EngineUnavailable(f"{self.name} at {self.url}: {error}") from error

    # --- indices and aliases -------------------------------------------------------------------
    def _indices_of(self, alias: str) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=alias).keys())
        except self.not_found_error:
            return []

    def _write_targets(self) -> list[str]:
        return [self.alias] + self._indices_of(self.building_alias)

    def create_index(self) -> None:
        def create():
            if not self.client.indices.exists_alias(name=self.alias):
                name = self._new_index_name()
                self.create_concrete(name, index_definition(name, replicas=self.replicas))
                self.client.indices.put_alias(index=name, name=self.alias)

        self._call(create)

    def _new_index_name(self) -> str:
        return f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.perf_counter_ns() % 1_000_000:06d}"

    def index_documents(self, documents: list[IndexDocument]) -> None:
        if not documents:
            return

        def write():
            self.create_index()
            actions = [
                {"_op_type": "index", "_index": target, "_id": str(d.page_id), "_source": self._source(d)}
                for target in self._write_targets()
                for d in documents
            ]
            self.bulk(actions, refresh="wait_for")

        self._call(write)

    def delete_documents(self, page_ids: Iterable[int]) -> None:
        page_ids = list(page_ids)
        if not page_ids:
            return

        def delete():
            self.create_index()
            actions = [
                {"_op_type": "delete", "_index": target, "_id": str(p)}
                for target in self._write_targets()
                for p in page_ids
            ]
            self.bulk(actions, refresh="wait_for", ignore_missing=True)

        self._call(delete)

    @staticmethod
    def _source(document: IndexDocument) -> dict:
        data = source_of(document)
        data["keywords"] = [fold(k) for k in document.keywords]
        return data

    def rebuild(self, documents: Iterable[IndexDocument], *, progress: Callable[[int], None] | None = None) -> int:
        name = self._new_index_name()
        self._call(self.create_concrete, name, index_definition(name, replicas=self.replicas))
        self._call(self.client.indices.put_alias, index=name, name=self.building_alias)
        total = 0
        for batch in batched(documents, BULK_CHUNK):
            actions = [
                {"_op_type": "index", "_index": name, "_id": str(d.page_id), "_source": self._source(d)} for d in batch
            ]
            self._call(self.bulk, actions)
            total += len(batch)
            if progress:
                progress(len(batch))
        self._call(self.client.indices.refresh, index=name)
        # A bulk-built index has many small segments; merged before it goes live, it answers
        # faster from the first query (the node would merge them later, while serving).
        self._call(self.merge_segments, name)
        self._wait_for_replicas(name)
        old = self._call(self._indices_of, self.alias)
        actions = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        actions += [
            {"add": {"index": name, "alias": self.alias}},
            {"remove": {"index": name, "alias": self.building_alias}},
        ]
        self._call(self.client.indices.update_aliases, body={"actions": actions})
        for index in old:
            self._call(self.client.indices.delete, index=index)
        return total

    def wait_for_green(self, index: str, *, seconds: int) -> None:
        self.client.cluster.health(index=index, wait_for_status="green", timeout=f"{seconds}s")

    def _wait_for_replicas(self, name: str) -> None:
        """Let the cluster copy the new index before it goes live (a node lost right after the
        switch then loses no data); after a few seconds it switches anyway, with a warning."""
        if not self.replicas:
            return
        try:
            self.wait_for_green(name, seconds=8)
        except self.unavailable_errors as error:
            logger.warning("Index %s has not all its replicas after 8 s (%s); switching to it anyway", name, error)

    def drop_all(self) -> None:
        """Delete every index of this prefix (tests and benchmarks clean up with it)."""
        try:
            names = list(self.client.indices.get(index=f"{self.alias}*").keys())
        except (self.not_found_error, *self.unavailable_errors):
            return
        for name in names:
            self.client.indices.delete(index=name)

    # --- reading ------------------------------------------------------------------------------
    def count(self) -> int:
        return int(self._call(self.client.count, index=self.alias)["count"])

    def health(self) -> dict:
        try:
            health = self.client.cluster.health()
            has_index = bool(self.client.indices.exists_alias(name=self.alias))
        except Exception as error:  # noqa: BLE001 - health reports, never raises
            return {"ok": False, "engine": self.name, "url": self.url, "error": str(error)}
        return {
            "ok": health.get("status") in {"green", "yellow"},
            "engine": self.name,
            "url": self.url,
            "cluster_status": health.get("status"),
            "alias": self.alias,
            "index": (self._indices_of(self.alias) or [None])[0] if has_index else None,
        }

    def size_on_disk(self) -> int | None:
        stats = self._call(self.client.indices.stats, index=self.alias, metric="store")
        return int(stats["_all"]["total"]["store"]["size_in_bytes"])

    def build_search(self, request: SearchRequest) -> Search:
        """The elasticsearch-dsl Search for a request (also used by the tests and the docs)."""
        filters = [
            Q("term", live=True),
            _language_filter(request.language),
            Q("terms", audience=list(request.audiences)),
        ]
        if request.channel:
            filters.append(Q("term", channels=request.channel))
        if request.sites:
            filters.append(Q("terms", site_keys=request.sites))
        for keyword in request.keywords or []:
            filters.append(Q("term", keywords=fold(keyword)))
        if request.content_types:
            filters.append(Q("terms", content_type=request.content_types))

        prefix = field_prefix(request.language)
        fields = [f"{prefix}{name}^{FIELD_BOOSTS[name]}" for name in request.search_fields]
        edge_fields = [f"{prefix}{name}" for name in EDGE_FIELDS]
        should = [text_query(request, fields, edge_fields)]
        typed = request.as_typed_groups
        if typed:
            # Pages with the words as typed in their head come before pages found only through
            # the thesaurus or a derived form (a constant on top of the text score).
            head = [f"{prefix}{name}" for name in HEAD_FIELDS]
            as_typed = text_query(request, head, edge_fields, groups=typed)
            should.append(Q("constant_score", filter=as_typed, boost=AS_TYPED_BOOST))
        for i, page_id in enumerate(request.pinned_page_ids):
            should.append(Q("constant_score", filter=Q("term", page_id=page_id), boost=PIN_BOOST - i))
        query = Q("bool", should=should, minimum_should_match=1, filter=filters)
        type_weights = [
            {"filter": Q("term", content_type=name).to_dict(), "weight": weight}
            for name, weight in CONTENT_TYPE_WEIGHTS.items()
        ]
        query = Q("function_score", query=query, functions=type_weights, score_mode="multiply", boost_mode="multiply")

        search = Search().query(query).extra(track_total_hits=True)[request.offset : request.offset + request.limit]
        search = search.source(["page_id", "ref", "title", "site_key", "url_path", "content_type", "audience"])
        search = search.highlight_options(
            pre_tags=[MARK_START],
            post_tags=[MARK_END],
            number_of_fragments=1,
            fragment_size=180,
            require_field_match=False,
        )
        for field in request.snippet_fields:
            search = search.highlight(f"{prefix}{field}", no_match_size=180 if field == "summary" else 0)
        if request.facets:
            search.aggs.bucket("sites", A("terms", field="site_keys", size=50))
            search.aggs.bucket("content_types", A("terms", field="content_type", size=10))
            search.aggs.bucket("keywords", A("terms", field="keywords", size=20))
        return search

    def search(self, request: SearchRequest) -> SearchResults:
        body = self.build_search(request).to_dict()
        return self._results(request, self._call(self.run_search, body))

    def search_and_correct(
        self, request: SearchRequest, words: list[str], *, staff: bool
    ) -> tuple[SearchResults | None, dict[str, str]]:
        """One round trip: the query and the term suggester travel in the same request."""
        body = self.build_search(request).to_dict()
        folded = _correctable(words)
        if folded:
            body["suggest"] = _suggest_section(folded, staff=staff, language=request.language)
        response = self._call(self.run_search, body)
        return self._results(request, response), _corrections_from(response, folded, request.language)

    def _results(self, request: SearchRequest, response: dict) -> SearchResults:
        pinned = set(request.pinned_page_ids)
        hits = []
        for raw in response["hits"]["hits"]:
            source = raw["_source"]
            highlight = raw.get("highlight") or {}
            snippet = _pick_snippet(highlight, request.snippet_fields, field_prefix(request.language))
            hits.append(
                Hit(
                    page_id=int(source["page_id"]),
                    ref=source["ref"],
                    title=source["title"],
                    site_key=source.get("site_key") or "",
                    url_path=source.get("url_path") or "",
                    content_type=source["content_type"],
                    audience=source.get("audience", "public"),
                    score=float(raw.get("_score") or 0.0),
                    snippet=snippet,
                    pinned=int(source["page_id"]) in pinned,
                    language=request.language,
                )
            )
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else int(total)
        aggregations = response.get("aggregations") or {}
        facets = (
            {
                name: [(b["key"], b["doc_count"]) for b in aggregations.get(name, {}).get("buckets", [])]
                for name in ("sites", "content_types", "keywords")
            }
            if request.facets
            else {}
        )
        return SearchResults(hits=hits, total=total, facets=facets, engine=self.name)

    def suggest(
        self,
        prefix: str,
        *,
        audiences: tuple[str, ...],
        sites: list[str] | None,
        limit: int,
        language: str | None = None,
    ) -> list[str]:
        filters = [Q("term", live=True), _language_filter(language), Q("terms", audience=list(audiences))]
        if sites:
            filters.append(Q("terms", site_keys=sites))
        query = Q("bool", must=[Q("match", **{"title.edge": {"query": prefix, "operator": "and"}})], filter=filters)
        search = Search().query(query).source(["title"])[:limit]
        response = self._call(self.run_search, search.to_dict())
        return list(dict.fromkeys(h["_source"]["title"] for h in response["hits"]["hits"]))

    def corrections(self, words: list[str], *, staff: bool, language: str | None = None) -> dict[str, str]:
        folded = _correctable(words)
        if not folded:
            return {}
        language = language or default_language()
        body = Search().extra(size=0).to_dict()
        body["suggest"] = _suggest_section(folded, staff=staff, language=language)
        return _corrections_from(self._call(self.run_search, body), folded, language)


def _correctable(words: list[str]) -> list[str]:
    return [fold(w) for w in words if len(w) >= 3 and not w.isdigit()]


def _language_filter(language: str | None):
    """Only documents in `language` (None: the default language)."""
    return Q("term", language=language or default_language())


def _suggest_section(words: list[str], *, staff: bool, language: str) -> dict:
    """Term suggestions for words missing from the vocabulary (of `language`) the viewer may see."""
    field = spell_field(SPELL_ALL if staff else SPELL_PUBLIC, language)
    options = {"field": field, "suggest_mode": "missing", "max_edits": 2, "min_word_length": 3}
    return {f"w{i}": {"text": word, "term": options} for i, word in enumerate(words)}


def _corrections_from(response: dict, words: list[str], language: str) -> dict[str, str]:
    found = {}
    for i, word in enumerate(words):
        for entry in response.get("suggest", {}).get(f"w{i}", []):
            options = entry.get("options") or []
            if options and stem(options[0]["text"], language) != stem(word, language):
                found[word] = options[0]["text"]
    return found


def _means_unavailable(error) -> bool:
    """Connection problems, a missing index, overload and server errors; not a 400."""
    meta = getattr(error, "meta", None)
    status = getattr(meta, "status", None) if meta is not None else getattr(error, "status_code", None)
    if not isinstance(status, int):
        return True  # no HTTP answer at all: connection refused, timeout
    return status in (404, 408, 429) or status >= 500


def _pick_snippet(highlight: dict, fields: tuple[str, ...], prefix: str = "") -> str:
    """The first highlighted fragment of an allowed field, else the summary's beginning."""
    for field in ("public_text", "phrasings", "summary", "internal_text"):
        if field in fields:
            fragments = highlight.get(f"{prefix}{field}") or []
            if fragments and MARK_START in fragments[0]:
                return marked_to_html(fragments[0])
    fragments = highlight.get(f"{prefix}summary") or []
    return marked_to_html(fragments[0]) if fragments else ""
