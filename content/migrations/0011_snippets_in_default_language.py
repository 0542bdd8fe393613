"""Keywords and fragments become translatable (2/3): every existing one belongs to the
default language."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("content", "0010_translatable_snippets")]

    operations = [
        BootstrapTranslatableModel("content.Keyword"),
        BootstrapTranslatableModel("content.Fragment"),
    ]
