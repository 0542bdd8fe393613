from .conftest import SITE


def scalar(name, kind="SCALAR"):
    return {"kind": kind, "name": name, "ofType": None}


def non_null(inner):
    return {"kind": "NON_NULL", "name": None, "ofType": inner}


def list_of(inner):
    return {"kind": "LIST", "name": None, "ofType": inner}


SEARCH_CAPABILITIES = {
    "data": {
        "__schema": {
            "queryType": {
                "fields": [
                    {
                        "name": "search",
                        "args": [
                            {"name": "query", "type": non_null(scalar("String"))},
                            {"name": "site", "type": scalar("String")},
                            {"name": "channel", "type": scalar("Channel", "ENUM")},
                            {"name": "keywords", "type": list_of(non_null(scalar("String")))},
                            {"name": "first", "type": scalar("Int")},
                            {"name": "after", "type": scalar("String")},
                        ],
                    },
                    {
                        "name": "searchSuggestions",
                        "args": [
                            {"name": "prefix", "type": non_null(scalar("String"))},
                            {"name": "site", "type": scalar("String")},
                        ],
                    },
                ]
            },
            "mutationType": None,
        },
        "searchResults": {
            "fields": [{"name": n} for n in ("hits", "totalCount", "facets", "suggestions", "didYouMean")]
        },
    }
}

HITS = {
    "data": {
        "search": {
            "totalCount": 2,
            "hits": [
                {
                    "id": "9",
                    "ref": "product-paspoort",
                    "title": "Paspoort aanvragen",
                    "url": "http://localhost:8001/producten/paspoort-aanvragen/",
                    "site": "deventer",
                    "snippet": "Een <mark>paspoort</mark> vraagt u aan <script>x</script>",
                    "score": 3.2,
                    "contentType": "product",
                },
                {
                    "id": "10",
                    "ref": "article-brink",
                    "title": "Werkzaamheden op de Brink",
                    "url": "http://localhost:8002/werkzaamheden/brink/",
                    "site": "verkeer",
                    "snippet": "",
                    "score": 1.0,
                    "contentType": "article",
                },
            ],
            "facets": {
                "sites": [{"value": "deventer", "count": 1}, {"value": "verkeer", "count": 1}],
                "contentTypes": [{"value": "product", "count": 1}, {"value": "article", "count": 1}],
                "keywords": [{"value": "paspoort", "count": 1}],
            },
            "suggestions": [],
            "didYouMean": None,
        }
    }
}

NO_HITS = {
    "data": {
        "search": {
            "totalCount": 0,
            "hits": [],
            "facets": {"sites": [], "contentTypes": [], "keywords": []},
            "suggestions": ["paspoort", "identiteitskaart"],
            "didYouMean": "paspoort",
        }
    }
}


def test_search_says_so_kindly_while_the_hub_has_no_search_field(website):
    response = website.get("/zoeken/", {"q": "paspoort"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zoeken lukt nu niet" in html


def test_search_says_so_kindly_when_the_search_engine_is_down(website, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    down = {"errors": [{"message": "down", "extensions": {"code": "SEARCH_UNAVAILABLE"}}]}
    fake_hub.handlers["Search"] = lambda v: down
    assert "Zoeken lukt nu niet" in website.get("/zoeken/", {"q": "paspoort"}).content.decode()


def test_search_shows_hits_with_safe_highlights_and_facet_filters(website, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    fake_hub.handlers["Search"] = lambda v: HITS
    html = website.get("/zoeken/", {"q": "paspoort"}).content.decode()
    assert "2 resultaten voor ‘paspoort’" in html
    assert 'href="/producten/paspoort-aanvragen/"' in html  # own site: by path
    assert 'href="http://localhost:8002/werkzaamheden/brink/"' in html  # other site: full URL
    assert "<mark>paspoort</mark>" in html and "<script>x" not in html
    assert "Producten en diensten <span" in html and "?q=paspoort&amp;type=product" in html
    request = next(r for r in fake_hub.requests if r["operation"] == "Search")
    assert request["variables"] == {"query": "paspoort", "site": "deventer", "channel": "WEB", "first": 10}


def test_a_keyword_filter_is_sent_to_the_hub(website, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    fake_hub.handlers["Search"] = lambda v: HITS
    website.get("/zoeken/", {"q": "paspoort", "trefwoord": "paspoort", "site": "verkeer"})
    request = next(r for r in fake_hub.requests if r["operation"] == "Search")
    assert request["variables"]["keywords"] == ["paspoort"]
    assert request["variables"]["site"] == "verkeer"


def test_a_content_type_filter_narrows_the_hits_when_the_hub_cannot(website, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    fake_hub.handlers["Search"] = lambda v: HITS
    html = website.get("/zoeken/", {"q": "paspoort", "type": "article"}).content.decode()
    assert "Werkzaamheden op de Brink" in html and "Paspoort aanvragen</a>" not in html


def test_no_results_suggests_alternatives(website, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    fake_hub.handlers["Search"] = lambda v: NO_HITS
    html = website.get("/zoeken/", {"q": "pasport"}).content.decode()
    assert "Geen resultaten gevonden" in html
    assert 'Bedoelt u <a href="?q=paspoort">paspoort</a>?' in html
    assert "identiteitskaart" in html


def test_suggestions_come_from_the_hub_when_it_has_them(website, fake_hub):
    assert website.get("/zoeken/suggesties/", {"q": "pas"}).json() == {"suggestions": []}
    fake_hub.handlers["Capabilities"] = lambda v: SEARCH_CAPABILITIES
    fake_hub.handlers["SearchSuggestions"] = lambda v: {"data": {"searchSuggestions": ["paspoort", "parkeren"]}}
    assert website.get("/zoeken/suggesties/", {"q": "pa"}).json() == {"suggestions": ["paspoort", "parkeren"]}


def test_without_introspection_the_documented_search_shape_is_used(website, fake_hub):
    fake_hub.handlers["Capabilities"] = lambda v: {"errors": [{"message": "no", "extensions": {"code": "BAD_INPUT"}}]}
    fake_hub.handlers["Search"] = lambda v: HITS
    assert "2 resultaten" in website.get("/zoeken/", {"q": "paspoort"}).content.decode()
    query = next(r for r in fake_hub.requests if r["operation"] == "Search")["query"]
    assert "didYouMean" in query and "facets" in query


def test_the_site_menu_is_on_the_search_page(website):
    assert SITE["menu"][0]["title"] in website.get("/zoeken/").content.decode()
