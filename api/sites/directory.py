"""Which site a page belongs to, and its URL there. Loaded once per request."""

from content.models import SiteConfig

from ..errors import NOT_FOUND, ClientError


class SiteDirectory:
    def __init__(self):
        configs = SiteConfig.objects.filter(key__isnull=False).select_related("site__root_page")
        self.by_key = {c.key: c for c in configs}
        self.by_site_id = {c.site_id: c for c in configs}
        # Longest root path first, so a nested site wins over its parent.
        self._roots = sorted(((c.site.root_page.path, c) for c in configs), key=lambda r: -len(r[0]))

    def get(self, key: str) -> SiteConfig:
        config = self.by_key.get(key)
        if config is None:
            raise ClientError(NOT_FOUND, f"There is no site with key {key!r}.")
        return config

    def site_of(self, page) -> SiteConfig | None:
        for root_path, config in self._roots:
            if page.path.startswith(root_path):
                return config
        return None

    def relative_path(self, page) -> str | None:
        config = self.site_of(page)
        if config is None:
            return None
        root_url_path = config.site.root_page.url_path
        return "/" + page.url_path[len(root_url_path) :]

    def url_for_path(self, config, path: str) -> str:
        return (config.frontend_url or "").rstrip("/") + path

    def url_of(self, page) -> str | None:
        config = self.site_of(page)
        path = self.relative_path(page)
        return None if config is None or path is None else self.url_for_path(config, path)


def site_directory(info) -> SiteDirectory:
    request = info.context
    if not hasattr(request, "_hub_sites"):
        request._hub_sites = SiteDirectory()
    return request._hub_sites
