from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .audit import report as audit_report
from .audit.actions import register_actions
from .keyword_search import keyword_search
from .models import Fragment, Keyword, Team
from .translation_admin import mark_translation_synced


class KeywordViewSet(SnippetViewSet):
    model = Keyword
    icon = "tag"
    menu_label = "Trefwoorden"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["term", "synonyms", "variants"]
    search_fields = ["term", "synonyms", "variants"]


class FragmentViewSet(SnippetViewSet):
    model = Fragment
    icon = "snippet"
    menu_label = "Herbruikbare tekstblokken"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "ref"]
    search_fields = ["title", "ref"]


class TeamViewSet(SnippetViewSet):
    """Teams own pages (docs/roles.md): final editors keep the list, every editor picks from it."""

    model = Team
    icon = "group"
    menu_label = "Teams"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "email"]
    search_fields = ["name", "email"]


register_snippet(KeywordViewSet)
register_snippet(FragmentViewSet)
register_snippet(TeamViewSet)


@hooks.register("register_admin_urls")
def translation_admin_urls():
    return [
        path("vertalingen/<int:page_id>/bijgewerkt/", mark_translation_synced, name="hub_translation_synced"),
        path("trefwoorden/kiezen/", keyword_search, name="hub_keyword_search"),
    ]


@hooks.register("register_log_actions")
def audit_log_actions(actions):
    register_actions(actions)


@hooks.register("register_admin_urls")
def audit_trail_urls():
    return [
        path("logboek/", audit_report.AuditTrailView.as_view(), name="hub_audit_trail"),
        path(
            "logboek/resultaten/",
            audit_report.AuditTrailView.as_view(results_only=True),
            name="hub_audit_trail_results",
        ),
    ]


hooks.register("register_reports_menu_item", audit_report.menu_item)
hooks.register("construct_reports_menu", audit_report.hide_site_history)
