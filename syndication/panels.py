"""The "Landelijke catalogi" panel on the edit form of products and answers: per national
system whether the page is delivered and, if not, exactly why (`status.deliveries`). Attached
from the app registry, so the page models never import syndication."""

from wagtail.admin.panels import MultiFieldPanel, Panel

from content.models import AnswerPage, ProductPage

from .status import deliveries

HEADING = "Landelijke catalogi"
# The pages national systems take: products (SC, SDG, KISS) and answers (KISS).
MODELS = (ProductPage, AnswerPage)


class DeliveryPanel(Panel):
    """What each national system gets of this page, from the registered targets' answers."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "syndication/delivery_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["deliveries"] = deliveries(self.instance)
            return context


def attach_to_page_models() -> None:
    """Give products and answers the panel. Runs in `ready()`, before Wagtail builds (and
    caches) any edit handler; idempotent."""
    for model in MODELS:
        if any(isinstance(panel, MultiFieldPanel) and panel.heading == HEADING for panel in model.content_panels):
            continue
        model.content_panels = [*model.content_panels, MultiFieldPanel([DeliveryPanel()], heading=HEADING)]
