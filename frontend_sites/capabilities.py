"""What the connected hub offers: fields that are still being built are used once they exist.

Read through introspection and cached. When introspection is switched off, the documented
contract is assumed (search present with its documented arguments, feedback on pages; no search
feedback mutation).
"""

from dataclasses import dataclass, field

from . import hub_client

DOCUMENTED_SEARCH_ARGS = {
    "query": "String!",
    "site": "String",
    "channel": "Channel",
    "keywords": "[String!]",
    "first": "Int",
    "after": "String",
}
DOCUMENTED_RESULT_FIELDS = {"hits", "totalCount", "facets", "suggestions", "didYouMean"}
# Feedback on pages is part of the committed schema (docs/feedback.md), so a production hub
# without introspection still gets the form.
DOCUMENTED_MUTATIONS = {
    "submitFeedback": {"args": {}, "returns_object": True},
    "submitKccFeedback": {"args": {}, "returns_object": True},
}


@dataclass
class Capabilities:
    query_fields: dict[str, dict[str, str]] = field(default_factory=dict)
    mutation_fields: dict[str, dict] = field(default_factory=dict)
    search_result_fields: set[str] = field(default_factory=set)

    @property
    def has_search(self) -> bool:
        return "search" in self.query_fields

    @property
    def has_suggestions(self) -> bool:
        return "searchSuggestions" in self.query_fields

    def search_args(self) -> dict[str, str]:
        return self.query_fields.get("search", {})

    @property
    def feedback(self) -> dict | None:
        return self.mutation_fields.get("recordSearchFeedback")

    @property
    def page_feedback(self) -> bool:
        """The hub takes residents' "Was deze informatie nuttig?" (`submitFeedback`)."""
        return "submitFeedback" in self.mutation_fields

    @property
    def kcc_feedback(self) -> bool:
        """The hub takes a KCC employee's "klopt niet / verouderd" (`submitKccFeedback`)."""
        return "submitKccFeedback" in self.mutation_fields


def type_ref(raw: dict) -> str:
    """Render an introspected type as SDL, e.g. `[String!]!`."""
    if raw["kind"] == "NON_NULL":
        return type_ref(raw["ofType"]) + "!"
    if raw["kind"] == "LIST":
        return "[" + type_ref(raw["ofType"]) + "]"
    return raw["name"]


def _innermost(raw: dict) -> dict:
    while raw.get("ofType"):
        raw = raw["ofType"]
    return raw


def _load() -> Capabilities:
    try:
        data = hub_client.client().execute(hub_client.query("capabilities"))
    except hub_client.HubError:
        return Capabilities(
            query_fields={
                "search": dict(DOCUMENTED_SEARCH_ARGS),
                "searchSuggestions": {"prefix": "String!", "site": "String"},
            },
            search_result_fields=set(DOCUMENTED_RESULT_FIELDS),
            mutation_fields=dict(DOCUMENTED_MUTATIONS),
        )
    schema = data["__schema"]
    query_fields = {
        f["name"]: {a["name"]: type_ref(a["type"]) for a in f["args"]} for f in schema["queryType"]["fields"]
    }
    mutation_fields = {}
    for f in (schema.get("mutationType") or {}).get("fields") or []:
        mutation_fields[f["name"]] = {
            "args": {a["name"]: type_ref(a["type"]) for a in f["args"]},
            "returns_object": _innermost(f["type"])["kind"] in {"OBJECT", "INTERFACE", "UNION"},
        }
    result_fields = {f["name"] for f in (data.get("searchResults") or {}).get("fields") or []}
    return Capabilities(query_fields, mutation_fields, result_fields)


def capabilities() -> Capabilities:
    return hub_client.cached(("capabilities",), _load)
