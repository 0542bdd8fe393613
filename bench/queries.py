"""The same two front-end requests, written for each API under test.

Product page: title, summary, URL and every block of the body with its content (text as HTML,
steps, cost rows, FAQ, notices, links with their URLs, fragments with their own blocks).
Listing: the first 20 product pages by title, with title, summary and URL.
"""

OURS_PRODUCT = """query Product($path: String!) {
  page(site: "deventer", path: $path) {
    id title url summary
    ... on ProductPage {
      sections { section heading blocks { ...Content
        ... on FragmentBlock { fragmentTitle fragmentBlocks { ...Content } }
      } }
    }
  }
}
fragment Content on Block {
  id type
  ... on TextBlock { html }
  ... on StepsBlock { steps }
  ... on CostTableBlock { costRows { description amount } }
  ... on FaqBlock { faqItems { question answer } }
  ... on NoticeBlock { noticeLevel noticeText }
  ... on LinkListBlock { links { title url } }
}"""

OURS_LISTING = """query Listing {
  pages(site: "deventer", type: "product", first: 20, orderBy: TITLE_ASC) { nodes { id title url summary } }
}"""

# grapple serves a StreamField through generic block types: a section is a StructBlock whose
# `blocks` are its fields, the content is a StreamBlock of StructBlocks, lists are ListBlocks.
# DecimalBlock's `value` is a Float, so it needs an alias next to the String values.
GRAPPLE_PRODUCT = """query Product($path: String!) {
  page(urlPath: $path, inSite: true) {
    id title url
    ... on ProductPage { summary body { ...Section } }
  }
}
fragment Section on StreamFieldInterface {
  id blockType
  ... on StructBlock { blocks { field ...Leaf
    ... on StreamBlock { blocks { id blockType ...Content } }
  } }
}
fragment Content on StreamFieldInterface {
  ... on StructBlock { blocks { field ...Leaf
    ... on ListBlock { items { ...Leaf ... on StructBlock { blocks { field ...Leaf } } } }
    ... on SnippetChooserBlock { snippet { ... on Fragment { title body { id blockType
      ... on StructBlock { blocks { field ...Leaf
        ... on ListBlock { items { ...Leaf ... on StructBlock { blocks { field ...Leaf } } } }
      } }
    } } } }
  } }
}
fragment Leaf on StreamFieldInterface {
  blockType
  ... on CharBlock { value }
  ... on TextBlock { value }
  ... on RichTextBlock { value }
  ... on ChoiceBlock { value }
  ... on URLBlock { value }
  ... on DecimalBlock { amount: value }
  ... on PageChooserBlock { page { url title } }
}"""

GRAPPLE_LISTING = """query Listing {
  pages(contentType: "content.ProductPage", limit: 20, order: "title") {
    id title url ... on ProductPage { summary }
  }
}"""

# Wagtail's REST API v2: the detail view returns every API field (the body as stored, rich text
# unexpanded, chosen pages and snippets as ids); the listing asks for the summary.
REST_PRODUCT = "/api/v2/pages/{id}/"
REST_LISTING = "/api/v2/pages/?type=content.ProductPage&fields=summary&limit=20&order=title"


def product_request(api: str, page: dict) -> tuple[str, str, dict | None]:
    """(method, path, JSON body) of the product-page request for one sampled page."""
    if api == "ours":
        return "POST", "/graphql/", {"query": OURS_PRODUCT, "variables": {"path": page["path"]}}
    if api == "grapple":
        return "POST", "/grapple/", {"query": GRAPPLE_PRODUCT, "variables": {"path": page["path"]}}
    return "GET", REST_PRODUCT.format(id=page["id"]), None


def listing_request(api: str) -> tuple[str, str, dict | None]:
    if api == "ours":
        return "POST", "/graphql/", {"query": OURS_LISTING}
    if api == "grapple":
        return "POST", "/grapple/", {"query": GRAPPLE_LISTING}
    return "GET", REST_LISTING, None


APIS = ("ours", "grapple", "rest")
LABELS = {"ours": "our API", "grapple": "grapple", "rest": "REST v2"}
