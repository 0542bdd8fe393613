"""Quality in the admin: the B1 word lists (under "Taal (B1)"), the live check while typing,
the report per site, and the reason kept when a page is published below B1."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.auth import require_admin_access
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from content.audit.actions import B1_OVERRIDE
from content.models import PageReadability

from .dashboard import panels_for
from .forms import REASON_FIELD
from .models import AllowedWord, GlossaryTerm
from .newsroom_views import add_synonym, may_use_newsroom, newsroom_view
from .quality_views import quality_report, quality_trend
from .reports import store_for_revision
from .site_report import b1_site_report
from .views import live_check


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "warning"
    menu_label = "Ambtelijke woorden"
    menu_name = "b1-glossary-terms"
    # The address editors know from when the word lists lived in the app `readability`.
    url_prefix = "snippets/readability/glossaryterm"
    list_display = ["term", "alternative"]
    search_fields = ["term", "alternative", "note"]
    ordering = ["term"]


class AllowedWordViewSet(SnippetViewSet):
    model = AllowedWord
    icon = "tick"
    menu_label = "Toegestane woorden"
    menu_name = "b1-allowed-words"
    url_prefix = "snippets/readability/allowedword"
    list_display = ["word", "note"]
    search_fields = ["word", "note"]
    ordering = ["word"]


class B1ViewSetGroup(SnippetViewSetGroup):
    items = (GlossaryTermViewSet, AllowedWordViewSet)
    menu_label = "Taal (B1)"
    menu_icon = "doc-full"
    menu_name = "b1-language"


register_snippet(B1ViewSetGroup)


@hooks.register("register_admin_urls")
def b1_admin_urls():
    return [
        path("b1/check/", require_admin_access(live_check), name="hub_b1_check"),
        path("b1/report/", require_admin_access(b1_site_report), name="hub_b1_report"),
        path("nieuwskamer/", require_admin_access(newsroom_view), name="hub_newsroom"),
        path("kwaliteit/", require_admin_access(quality_report), name="hub_quality"),
        path("kwaliteit/verloop/", require_admin_access(quality_trend), name="hub_quality_trend"),
        path("nieuwskamer/synoniem/", require_admin_access(add_synonym), name="hub_newsroom_synonym"),
    ]


@hooks.register("register_reports_menu_item")
def b1_report_menu_item():
    return MenuItem("B1-rapport", reverse("hub_b1_report"), icon_name="doc-full", order=700)


@hooks.register("insert_editor_js")
def b1_live_js():
    return format_html(
        '<span hidden data-hub-b1-endpoint="{}"></span><script src="{}"></script>',
        reverse("hub_b1_check"),
        static("quality/b1-live.js"),
    )


@hooks.register("insert_global_admin_css")
def b1_live_css():
    return format_html('<link rel="stylesheet" href="{}">', static("quality/b1-live.css"))


def _record_reason(request, page):
    """Keep the editor's reason with the B1 report of the revision they just saved."""
    reason = (request.POST.get(REASON_FIELD) or "").strip()
    revision = page.latest_revision
    if not reason or revision is None:
        return
    stored = PageReadability.objects.filter(revision=revision).first() or store_for_revision(revision)
    if stored is not None and not stored.b1:
        stored.override_reason = reason
        stored.override_by = request.user
        stored.save(update_fields=["override_reason", "override_by"])
        step = "publish" if "action-publish" in request.POST else "submit"
        log(instance=page, action=B1_OVERRIDE, user=request.user, data={"reason": reason, "step": step})


hooks.register("after_edit_page", _record_reason)
hooks.register("after_create_page", _record_reason)


class NewsroomMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_newsroom(request.user)


@hooks.register("register_reports_menu_item")
def register_newsroom_menu_item():
    return NewsroomMenuItem("Nieuwskamer", reverse("hub_newsroom"), icon_name="doc-full", order=90)


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register("register_admin_menu_item")
def register_quality_menu_item():
    return NewsroomMenuItem("Kwaliteit", reverse("hub_quality"), icon_name="tick-inverse", order=260)
