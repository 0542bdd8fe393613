"""The publish gate: publishing (or submitting) a page below B1 needs a reason."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from .reports import page_report

GATED_ACTIONS = ("action-publish", "action-submit")
REASON_FIELD = "b1_override_reason"


class HubPageForm(WagtailAdminPageForm):
    b1_override_reason = forms.CharField(
        label="Reden om toch te publiceren",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Alleen nodig als de pagina niet op B1-niveau is. De eindredacteur ziet deze reden.",
    )

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the edited content
        if not any(action in self.data for action in GATED_ACTIONS) or self.errors:
            return
        report = page_report(self.instance)
        self.b1_report = report
        if report is not None and not report["b1"] and not self.cleaned_data.get(REASON_FIELD, "").strip():
            self.add_error(
                REASON_FIELD,
                f"Deze pagina is niet op B1-niveau (score {round(report['score'])}). "
                "Maak de tekst eenvoudiger, of schrijf waarom de pagina toch gepubliceerd moet worden.",
            )
