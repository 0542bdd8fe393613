"""Images through named rendition presets only: clients cannot ask for arbitrary filters."""

import graphene

PRESETS = {
    "THUMBNAIL": ("fill-{w}x{h}", [(320, 200), (640, 400)]),
    "CONTENT": ("width-{w}", [(400, None), (800, None), (1200, None)]),
    "HERO": ("fill-{w}x{h}", [(800, 300), (1600, 600)]),
}


class ImagePreset(graphene.Enum):
    """Named rendition presets."""

    THUMBNAIL = "THUMBNAIL"
    CONTENT = "CONTENT"
    HERO = "HERO"


def _filters(preset: str) -> list[str]:
    pattern, sizes = PRESETS[preset]
    return [pattern.format(w=w, h=h) for w, h in sizes]


class Rendition(graphene.ObjectType):
    """One size of an image."""

    url = graphene.String(required=True, description="Absolute URL of this size.")
    width = graphene.Int(required=True, description="Width in pixels.")
    height = graphene.Int(required=True, description="Height in pixels.")


class Image(graphene.ObjectType):
    """An image. Sizes come from named presets, ready for `srcset`."""

    title = graphene.String(required=True, description="Title of the image in the media library.")
    width = graphene.Int(required=True, description="Original width in pixels.")
    height = graphene.Int(required=True, description="Original height in pixels.")
    renditions = graphene.List(
        graphene.NonNull(Rendition),
        required=True,
        preset=graphene.Argument(ImagePreset, required=True, description="Which preset."),
        description="Every size of the preset, smallest first.",
    )
    srcset = graphene.String(
        required=True,
        preset=graphene.Argument(ImagePreset, required=True, description="Which preset."),
        description="A ready `srcset` attribute value.",
    )

    @staticmethod
    def resolve_renditions(image, info, preset):
        preset = getattr(preset, "value", preset)
        renditions = image.get_renditions(*_filters(preset))
        absolute = info.context.build_absolute_uri
        return [{"url": absolute(r.url), "width": r.width, "height": r.height} for r in renditions.values()]

    @staticmethod
    def resolve_srcset(image, info, preset):
        return ", ".join(f"{r['url']} {r['width']}w" for r in Image.resolve_renditions(image, info, preset))
