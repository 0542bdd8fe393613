"""Documents offered for download: what a front-end needs to make an honest link (the file type
and size in the link text, so nobody downloads 20 MB on a phone by surprise)."""

import graphene

GRAPHQL_INT_MAX = 2**31 - 1


class Document(graphene.ObjectType):
    """A file from the media library, such as a PDF."""

    title = graphene.String(required=True, description="Title of the document in the media library.")
    url = graphene.String(required=True, description="Absolute URL to download the document.")
    file_type = graphene.String(required=True, description="File type in capitals, from the file name, e.g. `PDF`.")
    content_type = graphene.String(required=True, description="MIME type, e.g. `application/pdf`.")
    file_size = graphene.Int(description="Size in bytes, or null when unknown.")

    @staticmethod
    def resolve_url(document, info):
        return info.context.build_absolute_uri(document.url)

    @staticmethod
    def resolve_file_type(document, info):
        return document.file_extension.upper()

    @staticmethod
    def resolve_content_type(document, info):
        return document.content_type

    @staticmethod
    def resolve_file_size(document, info):
        # The size Wagtail stored at upload: asking the storage here would be a read per block.
        size = document.file_size
        return size if size is not None and size <= GRAPHQL_INT_MAX else None
