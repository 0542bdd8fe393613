"""Give the editor groups the permissions they need to work (they had none on a fresh database:
the admin-access permission did not exist yet when 0002 ran), and one editors' group per site."""

from django.db import migrations

from content.roles import apply_all_roles, ensure_permissions_exist


def apply_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    apply_all_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0007_use_eindredactie_task"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("quality", "0002_move_from_readability"),
        ("search", "0001_initial"),
    ]

    operations = [migrations.RunPython(apply_roles, migrations.RunPython.noop)]
