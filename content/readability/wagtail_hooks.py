"""The glossary in the admin menu, under "Taal (B1)"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AllowedWord, GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "warning"
    menu_label = "Ambtelijke woorden"
    menu_name = "b1-glossary-terms"
    list_display = ["term", "alternative"]
    search_fields = ["term", "alternative", "note"]
    ordering = ["term"]


class AllowedWordViewSet(SnippetViewSet):
    model = AllowedWord
    icon = "tick"
    menu_label = "Toegestane woorden"
    menu_name = "b1-allowed-words"
    list_display = ["word", "note"]
    search_fields = ["word", "note"]
    ordering = ["word"]


class B1ViewSetGroup(SnippetViewSetGroup):
    items = (GlossaryTermViewSet, AllowedWordViewSet)
    menu_label = "Taal (B1)"
    menu_icon = "doc-full"
    menu_name = "b1-language"


register_snippet(B1ViewSetGroup)
