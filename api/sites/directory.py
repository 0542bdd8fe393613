"""The sites of one request: `content.models.SiteDirectory`, loaded once per request, whose
lookup by key answers an unknown key with a coded API error."""

from content.models import SiteConfig, SiteDirectory

from ..errors import NOT_FOUND, ClientError


class RequestSiteDirectory(SiteDirectory):
    def get(self, key: str) -> SiteConfig:
        config = self.find(key)
        if config is None:
            raise ClientError(NOT_FOUND, f"There is no site with key {key!r}.")
        return config


def site_directory(info) -> RequestSiteDirectory:
    request = info.context
    if not hasattr(request, "_hub_sites"):
        request._hub_sites = RequestSiteDirectory()
    return request._hub_sites
