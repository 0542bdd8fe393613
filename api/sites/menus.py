"""A site's menu in one language, for every site of a response in two queries."""

from collections import defaultdict
from dataclasses import dataclass

from content.models import MenuItem, SiteConfig
from content.visibility import Viewer

from ..core.dataloaders import RequestLoader
from ..pages.translations import visible_versions
from .directory import site_directory


@dataclass(frozen=True)
class SiteInLanguage:
    """A site as a front-end shows it in one language."""

    config: SiteConfig
    language: str


class MenuLoader(RequestLoader):
    """(site config id, language, viewer) → the menu items in that language.

    An item that points to a page shows the version of that page in the language (its title
    and path; the editor's title of the item in the page's own language) and is left out when
    the viewer may see no such version; an item with a URL stays.
    """

    @staticmethod
    def key(site: SiteInLanguage, viewer: Viewer) -> tuple:
        return (site.config.pk, site.language, viewer)

    def load_many(self, keys):
        directory = site_directory(self.info)
        items = defaultdict(list)
        rows = MenuItem.objects.filter(config_id__in={k[0] for k in keys}).select_related("page")
        for item in rows.order_by("config_id", "sort_order", "pk"):
            items[item.config_id].append(item)
        by_viewer = defaultdict(set)
        for config_id, _language, viewer in keys:
            by_viewer[viewer] |= {i.page.translation_key for i in items[config_id] if i.page_id}
        versions = {viewer: visible_versions(directory, tks, viewer) for viewer, tks in by_viewer.items()}
        configs = {c.pk: c for c in directory.by_key.values()}
        return {
            (config_id, language, viewer): list(
                _menu(directory, configs[config_id], items[config_id], language, versions[viewer])
            )
            for config_id, language, viewer in keys
            if config_id in configs
        }


def _menu(directory, config, items, language, versions):
    for item in items:
        if not item.page_id:
            if item.url:
                yield {"title": item.title, "path": None, "url": item.url}
            continue
        shown = next((v for v in versions.get(item.page.translation_key, []) if v.language == language), None)
        if shown is None:
            continue
        title = item.title if shown.page_id == item.page_id else shown.title
        yield {"title": title, "path": shown.path, "url": directory.url_for_path(config, shown.path)}
