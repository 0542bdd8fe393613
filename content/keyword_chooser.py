"""Choosing keywords for a page: a search field instead of a checkbox per keyword.

The edit form renders only the keywords a page already has, so it makes the same database
queries with 10 or 10,000 keywords; the editor finds others by typing (term, synonym or spelling
variant) through `content.keyword_search`, limited to the page's language."""

from __future__ import annotations

from django import forms
from wagtail.admin.panels import FieldPanel


class KeywordChooserWidget(forms.SelectMultiple):
    """A multiple select holding only the chosen keywords, enhanced by keyword-chooser.js."""

    template_name = "content/widgets/keyword_chooser.html"

    class Media:
        js = ["content/keyword-chooser.js"]
        css = {"all": ["content/keyword-chooser.css"]}

    def optgroups(self, name, value, attrs=None):
        ids = [int(v) for v in value if str(v).isdigit()]
        keywords = self.choices.queryset.filter(pk__in=ids).order_by("term") if ids else []
        return [
            (None, [self.create_option(name, keyword.pk, keyword.term, True, index, attrs=attrs)], index)
            for index, keyword in enumerate(keywords)
        ]


class KeywordPanel(FieldPanel):
    """The keywords field with the chooser; the search is limited to the page's language."""

    def __init__(self, field_name="keywords", **kwargs):
        kwargs.setdefault("widget", KeywordChooserWidget)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            locale_id = getattr(self.instance, "locale_id", None)
            if self.bound_field is not None and locale_id:
                self.bound_field.field.widget.attrs["data-locale"] = str(locale_id)
