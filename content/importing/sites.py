"""Sites of an import file: a home page, a Wagtail Site, its settings (key, theme) and menu."""

from django.utils.text import slugify
from wagtail.models import Page, Site

from ..models import HomePage, MenuItem, SectionPage, SiteConfig


class SiteWriter:
    def __init__(self, problems):
        self.problems = problems
        self._roots: dict[str, Page] = {}

    def _problem(self, code, where, field, message):
        from .errors import Problem

        self.problems.append(Problem(code, where, field, message))

    def root_for(self, key):
        if not isinstance(key, str):
            return None
        if key not in self._roots:
            config = SiteConfig.objects.filter(key=key).select_related("site__root_page").first()
            if config is None:
                return None
            self._roots[key] = config.site.root_page.specific
        return self._roots[key]

    def sites_for(self, keys):
        return list(Site.objects.filter(siteconfig__key__in=keys)) if keys else []

    def write(self, entries) -> int:
        changed = 0
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not entry.get("key") or slugify(str(entry["key"])) != entry["key"]:
                self._problem(
                    "IMPORT_BAD_VALUE", f"sites[{i}]", "key", "every site needs a key of lowercase letters and hyphens"
                )
                continue
            changed += self._write_site(entry)
        for entry in entries:
            if isinstance(entry, dict) and self.root_for(entry.get("key")):
                self._write_menu(entry)
        return changed

    def _write_site(self, entry) -> int:
        key = entry["key"]
        hostname = entry.get("hostname") or f"{key}.localhost"
        port = int(entry.get("port") or 80)
        config = SiteConfig.objects.filter(key=key).select_related("site").first()
        if config is None:
            site = self._take_over_default(entry) if entry.get("is_default") else None
            if site is None:
                home = Page.get_first_root_node().add_child(
                    instance=HomePage(title=entry.get("name") or key, slug=key, live=True)
                )
                site = Site.objects.create(
                    hostname=hostname, port=port, root_page=home, site_name=entry.get("name") or key
                )
            config = SiteConfig.for_site(site)
            config.key = key
        site = config.site
        theme = entry.get("theme") or {}
        organisation = entry.get("organisation") or {}
        wanted_site = {
            "hostname": hostname,
            "port": port,
            "site_name": entry.get("name") or key,
            "is_default_site": bool(entry.get("is_default")),
        }
        wanted_config = {
            "frontend_url": entry.get("frontend_url", ""),
            "primary_color": theme.get("primary_color", "#9b1b30"),
            "secondary_color": theme.get("secondary_color", "#1d1d1b"),
            "logo_text": theme.get("logo_text", entry.get("name", "")),
            "tagline": theme.get("tagline", ""),
            "organisation_name": organisation.get("name", ""),
            "owms_identifier": organisation.get("owms_identifier", ""),
        }
        changed = (
            any(getattr(site, k) != v for k, v in wanted_site.items())
            or any(getattr(config, k) != v for k, v in wanted_config.items())
            or config.pk is None
        )
        if wanted_site["is_default_site"]:
            Site.objects.exclude(pk=site.pk).filter(is_default_site=True).update(is_default_site=False)
        for k, v in wanted_site.items():
            setattr(site, k, v)
        site.save()
        for k, v in wanted_config.items():
            setattr(config, k, v)
        config.save()
        return int(changed)

    @staticmethod
    def _take_over_default(entry):
        """A fresh Wagtail database has a default site with a welcome page: reuse that site."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or SiteConfig.objects.filter(site=site, key__isnull=False).exists():
            return None
        welcome = site.root_page
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=entry.get("name") or entry["key"], slug=entry["key"], live=True)
        )
        site.root_page = home
        site.save()
        if type(welcome.specific) is Page and welcome.depth == 2 and not welcome.get_children().exists():
            welcome.delete()
        return site

    def _write_menu(self, entry):
        config = SiteConfig.objects.get(key=entry["key"])
        wanted = []
        for item in entry.get("menu") or []:
            page = self.ensure_path(entry["key"], item.get("path")) if item.get("path") else None
            wanted.append((item.get("title", ""), page.pk if page else None, item.get("url", "")))
        current = [(m.title, m.page_id, m.url) for m in config.menu_items.all()]
        if current != wanted:
            config.menu_items.all().delete()
            for order, (title, page_id, url) in enumerate(wanted):
                MenuItem.objects.create(config=config, title=title, page_id=page_id, url=url, sort_order=order)

    def ensure_path(self, key, path):
        """The page at `path` in site `key`, creating missing sections on the way."""
        node = self.root_for(key)
        if node is None or not isinstance(path, str):
            return None
        for segment in [s for s in path.strip("/").split("/") if s]:
            slug = slugify(segment)
            if not slug:
                return None
            child = node.get_children().filter(slug=slug).first()
            if child is None:
                child = node.add_child(
                    instance=SectionPage(title=segment.replace("-", " ").capitalize(), slug=slug, live=True)
                )
            node = child.specific
        return node
