"""Indexes on Wagtail's page table for the API's lookups.

- The orders of `pages(orderBy:)`: a list sorted by title or by publication date walks the
  index and stops after one page of results, instead of sorting every matching page, so its
  time does not grow with the catalogue. The id is the tie-breaker of every order
  (`api.pages.queries`).
- `url_path`: `page(site, path)` finds a page by it (`SiteDirectory.page_at`); Wagtail does not
  index it.

Plain SQL, as the table is Wagtail's; the same statements work on PostgreSQL and SQLite.
"""

from django.db import migrations

INDEXES = {
    "api_page_title_id": "title, id",
    "api_page_published_desc_id": "last_published_at DESC, id",
    "api_page_published_id": "last_published_at, id",
    "api_page_url_path": "url_path",
}


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_console_sign_in"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({columns})",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
