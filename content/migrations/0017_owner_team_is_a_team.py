"""The free-text owner is gone; the team (filled in 0016) takes its name `owner_team`."""

from django.db import migrations

PAGE_MODELS = ("productpage", "answerpage", "articlepage")


class Migration(migrations.Migration):
    dependencies = [("content", "0016_teams")]

    operations = [
        *(migrations.RemoveField(model_name=m, name="owner_team") for m in PAGE_MODELS),
        *(migrations.RenameField(model_name=m, old_name="owner_team_new", new_name="owner_team") for m in PAGE_MODELS),
    ]
