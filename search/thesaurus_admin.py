"""Admin: "toevoegen aan de thesaurus" from the search report, and the list of editors' entries.

An editor who sees a search without results (or with the wrong results) adds the words to the
thesaurus with the official terms they stand for; the entry works in the next search.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet

from content.languages import configured_languages, default_language

from .analysis import fold
from .models import ThesaurusEntry

ADD_PERMISSION = "search.add_thesaurusentry"


class ThesaurusEntryForm(forms.Form):
    """A plain form: an existing phrase gets the new terms (see add_to_thesaurus), not an error."""

    phrase = forms.CharField(
        label="Woord of zinnetje van inwoners",
        max_length=100,
        help_text=ThesaurusEntry._meta.get_field("phrase").help_text,
    )
    terms = forms.CharField(
        label="Officiële woorden", max_length=300, help_text=ThesaurusEntry._meta.get_field("terms").help_text
    )
    language = forms.ChoiceField(label="Taal", choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(code, code) for code in configured_languages()]

    def clean_phrase(self):
        phrase = " ".join(self.cleaned_data["phrase"].split())
        if not fold(phrase).strip():
            raise forms.ValidationError("Vul een woord of zinnetje in.")
        return phrase

    def clean_terms(self):
        terms = [t.strip() for t in self.cleaned_data["terms"].split(",") if t.strip()]
        if not terms:
            raise forms.ValidationError("Vul minstens één officieel woord in.")
        return ", ".join(dict.fromkeys(terms))


def add_to_thesaurus(request):
    """GET: the form, filled in with the query (?phrase=...). POST: save and go back."""
    if not request.user.has_perm(ADD_PERMISSION):
        raise PermissionDenied
    back = request.GET.get("next") or ""
    if not (back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()})):
        back = reverse("search_reports:queries")  # never send an editor on to another site
    if request.method == "POST":
        form = ThesaurusEntryForm(request.POST)
        if form.is_valid():
            entry, created = ThesaurusEntry.objects.get_or_create(
                language=form.cleaned_data["language"],
                phrase=form.cleaned_data["phrase"],
                defaults={"terms": form.cleaned_data["terms"]},
            )
            if not created:
                entry.terms = ", ".join(dict.fromkeys([*entry.term_list, *form.cleaned_data["terms"].split(", ")]))
                entry.save()
            messages.success(
                request,
                f"'{entry.phrase}' staat in de thesaurus. Wie dit zoekt, vindt nu ook pagina's met: {entry.terms}.",
            )
            return redirect(back)
    else:
        form = ThesaurusEntryForm(
            initial={"phrase": request.GET.get("phrase", "")[:100], "language": default_language()}
        )
    return TemplateResponse(request, "search/thesaurus_add.html", {"form": form, "back": back})


def thesaurus_column() -> Column:
    """The report's column with the action, for every query."""

    def link(row):
        url = reverse("search_reports:thesaurus_add") + "?" + urlencode({"phrase": row["query"]})
        return format_html(
            '<a class="button button-small button-secondary" href="{}">toevoegen aan de thesaurus</a>', url
        )

    return Column("thesaurus", label="Thesaurus", accessor=link)


class ThesaurusEntryViewSet(SnippetViewSet):
    model = ThesaurusEntry
    icon = "list-ul"
    menu_label = "Thesaurus"
    menu_order = 205
    add_to_admin_menu = True
    list_display = ["phrase", "terms", "language", "created_at"]
    search_fields = ["phrase", "terms"]
