"""Admin views of the newsroom: the weekly overview with CSV export, and the action "als synoniem
toevoegen aan trefwoord" for a search that found nothing (it works at once: keyword synonyms are
read at query time). "Toevoegen aan de thesaurus" is the search app's own form."""

from __future__ import annotations

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from content.models import Keyword, SiteConfig
from content.models.keywords import split_lines
from content.spreadsheets import spreadsheet_safe
from feedback.selection import HANDLE_PERMISSION, VIEW_PERMISSION

from .dashboard import site_keys_of
from .newsroom import CSV_HEADER, Week, csv_rows, newsroom

SEARCH_REPORT_PERMISSION = "search.view_searchquerylog"
KEYWORD_PERMISSION = "content.change_keyword"
MAX_PHRASE = 100


def may_use_newsroom(user) -> bool:
    return any(user.has_perm(p) for p in (SEARCH_REPORT_PERMISSION, VIEW_PERMISSION, HANDLE_PERMISSION))


def _sites_for(user):
    sites = SiteConfig.objects.select_related("site").exclude(key="").order_by("key")
    keys = site_keys_of(user)
    return [s for s in sites if keys is None or s.key in keys], keys is None


def newsroom_view(request):
    if not may_use_newsroom(request.user):
        raise PermissionDenied
    sites, all_sites = _sites_for(request.user)
    wanted = request.GET.get("site", "")
    site = next((s for s in sites if s.key == wanted), None)
    if site is None and not all_sites:
        site = sites[0] if sites else None
        if site is None:
            raise PermissionDenied
    week = Week.parse(request.GET.get("week"))
    room = newsroom(week, site)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"nieuwskamer-{site.key if site else 'alle-sites'}-{week.code}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow(CSV_HEADER)
        for row in csv_rows(room):
            writer.writerow([spreadsheet_safe(v) for v in row])
        return response
    here = request.get_full_path()
    context = {
        "room": room,
        "sites": sites,
        "all_sites": all_sites,
        "previous": week.shifted(-1).code,
        "next": week.shifted(1).code,
        "csv_query": urlencode({"site": site.key if site else "", "week": week.code, "format": "csv"}),
        "may_add_synonym": request.user.has_perm(KEYWORD_PERMISSION),
        "may_add_thesaurus": request.user.has_perm("search.add_thesaurusentry"),
        "synonym_url": reverse("hub_newsroom_synonym"),
        "thesaurus_url": reverse("search_reports:thesaurus_add"),
        "here": here,
    }
    return TemplateResponse(request, "quality/newsroom.html", context)


class SynonymForm(forms.Form):
    phrase = forms.CharField(label="Zoekopdracht", max_length=MAX_PHRASE)
    keyword = forms.ModelChoiceField(
        label="Trefwoord", queryset=Keyword.objects.all(), widget=forms.RadioSelect, empty_label=None
    )


def _safe_back(request, value: str | None) -> str:
    if value and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}) and value.startswith("/"):
        return value
    return reverse("hub_newsroom")


def add_synonym(request):
    """GET ?phrase=rood staan&zoek=schuld: keywords to choose from. POST: add the phrase as a
    synonym of the chosen keyword."""
    if not request.user.has_perm(KEYWORD_PERMISSION):
        raise PermissionDenied
    back = _safe_back(request, request.POST.get("next") or request.GET.get("next"))
    phrase = " ".join((request.POST.get("phrase") or request.GET.get("phrase") or "").split())[:MAX_PHRASE]
    typed = " ".join(request.GET.get("zoek", "").split())[:MAX_PHRASE]
    look_for = typed or (phrase.split(" ")[0] if phrase else "")
    if request.method == "POST":
        form = SynonymForm(request.POST)
        if form.is_valid():
            keyword = form.cleaned_data["keyword"]
            phrase = " ".join(form.cleaned_data["phrase"].split())
            known = {t.lower() for t in keyword.all_terms}
            if phrase.lower() in known:
                messages.info(request, f"'{phrase}' hoort al bij het trefwoord {keyword.term}.")
            else:
                keyword.synonyms = "\n".join([*split_lines(keyword.synonyms), phrase])
                keyword.save()
                messages.success(
                    request, f"'{phrase}' is een synoniem van {keyword.term}. Wie dit zoekt, vindt die pagina's nu."
                )
            return redirect(back)
    else:
        form = SynonymForm(initial={"phrase": phrase})
    matches = Keyword.objects.none()
    if look_for:
        matches = Keyword.objects.filter(
            Q(term__icontains=look_for) | Q(synonyms__icontains=look_for) | Q(variants__icontains=look_for)
        ).select_related("locale")[:20]
    form.fields["keyword"].queryset = Keyword.objects.filter(pk__in=[k.pk for k in matches]) if look_for else matches
    return TemplateResponse(
        request,
        "quality/newsroom_synonym.html",
        {"form": form, "phrase": phrase, "look_for": look_for, "matches": list(matches), "back": back},
    )
