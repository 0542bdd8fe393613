"""The translation panel on every content page's edit form: for an original, its translations
and whether they are up to date; for a translation, the parts of the original that changed
since, and a button to mark it as brought up to date."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.panels import Panel
from wagtail.models import Page

from .languages import language_name, language_of
from .translations import mark_synced, original_of, outdated_parts, translations_of


class TranslationPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "content/translation_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            original = original_of(page)
            context["language"] = language_name(language_of(page))
            if original is not None:
                context["original"] = original
                context["outdated"] = [_label(original, key) for key in outdated_parts(page)]
                context["mark_url"] = reverse("hub_translation_synced", args=[page.pk])
            else:
                context["translations"] = [
                    {"page": t, "language": language_name(language_of(t)), "outdated": len(outdated_parts(t))}
                    for t in translations_of(page)
                ]
                context["translate_url"] = reverse("simple_translation:submit_page_translation", args=[page.pk])
            return context


def _label(original, key: str) -> str:
    fixed = {"title": "Titel", "summary": "Samenvatting", "short_answer": "Kort antwoord"}
    if key in fixed:
        return fixed[key]
    return f"Blok {key.rsplit('.', 1)[-1][:8]}"


@require_POST
def mark_translation_synced(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        messages.error(request, "U mag deze pagina niet bewerken.")
    elif mark_synced(page) is not None:
        messages.success(request, "De vertaling is gemarkeerd als bijgewerkt.")
    return redirect("wagtailadmin_pages:edit", page.pk)


def attach_to_page_models() -> None:
    from .models.pages import HUB_PAGE_MODELS

    for model in HUB_PAGE_MODELS:
        if any(isinstance(panel, TranslationPanel) for panel in model.content_panels):
            continue
        model.content_panels = [*model.content_panels, TranslationPanel(heading="Vertalingen")]
