"""Types shared by every domain of the API."""

import base64

import graphene
from django.conf import settings

from ..errors import BAD_INPUT, ClientError


class Channel(graphene.Enum):
    """The channel a response is rendered for. Blocks not meant for it are absent."""

    WEB = "web"
    APP = "app"
    KCC = "kcc"
    BALIE = "balie"

    @property
    def description(self):
        return {
            Channel.WEB: "The website and subsites.",
            Channel.APP: "The mobile app.",
            Channel.KCC: "The call centre (KCC) console; staff only for internal blocks.",
            Channel.BALIE: "The front desk (balie); staff only for internal blocks.",
        }.get(self)


def channel_value(channel) -> str:
    """graphene hands resolvers the enum's value or the member; accept both."""
    if channel is None:
        return "web"
    return getattr(channel, "value", channel)


class PageInfo(graphene.ObjectType):
    """Where this slice of a list ends, for cursor pagination."""

    has_next_page = graphene.Boolean(required=True, description="True when there is a next slice.")
    end_cursor = graphene.String(description="Pass as `after` to get the next slice.")


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode()


def decode_cursor(cursor: str | None) -> int:
    """Cursors are opaque to clients; inside they hold an offset."""
    if not cursor:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
        offset = int(value)
    except (ValueError, UnicodeDecodeError):
        raise ClientError(BAD_INPUT, "The cursor `after` is not valid.") from None
    if kind != "o" or offset < 0:
        raise ClientError(BAD_INPUT, "The cursor `after` is not valid.")
    return offset + 1


def page_size(first: int | None) -> int:
    limits = settings.HUB_GRAPHQL
    if first is None:
        return limits["DEFAULT_PAGE_SIZE"]
    if first < 0 or first > limits["MAX_PAGE_SIZE"]:
        raise ClientError(BAD_INPUT, f"`first` must be between 0 and {limits['MAX_PAGE_SIZE']}.")
    return first
