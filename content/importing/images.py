"""Images referenced by an import file, stored once by their content hash."""

import hashlib

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images import get_image_model


def import_image(path, base_dir) -> int:
    path = path.resolve()
    if base_dir.resolve() not in path.parents:
        raise ValueError("the image must be in the folder of the import file")
    try:
        data = path.read_bytes()
    except OSError:
        raise ValueError(f"cannot read the image {path.name}") from None
    try:
        with PILImage.open(path) as img:
            img.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValueError(f"{path.name} is not an image") from None
    digest = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own file_hash is SHA-1
    Image = get_image_model()
    existing = Image.objects.filter(file_hash=digest).values_list("pk", flat=True).first()
    if existing:
        return existing
    with path.open("rb") as handle:
        image = Image(title=path.stem.replace("-", " "), file=ImageFile(handle, name=path.name))
        image.save()
    return image.pk
