"""The B1 panel on every content page's edit form, attached from the app registry (the page
models never import quality)."""

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

from content.languages import language_of
from content.models import PageReadability
from content.models.pages import HUB_PAGE_MODELS

from .forms import REASON_FIELD, HubPageForm
from .reports import all_issues, check_for


class B1SummaryPanel(Panel):
    """The page-level B1 verdict of the last saved version, with its most important points."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/b1_summary_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            stored = None
            if page.pk and page.latest_revision_id:
                stored = PageReadability.objects.filter(revision_id=page.latest_revision_id).first()
            context["b1"] = stored
            # The live check in the editor (b1-live.js) reads the page's language from here.
            context["language"] = language_of(page)
            context["checked"] = check_for(context["language"]) is not None
            context["issues"] = all_issues(stored.report)[:12] if stored else []
            return context


class QualityPanel(Panel):
    """The content quality problems of the page as the editor has it (docs/quality.md)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "quality/quality_panel.html"

        @property
        def media(self):
            from django.forms import Media

            return Media(js=["quality/quality-panel.js"])

        def get_context_data(self, parent_context=None):
            from .content_checks.runner import check_page

            context = super().get_context_data(parent_context)
            page = self.instance
            context["problems"] = check_page(page) if page.pk else None
            return context


def attach_to_page_models() -> None:
    """Give every content page the B1 panel and the publish gate. Runs in `ready()`, before
    Wagtail builds (and caches) any edit handler."""
    for model in HUB_PAGE_MODELS:
        if any(
            isinstance(panel, MultiFieldPanel) and panel.heading == "B1-taalniveau" for panel in model.content_panels
        ):
            continue
        model.content_panels = [
            *model.content_panels,
            MultiFieldPanel([B1SummaryPanel(), FieldPanel(REASON_FIELD)], heading="B1-taalniveau"),
            MultiFieldPanel([QualityPanel()], heading="Kwaliteit"),
        ]
        model.base_form_class = HubPageForm
