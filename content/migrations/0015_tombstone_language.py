from django.db import migrations, models


def language_of_pages_still_there(apps, schema_editor):
    """A page that was unpublished still exists: its tombstone gets its language. A deleted
    page's language is unknown; its tombstone keeps an empty language (reported in every
    language)."""
    PageTombstone = apps.get_model("content", "PageTombstone")
    Page = apps.get_model("wagtailcore", "Page")
    languages = dict(
        Page.objects.filter(pk__in=PageTombstone.objects.values("page_id")).values_list("pk", "locale__language_code")
    )
    for tombstone in PageTombstone.objects.filter(page_id__in=languages):
        tombstone.language = languages[tombstone.page_id]
        tombstone.save(update_fields=["language"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0014_organisation_identity"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagetombstone",
            name="language",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.RunPython(language_of_pages_still_there, migrations.RunPython.noop),
    ]
