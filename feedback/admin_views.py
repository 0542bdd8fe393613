"""Admin: the "Feedback" task list for editors (Dutch), with status, reply note and CSV export.

An editor sees the feedback on the pages they may edit (`feedback.selection`); nobody adds
feedback here (residents and KCC send it through the API). Comments are plain text: the
templates escape them, and the export makes sure a spreadsheet reads no formula in them.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.http import Http404
from django.utils import timezone
from django.utils.text import Truncator
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from content.models import Team
from content.spreadsheets import spreadsheet_safe

from .models import KIND_CHOICES, STATUS_CHOICES, Feedback
from .selection import feedback_for_user, pages_of_team


def local_time(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class FeedbackPermissionPolicy(ModelPermissionPolicy):
    """Feedback is never added in the admin: residents and KCC staff send it through the API
    (KCC staff have `add_feedback` for that)."""

    def user_has_permission(self, user, action):
        return action not in {"add", "copy"} and super().user_has_permission(user, action)


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Status", choices=STATUS_CHOICES, empty_label="Alle")
    kind = django_filters.ChoiceFilter(label="Van", choices=KIND_CHOICES, empty_label="Iedereen")
    page = django_filters.ModelChoiceFilter(label="Pagina", queryset=Page.objects.none(), empty_label="Alle pagina's")
    team = django_filters.ModelChoiceFilter(
        label="Team", queryset=Team.objects.all(), empty_label="Alle teams", method="filter_team"
    )

    class Meta:
        model = Feedback
        fields = ["status", "kind", "page", "team"]

    def filter_team(self, queryset, name, value):
        return queryset.filter(page_id__in=pages_of_team(value).values("pk")) if value else queryset

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Only pages this editor has feedback on; one query.
        page_ids = feedback_for_user(request.user).values("page_id") if request else []
        self.filters["page"].queryset = Page.objects.filter(pk__in=page_ids).order_by("title")


class CommentColumn(Column):
    """The start of the comment, as text (the template escapes it)."""

    def get_value(self, instance):
        return Truncator(instance.comment).chars(120) if instance.comment else "—"


class FeedbackIndexView(generic.IndexView):
    page_title = "Feedback"
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return feedback_for_user(self.request.user)


class OwnFeedbackMixin:
    """One item, only when it is on a page this editor may edit (else 404, as if it did not exist)."""

    def get_object(self, queryset=None):
        try:
            return feedback_for_user(self.request.user).get(pk=self.kwargs["pk"])
        except (Feedback.DoesNotExist, ValueError):
            raise Http404 from None


class FeedbackEditView(OwnFeedbackMixin, generic.EditView):
    template_name = "feedback/edit.html"

    def get_success_message(self, instance=None):
        return "De feedback is bijgewerkt."


class FeedbackHistoryView(OwnFeedbackMixin, HistoryView):
    pass


class FeedbackUsageView(OwnFeedbackMixin, UsageView):
    pass


class FeedbackDeleteView(OwnFeedbackMixin, generic.DeleteView):
    pass


class FeedbackForm(forms.ModelForm):
    class Meta:
        model = Feedback
        fields = ["status", "reply_note"]
        widgets = {"status": forms.RadioSelect, "reply_note": forms.Textarea(attrs={"rows": 4})}


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    icon = "comment"
    menu_label = "Feedback"
    menu_name = "feedback"
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    add_to_reference_index = False
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackEditView
    history_view_class = FeedbackHistoryView
    usage_view_class = FeedbackUsageView
    delete_view_class = FeedbackDeleteView
    form_fields = ["status", "reply_note"]
    filterset_class = FeedbackFilterSet
    list_per_page = 50
    list_display = [
        DateColumn("created_at", label="Ontvangen", sort_key="created_at"),
        TitleColumn("page", label="Pagina", url_name="feedback:edit", accessor="page.title"),
        Column("kind", label="Van", accessor="get_kind_display"),
        Column("answer_label", label="Antwoord"),
        CommentColumn("comment", label="Opmerking"),
        Column("status", label="Status", accessor="get_status_display", sort_key="status"),
    ]
    list_export = [
        "created_at",
        "page.title",
        "page_id",
        "language",
        "channel",
        "get_kind_display",
        "answer_label",
        "comment",
        "get_status_display",
        "reply_note",
        "handled_at",
    ]
    export_headings = {
        "created_at": "Ontvangen op",
        "page.title": "Pagina",
        "page_id": "Pagina-id",
        "language": "Taal",
        "channel": "Kanaal",
        "get_kind_display": "Van",
        "answer_label": "Antwoord",
        "comment": "Opmerking",
        "get_status_display": "Status",
        "reply_note": "Notitie bij de afhandeling",
        "handled_at": "Afgehandeld op",
    }
    export_filename = "feedback"

    def get_form_class(self, for_update=False):
        return FeedbackForm

    def get_index_view_kwargs(self, **kwargs):
        text = {"csv": spreadsheet_safe, "xlsx": spreadsheet_safe}
        moment = {"csv": local_time, "xlsx": local_time}
        preprocess = dict.fromkeys(("page.title", "comment", "reply_note"), text)
        preprocess |= {"created_at": moment, "handled_at": moment}
        return super().get_index_view_kwargs(custom_field_preprocess=preprocess, **kwargs)
