"""The elasticsearch-dsl schema and queries, shared by OpenSearch and Elasticsearch (no network)."""

from search.engines import SearchRequest, make_engine
from search.schema import index_definition


def test_the_index_has_dutch_analysis_and_an_edge_ngram_subfield():
    body = index_definition("hub-pages-x")
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["dutch_text"]["filter"] == ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert body["mappings"]["properties"]["title"]["fields"]["edge"]["analyzer"] == "dutch_edge"
    assert set(body["mappings"]["_source"]["excludes"]) == {"spell_public", "spell_all"}


def test_opensearch_and_elasticsearch_send_the_same_query():
    request = SearchRequest(groups=[["paspoort", "reisdocument"]], channel="web", sites=["deventer"])
    opensearch = make_engine("opensearch", url="http://127.0.0.1:9", index_prefix="x")
    elasticsearch = make_engine("elasticsearch", url="http://127.0.0.1:9", index_prefix="x")
    assert opensearch.build_search(request).to_dict() == elasticsearch.build_search(request).to_dict()


def test_public_queries_never_search_or_highlight_internal_text():
    engine = make_engine("opensearch", url="http://127.0.0.1:9", index_prefix="x")
    public = str(engine.build_search(SearchRequest(groups=[["paspoort"]])).to_dict())
    staff = str(engine.build_search(SearchRequest(groups=[["paspoort"]], audiences=("public", "internal"))).to_dict())
    assert "internal_text" not in public and "'internal'" not in public
    assert "internal_text" in staff


def _fuzzy_fields(alternative: dict) -> list[str]:
    return [
        field
        for clause in alternative["bool"]["should"]
        if "fuzziness" in clause["multi_match"]
        for field in clause["multi_match"]["fields"]
    ]


def test_typed_words_are_fuzzy_on_short_fields_and_synonyms_are_exact():
    engine = make_engine("opensearch", url="http://127.0.0.1:9", index_prefix="x")
    search = engine.build_search(SearchRequest(groups=[["rijbewjis", "rijbewijs"]])).to_dict()
    alternatives = search["query"]["bool"]["should"][0]["bool"]["must"][0]["bool"]["should"]
    typed = _fuzzy_fields(alternatives[0])
    assert "title^4.0" in typed and not any(f.startswith("public_text") for f in typed)
    assert _fuzzy_fields(alternatives[1]) == []
    # The body text is still searched for the typed word, exactly.
    assert any("public_text^1.0" in c["multi_match"]["fields"] for c in alternatives[0]["bool"]["should"])
    # Highlighting never expands fuzzily: that was the slowest part of a search.
    assert "fuzziness" not in str(search["highlight"]["highlight_query"])
