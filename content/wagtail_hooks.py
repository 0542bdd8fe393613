from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Fragment, Keyword


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


register_snippet(KeywordViewSet)
register_snippet(FragmentViewSet)


# --- B1: live check, report per site, the reason for publishing below B1 -----------------
from django.templatetags.static import static  # noqa: E402
from django.urls import path, reverse  # noqa: E402
from django.utils.html import format_html  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.auth import require_admin_access  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from .editorial.forms import REASON_FIELD  # noqa: E402
from .editorial.site_report import b1_site_report  # noqa: E402
from .editorial.views import live_check  # noqa: E402


@hooks.register("register_admin_urls")
def b1_admin_urls():
    return [
        path("b1/check/", require_admin_access(live_check), name="hub_b1_check"),
        path("b1/report/", require_admin_access(b1_site_report), name="hub_b1_report"),
    ]


@hooks.register("register_reports_menu_item")
def b1_report_menu_item():
    return MenuItem("B1-rapport", reverse("hub_b1_report"), icon_name="doc-full", order=700)


@hooks.register("insert_editor_js")
def b1_live_js():
    return format_html(
        '<span hidden data-hub-b1-endpoint="{}"></span><script src="{}"></script>',
        reverse("hub_b1_check"),
        static("content/b1-live.js"),
    )


@hooks.register("insert_global_admin_css")
def b1_live_css():
    return format_html('<link rel="stylesheet" href="{}">', static("content/b1-live.css"))


def _record_reason(request, page):
    """Keep the editor's reason with the B1 report of the revision they just saved."""
    from .editorial.reports import store_for_revision
    from .models import PageReadability

    reason = (request.POST.get(REASON_FIELD) or "").strip()
    revision = page.latest_revision
    if not reason or revision is None:
        return
    stored = PageReadability.objects.filter(revision=revision).first() or store_for_revision(revision)
    if stored is not None and not stored.b1:
        stored.override_reason = reason
        stored.override_by = request.user
        stored.save(update_fields=["override_reason", "override_by"])
        from wagtail.log_actions import log

        log(instance=page, action="hub.b1_override", user=request.user, data={"reason": reason})


hooks.register("after_edit_page", _record_reason)
hooks.register("after_create_page", _record_reason)


@hooks.register("register_log_actions")
def b1_log_actions(actions):
    actions.register_action("hub.b1_override", "Gepubliceerd onder B1-niveau", "Gepubliceerd onder B1-niveau")
