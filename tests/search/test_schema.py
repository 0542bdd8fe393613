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


def test_nothing_is_fuzzy_typos_are_corrected_before_the_query():
    """The planner turns a typo into exact alternatives, the same on every engine (see
    test_conformance); fuzzy expansion on the server only made each query slower."""
    engine = make_engine("opensearch", url="http://127.0.0.1:9", index_prefix="x")
    search = engine.build_search(SearchRequest(groups=[["rijbewjis", "rijbewijs"]])).to_dict()
    assert "fuzz" not in str(search)
    text = search["query"]["function_score"]["query"]  # news weighs less (CONTENT_TYPE_WEIGHTS)
    alternatives = text["bool"]["should"][0]["bool"]["must"][0]["bool"]["should"]
    assert len(alternatives) == 2
    # Each alternative searches every public field, the body text too.
    assert all(any("public_text^1.0" in c["multi_match"]["fields"] for c in a["bool"]["should"]) for a in alternatives)


def test_the_index_has_english_analysis_and_english_fields():
    body = index_definition("hub-pages-x")
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["english_text"]["filter"] == [
        "lowercase",
        "asciifolding",
        "english_stop",
        "english_stemmer",
    ]
    # Porter2, the English Snowball stemmer that PostgreSQL and the database engine use too.
    assert analysis["filter"]["english_stemmer"] == {"type": "stemmer", "language": "porter2"}
    english = body["mappings"]["properties"]["en"]["properties"]
    assert english["public_text"]["analyzer"] == "english_text"
    assert english["public_text"]["index_options"] == "offsets"
    assert english["title"]["fields"]["edge"]["analyzer"] == "dutch_edge"
    spell = body["mappings"]["properties"]["spell_public"]["properties"]
    assert set(spell) == {"nl", "en"}


def test_an_english_document_fills_the_english_fields_and_vocabulary():
    from search.documents import IndexDocument
    from search.schema import source_of

    document = IndexDocument(
        page_id=1, ref="x", title="Apply for a passport", public_text="Bring a photo.", language="en"
    )
    source = source_of(document)
    assert source["en"]["public_text"] == "Bring a photo." and "public_text" not in source
    assert source["title"] == "Apply for a passport"  # shown in hits, completed by suggestions
    assert source["spell_public"] == {"en": "Apply for a passport\n\n\n\nBring a photo."}
    dutch = source_of(IndexDocument(page_id=2, ref="y", title="Paspoort", public_text="Neem een foto mee."))
    assert dutch["public_text"] == "Neem een foto mee." and "en" not in dutch


def test_an_english_search_uses_the_english_fields_and_only_english_documents():
    engine = make_engine("opensearch", url="http://127.0.0.1:9", index_prefix="x")
    english = engine.build_search(SearchRequest(groups=[["passport"]], language="en")).to_dict()
    query = english["query"]["function_score"]["query"]
    assert {"term": {"language": "en"}} in query["bool"]["filter"]
    text = str(query["bool"]["should"][0])
    assert "en.public_text^1.0" in text and "en.title.edge^1.5" in text and "'public_text^1.0'" not in text
    assert set(english["highlight"]["fields"]) == {"en.summary", "en.phrasings", "en.public_text"}
