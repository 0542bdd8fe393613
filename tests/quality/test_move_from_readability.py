"""An existing database, where the B1 word lists belonged to the app `readability`, keeps its
words and the permissions groups had on them when `quality` takes them over."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from quality.models import AllowedWord, GlossaryTerm

migration = import_module("quality.migrations.0002_move_from_readability")


@pytest.mark.django_db
def test_the_word_lists_keep_their_rows_and_group_permissions():
    # The database as the old app left it: its content types, a word, a group's permission.
    ContentType.objects.filter(app_label="quality", model__in=migration.MODELS).update(app_label="readability")
    ContentType.objects.clear_cache()
    GlossaryTerm.objects.create(term="middels", alternative="met")
    AllowedWord.objects.create(word="DigiD")
    group = Group.objects.create(name="Taalteam")
    group.permissions.add(Permission.objects.get(content_type__app_label="readability", codename="change_glossaryterm"))

    # Tables exist already, so the schema editor is only asked which tables there are.
    migration.tables_and_content_types(apps, SimpleNamespace(connection=connection))
    ContentType.objects.clear_cache()

    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["middels"]
    assert list(AllowedWord.objects.values_list("word", flat=True)) == ["DigiD"]
    assert not ContentType.objects.filter(app_label="readability").exists()
    assert group.permissions.filter(content_type__app_label="quality", codename="change_glossaryterm").exists()
