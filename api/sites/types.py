import graphene


class Theme(graphene.ObjectType):
    """The look of a site."""

    primary_color = graphene.String(required=True, description="Main colour, as #rrggbb.")
    secondary_color = graphene.String(required=True, description="Second colour, as #rrggbb.")
    logo_text = graphene.String(required=True, description="Text shown with the logo.")
    tagline = graphene.String(required=True, description="Short line under the logo.")


class MenuItem(graphene.ObjectType):
    """One item of a site's main menu."""

    title = graphene.String(required=True, description="Text of the menu item.")
    path = graphene.String(description="Path of the page within the site, when the item points at a page.")
    url = graphene.String(required=True, description="Full URL on the site's front-end, or the external URL.")


class Site(graphene.ObjectType):
    """A site served by the hub, such as the main website or a subsite."""

    key = graphene.String(required=True, description="Short, stable name of the site (e.g. `deventer`).")
    name = graphene.String(required=True, description="Name of the site.")
    hostname = graphene.String(required=True, description="Host name the hub knows the site by.")
    frontend_url = graphene.String(required=True, description="Base URL of the site's front-end.")
    theme = graphene.Field(Theme, required=True, description="Colours and logo text.")
    menu = graphene.List(graphene.NonNull(MenuItem), required=True, description="The main menu, in order.")

    @staticmethod
    def resolve_name(info_site, info):
        return info_site.site.site_name or info_site.key

    @staticmethod
    def resolve_hostname(config, info):
        return config.site.hostname

    @staticmethod
    def resolve_frontend_url(config, info):
        return config.frontend_url or ""

    @staticmethod
    def resolve_theme(config, info):
        return config

    @staticmethod
    def resolve_menu(config, info):
        from .directory import site_directory

        directory = site_directory(info)
        items = []
        for item in config.menu_items.select_related("page"):
            if item.page_id:
                path = directory.relative_path(item.page)
                if path is None or not item.page.live:
                    continue
                items.append({"title": item.title, "path": path, "url": directory.url_for_path(config, path)})
            elif item.url:
                items.append({"title": item.title, "path": None, "url": item.url})
        return items
