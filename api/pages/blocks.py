"""One GraphQL type per StreamField block, with distinct field names for typed clients."""

import graphene
from wagtail.rich_text import expand_db_html

from content.blocks import list_items
from content.plain_text import rich_text_plain

from .documents import Document
from .images import Image


class Block(graphene.Interface):
    """A content block, rendered for one channel. Blocks not meant for it are absent."""

    id = graphene.String(required=True, description="Stable id of the block.")
    type = graphene.String(
        required=True, description="Block type, e.g. `text` or `kcc_script`.", resolver=lambda block, info: block.type
    )
    section = graphene.String(description="Product section (inleiding, aanvraag, kosten, ...) or null.")
    channels = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Channels this block is shown on."
    )

    @classmethod
    def resolve_type(cls, instance, info):
        return BLOCK_TYPES[instance.type]

    @staticmethod
    def resolve_channels(block, info):
        return (block.value or {}).get("channels") or []


class TextBlock(graphene.ObjectType):
    """Rich text."""

    html = graphene.String(required=True, description="The text as HTML, links expanded.")
    plain_text = graphene.String(required=True, description="The text without markup.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_html(block, info):
        return expand_db_html(block.value.get("text", ""))

    @staticmethod
    def resolve_plain_text(block, info):
        return rich_text_plain(block.value.get("text", ""))


class KccScriptBlock(graphene.ObjectType):
    """What a KCC or balie employee says. Only for staff, only on the KCC and balie channels."""

    script = graphene.String(required=True, description="The script to read or follow.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_script(block, info):
        return block.value.get("script", "")


class StepsBlock(graphene.ObjectType):
    """Numbered steps."""

    steps = graphene.List(graphene.NonNull(graphene.String), required=True, description="The steps in order.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_steps(block, info):
        return list_items(block.value.get("steps"))


class CostRow(graphene.ObjectType):
    """One row of a cost table."""

    description = graphene.String(required=True, description="What the amount is for.")
    amount = graphene.String(required=True, description="Amount in euros as a decimal string, e.g. `84.75`.")
    amount_formatted = graphene.String(required=True, description="Amount in Dutch notation, e.g. `€ 84,75`.")


class CostTableBlock(graphene.ObjectType):
    """A table of costs."""

    cost_rows = graphene.List(graphene.NonNull(CostRow), required=True, description="The rows.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_cost_rows(block, info):
        rows = []
        for row in list_items(block.value.get("rows")):
            amount = f"{float(row['amount']):.2f}"
            euros, cents = amount.split(".")
            grouped = f"{int(euros):,}".replace(",", ".")
            rows.append(
                {"description": row["description"], "amount": amount, "amount_formatted": f"€ {grouped},{cents}"}
            )
        return rows


class FaqItem(graphene.ObjectType):
    """A question with its answer."""

    question = graphene.String(required=True, description="The question.")
    answer = graphene.String(required=True, description="The answer, plain text.")


class FaqBlock(graphene.ObjectType):
    """Frequently asked questions."""

    faq_items = graphene.List(graphene.NonNull(FaqItem), required=True, description="The questions.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_faq_items(block, info):
        return list_items(block.value.get("items"))


class NoticeLevel(graphene.Enum):
    """How prominent a notice is."""

    INFO = "info"
    WARNING = "warning"


class NoticeBlock(graphene.ObjectType):
    """A notice that stands out."""

    notice_level = graphene.Field(NoticeLevel, required=True, description="INFO or WARNING.")
    notice_text = graphene.String(required=True, description="The text of the notice.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_notice_level(block, info):
        return block.value.get("level", "info")

    @staticmethod
    def resolve_notice_text(block, info):
        return block.value.get("text", "")


class Link(graphene.ObjectType):
    """A link to a page in the hub or to an external URL. Pages the caller may not see are left out."""

    title = graphene.String(required=True, description="Link text.")
    url = graphene.String(required=True, description="Where the link goes.")
    page_ref = graphene.String(description="Ref of the linked hub page, if it is one.")
    page_site = graphene.String(description="Key of the linked page's site, if it is a hub page.")
    page_path = graphene.String(
        description="Path of the linked page on its site's website (with the language prefix for a translation)."
    )

    @staticmethod
    def _directory(info):
        from ..sites.directory import site_directory

        return site_directory(info)

    @staticmethod
    def resolve_url(link, info):
        if link["page"] is None:
            return link["url"]
        return Link._directory(info).url_of(link["page"]) or ""

    @staticmethod
    def resolve_page_ref(link, info):
        page = link["page"]
        return getattr(page, "ref", None) if page is not None else None

    @staticmethod
    def resolve_page_site(link, info):
        config = Link._directory(info).site_of(link["page"]) if link["page"] is not None else None
        return config.key if config else None

    @staticmethod
    def resolve_page_path(link, info):
        return Link._directory(info).public_path(link["page"]) if link["page"] is not None else None


class LinkListBlock(graphene.ObjectType):
    """A list of links."""

    links = graphene.List(graphene.NonNull(Link), required=True, description="The visible links.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_links(block, info):
        return block.links


class ImageBlock(graphene.ObjectType):
    """An image with its alt text."""

    image = graphene.Field(Image, required=True, description="The image and its renditions.")
    alt_text = graphene.String(required=True, description="Alternative text for screen readers.")
    caption = graphene.String(required=True, description="Caption, may be empty.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_image(block, info):
        return block.image

    @staticmethod
    def resolve_alt_text(block, info):
        return block.value.get("alt", "")

    @staticmethod
    def resolve_caption(block, info):
        return block.value.get("caption", "")


class DocumentBlock(graphene.ObjectType):
    """A document to download, with its link text. Show the file type and size in the link."""

    document_title = graphene.String(required=True, description="The link text the editor wrote.")
    document = graphene.Field(Document, required=True, description="The file: URL, type and size.")

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_document_title(block, info):
        return block.value.get("title") or block.document.title

    @staticmethod
    def resolve_document(block, info):
        return block.document


class FragmentBlock(graphene.ObjectType):
    """A reusable fragment, embedded by reference. Its blocks are filtered like any other."""

    fragment_ref = graphene.String(required=True, description="Ref of the fragment.")
    fragment_title = graphene.String(required=True, description="Title of the fragment.")
    fragment_blocks = graphene.List(
        graphene.NonNull(Block), required=True, description="The fragment's blocks for this channel."
    )

    class Meta:
        interfaces = (Block,)

    @staticmethod
    def resolve_fragment_ref(block, info):
        return block.value["ref"]

    @staticmethod
    def resolve_fragment_title(block, info):
        return block.value["title"]

    @staticmethod
    def resolve_fragment_blocks(block, info):
        return block.children


BLOCK_TYPES = {
    "text": TextBlock,
    "kcc_script": KccScriptBlock,
    "steps": StepsBlock,
    "cost_table": CostTableBlock,
    "faq": FaqBlock,
    "notice": NoticeBlock,
    "link_list": LinkListBlock,
    "image": ImageBlock,
    "document": DocumentBlock,
    "fragment": FragmentBlock,
}
