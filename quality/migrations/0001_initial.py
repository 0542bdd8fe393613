"""The B1 word lists move from the app `readability` (content/readability/) to `quality`.

Only the migration state moves here: the tables keep their names (`db_table`). 0002 creates
them on a fresh database and carries the content types (and so the permissions) over."""

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='AllowedWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(help_text="Een woord dat de B1-check nooit als moeilijk of als afkorting aanwijst, zoals 'DigiD'.", max_length=80, unique=True, verbose_name='woord')),
                ('note', models.TextField(blank=True, help_text='Waarom dit woord goed is (mag leeg blijven).', verbose_name='toelichting')),
            ],
            options={
                'verbose_name': 'toegestaan woord',
                'verbose_name_plural': 'toegestane woorden',
                'ordering': ['word'],
                'db_table': 'readability_allowedword',
            },
        ),
        migrations.CreateModel(
            name='GlossaryTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('term', models.CharField(help_text="Het ambtelijke woord, zoals 'teneinde' of 'in het kader van'. Vervoegingen vinden we zelf.", max_length=120, unique=True, verbose_name='woord of zinsdeel')),
                ('alternative', models.CharField(blank=True, help_text="Wat de schrijver beter kan gebruiken, zoals 'om'.", max_length=200, verbose_name='eenvoudig alternatief')),
                ('note', models.TextField(blank=True, help_text='Extra uitleg voor de schrijver (mag leeg blijven).', verbose_name='toelichting')),
            ],
            options={
                'verbose_name': 'ambtelijk woord',
                'verbose_name_plural': 'ambtelijke woorden',
                'ordering': ['term'],
                'db_table': 'readability_glossaryterm',
            },
        ),
            ],
            database_operations=[],
        )
    ]
