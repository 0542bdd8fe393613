"""Preview tokens from wagtail-headless-preview, checked for expiry and for the one page."""

from django.conf import settings
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from wagtail_headless_preview.models import PagePreview

from ..errors import PREVIEW_TOKEN_INVALID, ClientError


def page_from_preview_token(token: str):
    """The draft page behind a preview token, or a PREVIEW_TOKEN_INVALID error."""
    signer = TimestampSigner(salt="headlesspreview.token")
    try:
        signer.unsign(token, max_age=settings.HUB_PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired:
        raise ClientError(PREVIEW_TOKEN_INVALID, "The preview link has expired. Click Voorbeeld again.") from None
    except BadSignature:
        raise ClientError(PREVIEW_TOKEN_INVALID, "The preview token is not valid.") from None
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        raise ClientError(PREVIEW_TOKEN_INVALID, "The preview token is not valid.")
    return preview.as_page()
