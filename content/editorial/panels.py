from django.utils.html import format_html, format_html_join
from wagtail.admin.panels import Panel

from .reports import all_issues


class B1SummaryPanel(Panel):
    """The page-level B1 verdict of the last saved version, with its most important points."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "content/editorial/b1_summary_panel.html"

        def get_context_data(self, parent_context=None):
            from content.models import PageReadability

            context = super().get_context_data(parent_context)
            page = self.instance
            stored = None
            if page.pk and page.latest_revision_id:
                stored = PageReadability.objects.filter(revision_id=page.latest_revision_id).first()
            context["b1"] = stored
            context["issues"] = all_issues(stored.report)[:12] if stored else []
            return context


def render_issue_list(issues):
    return format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i.get("message", ""),) for i in issues)))
