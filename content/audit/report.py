"""The "Logboek" report: Wagtail's site history report, for the people who keep the audit trail.

It extends `wagtail.admin.views.reports.audit_logging.LogEntriesView` (same listing, filters and
export) in three ways: it shows every entry to those allowed to see the trail instead of only
the entries of objects they may edit; it filters on a page as well; and its CSV holds the
entry's message (a reason, an outcome) with every cell safe from spreadsheet formulas.

Who may see it (docs/roles.md): superusers everything; holders of `wagtailcore.view_modellogentry`
(the role `Eindredacteuren`) everything but what concerns accounts (sign-ins, API tokens,
users and groups); nobody else.
"""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Value
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import PageLogEntry

from ..spreadsheets import spreadsheet_safe
from .actions import ACCOUNT_ACTIONS

VIEW_PERMISSION = "wagtailcore.view_modellogentry"


def may_see_audit_trail(user) -> bool:
    return bool(user and user.is_active and (user.is_superuser or user.has_perm(VIEW_PERMISSION)))


def _account_types():
    from django.contrib.auth.models import Group
    from wagtail.models import APIToken

    return ContentType.objects.get_for_models(get_user_model(), Group, APIToken).values()


def visible_entries(log_model, user):
    """Every entry of one log model that this user may see in the trail: superusers all; others
    nothing about accounts (sign-ins, tokens, users and groups changed)."""
    entries = log_model.objects.all()
    if not user.is_superuser:
        entries = entries.exclude(action__in=ACCOUNT_ACTIONS).exclude(content_type__in=list(_account_types()))
    return entries


class PageIdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField  # a page id: whole, within the database's range


class AuditTrailFilterSet(SiteHistoryReportFilterSet):
    page = PageIdFilter(label="Pagina (ID)", method="filter_page", min_value=1, max_value=2**31 - 1)

    def filter_page(self, queryset, name, value):
        if value is None:
            return queryset
        if queryset.model is PageLogEntry:
            return queryset.filter(page_id=value)
        return queryset.filter(pk__lt=0)  # other log models hold no page

    def _entries(self):
        return [visible_entries(model, self.request.user) for model in log_action_registry.get_log_entry_models()]

    def get_action_choices(self):
        used = set()
        for entries in self._entries():
            used.update(entries.get_actions())
        return [choice for choice in log_action_registry.get_choices() if choice[0] in used]

    def get_users_queryset(self):
        # Wagtail's report takes the users of page entries only; ours are of every log model.
        return self.get_user_choices()

    def get_user_choices(self):
        ids = set()
        for entries in self._entries():
            ids.update(entries.get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = set()
        for entries in self._entries():
            types.update(entries.get_content_type_ids())
        self.filters["object_type"].queryset = ContentType.objects.filter(pk__in=types).order_by("model")


class AuditTrailView(LogEntriesView):
    page_title = "Logboek"
    filterset_class = AuditTrailFilterSet
    index_url_name = "hub_audit_trail"
    index_results_url_name = "hub_audit_trail_results"
    export_headings = {
        "timestamp": "Datum en tijd (UTC)",
        "user_display_name": "Gebruiker",
        "action": "Actie",
        "message": "Toelichting",
        "content_type": "Soort",
        "object_id": "ID",
        "label": "Naam",
    }
    list_export = ["timestamp", "user_display_name", "action", "message", "content_type", "object_id", "label"]

    def dispatch(self, request, *args, **kwargs):
        if not may_see_audit_trail(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return super().get_filename().replace("audit-log", "logboek")

    def filter_queryset(self, queryset):
        # A filter that does not parse (a date typed wrong) shows its error and no entries:
        # an export of everything instead would look like the filtered answer.
        if self.filters is not None and not self.filters.is_valid():
            return queryset.none()
        return super().filter_queryset(queryset)

    def get_filtered_queryset(self):
        """As Wagtail's, with `visible_entries` instead of the per-object `viewable_by_user`."""
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            part = (
                visible_entries(log_model, self.request.user)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            part = self.filter_queryset(part).order_by()
            queryset = part if queryset is None else queryset.union(part, all=True)
        return queryset.order_by("-timestamp")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["message"] = item.message
        return row

    def write_csv_row(self, writer, row_dict):
        cells = {field: self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row_dict.items()}
        return writer.writerow({field: spreadsheet_safe(value) for field, value in cells.items()})


class AuditTrailMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_audit_trail(request.user)


def menu_item() -> AuditTrailMenuItem:
    return AuditTrailMenuItem("Logboek", reverse("hub_audit_trail"), name="logboek", icon_name="history", order=1001)


def hide_site_history(request, menu_items) -> None:
    """Those who see the Logboek see all of Wagtail's site history in it: one report, not two."""
    if may_see_audit_trail(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
