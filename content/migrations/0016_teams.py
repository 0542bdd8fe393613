"""Owners are teams: a `Team` per distinct owner text, and every content page points at it.

The old free-text `owner_team` is kept until 0017, so this migration can copy it: pages get the
team of their text, and so do their revisions (a revision stores the owner as the team's id
from now on, and an old draft must still open). Names are matched without regard to capitals
or extra spaces, so "Team Burgerzaken" and "team burgerzaken " become one team. Backwards, the
team's name is written back as text.

Schema and data changes are split over two migrations because PostgreSQL refuses to alter a
table that still has pending foreign-key checks from rows updated in the same transaction.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

PAGE_MODELS = ("productpage", "answerpage", "articlepage")
BATCH = 500


def _clean(name) -> str:
    return " ".join(str(name or "").split())[:100]


class _Teams:
    """Teams by lower-case name, made when first asked for."""

    def __init__(self, apps):
        self.model = apps.get_model("content", "Team")
        self.by_key = {t.name.lower(): t for t in self.model.objects.all()}

    def for_name(self, name):
        name = _clean(name)
        if not name:
            return None
        if name.lower() not in self.by_key:
            self.by_key[name.lower()] = self.model.objects.create(name=name)
        return self.by_key[name.lower()]


def _revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    types = ContentType.objects.filter(app_label="content", model__in=PAGE_MODELS)
    return Revision, Revision.objects.filter(content_type__in=types).only("pk", "content").order_by("pk")


def _rewrite_revisions(apps, convert):
    """Give every revision of a content page `convert(old owner)` as its owner."""
    Revision, revisions = _revisions(apps)
    changed = []
    for revision in revisions.iterator(chunk_size=BATCH):
        content = revision.content if isinstance(revision.content, dict) else None
        if content is None or "owner_team" not in content:
            continue
        new = convert(content["owner_team"])
        if new != content["owner_team"]:
            content["owner_team"] = new
            changed.append(revision)
        if len(changed) >= BATCH:
            Revision.objects.bulk_update(changed, ["content"])
            changed = []
    Revision.objects.bulk_update(changed, ["content"])


def texts_to_teams(apps, schema_editor):
    teams = _Teams(apps)
    for model_name in PAGE_MODELS:
        Model = apps.get_model("content", model_name)
        for text in Model.objects.exclude(owner_team="").values_list("owner_team", flat=True).distinct():
            Model.objects.filter(owner_team=text).update(owner_team_new=teams.for_name(text))

    def convert(old):
        if isinstance(old, str):
            team = teams.for_name(old)
            return team.pk if team else None
        return old

    _rewrite_revisions(apps, convert)


def teams_to_texts(apps, schema_editor):
    Team = apps.get_model("content", "Team")
    names = dict(Team.objects.values_list("pk", "name"))
    for model_name in PAGE_MODELS:
        Model = apps.get_model("content", model_name)
        for team_id, name in names.items():
            Model.objects.filter(owner_team_new_id=team_id).update(owner_team=name[:100])

    def convert(old):
        if old is None:
            return ""
        if isinstance(old, int):
            return names.get(old, "")
        return old

    _rewrite_revisions(apps, convert)


def _team_field():
    return models.ForeignKey(
        blank=True,
        help_text="Welk team beheert deze pagina? Dit team krijgt een mail als de pagina gecontroleerd moet worden.",
        null=True,
        on_delete=django.db.models.deletion.SET_NULL,
        related_name="+",
        to="content.team",
        verbose_name="eigenaar",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0015_tombstone_language"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Team",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "name",
                    models.CharField(help_text="Bijvoorbeeld 'Team Burgerzaken'.", max_length=100, verbose_name="naam"),
                ),
                (
                    "email",
                    models.EmailField(
                        blank=True,
                        help_text="Het adres van het team. Is er geen adres? Dan krijgen de leden de mail zelf.",
                        max_length=254,
                        verbose_name="e-mailadres",
                    ),
                ),
                (
                    "members",
                    models.ManyToManyField(
                        blank=True,
                        help_text="De medewerkers van het team.",
                        related_name="teams",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="leden",
                    ),
                ),
            ],
            options={"verbose_name": "team", "verbose_name_plural": "teams", "ordering": ["name"]},
        ),
        migrations.AddConstraint(
            model_name="team",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("name"),
                name="content_team_name_unique",
                violation_error_message="Er is al een team met deze naam.",
            ),
        ),
        *(migrations.AddField(model_name=m, name="owner_team_new", field=_team_field()) for m in PAGE_MODELS),
        migrations.RunPython(texts_to_teams, teams_to_texts),
    ]
