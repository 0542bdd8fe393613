"""Multiply an imported catalogue in SQL: 100,000 published pages in a minute instead of 90.

The database already holds the catalogue of `template_pages` pages made by the importer
(bench/generate.py copies it first). Product n (n >= template_pages) becomes a copy of
template product n % template_pages, with its own id, tree path (treebeard's numbering),
slug, URL path, ref, title, translation key and published revision, its keywords and sites,
under a new section `/producten/groep-NNN/` like the importer's. Links in a copy's blocks point
to the template's pages, which exist and are published: the API and the search index treat a
copy as any published page. Copies share the template's publication times.

One transaction: the small per-copy values are computed here and written to a temporary
table, then each table is filled with one INSERT … SELECT that joins it to the template rows,
so the stream fields and revisions never leave the database.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import astuple, dataclass

from . import catalogue

GROUP = "groep"
# Revision.content is a JSON document of the page: the fields that differ per copy are
# replaced in it, on PostgreSQL with jsonb's `||`, on SQLite with json_set.
_JSON_REPLACE = {
    "postgresql": lambda column, pairs: "{} || jsonb_build_object({})".format(
        column, ", ".join(f"'{key}', {value}" for key, value in pairs)
    ),
    "sqlite": lambda column, pairs: "json_set({}, {})".format(
        column, ", ".join(f"'$.{key}', {value}" for key, value in pairs)
    ),
}
_REVISION_FIELDS = {
    "pk": "m.id",
    "path": "m.path",
    "numchild": "m.numchild",
    "title": "m.title",
    "draft_title": "m.title",
    "slug": "m.slug",
    "url_path": "m.url_path",
    "translation_key": "m.translation_key_text",
    "live_revision": "m.revision_id",
    "latest_revision": "m.revision_id",
}


@dataclass
class Copy:
    id: int
    template_id: int
    model: str
    path: str
    depth: int
    numchild: int
    title: str
    slug: str
    url_path: str
    translation_key: object
    translation_key_text: str
    ref: str | None
    revision_id: int | None


def _plan(pages: int, template_pages: int) -> tuple[list[Copy], dict]:
    """The copies to make (new sections first, then products) and the /producten/ page."""
    from django.db import connection
    from django.db.models import Max
    from wagtail.models import Page, Revision

    from content.models import ProductPage

    per_group = catalogue.PER_GROUP
    if pages % per_group or template_pages % per_group:
        raise SystemExit(f"Catalogue sizes must be multiples of {per_group} to be multiplied.")
    templates = {
        int(row["ref"].removeprefix("bench-product-")): row
        for row in ProductPage.objects.filter(ref__startswith="bench-product-").values(
            "id", "ref", "title", "path", "depth", "live_revision_id"
        )
    }
    if len(templates) != template_pages:
        raise SystemExit(f"The template database holds {len(templates)} bench pages, not {template_pages}.")
    group_template = Page.objects.get(path=templates[0]["path"][: -Page.steplen])
    folder = Page.objects.get(path=group_template.path[: -Page.steplen])
    key_field = Page._meta.get_field("translation_key")
    next_id = Page.objects.aggregate(m=Max("id"))["m"] + 1
    next_revision = (Revision.objects.aggregate(m=Max("id"))["m"] or 0) + 1

    def new_copy(template_id, model, path, depth, numchild, title, slug, url_path, ref, has_revision):
        nonlocal next_id, next_revision
        key = uuid.uuid4()
        revision_id = next_revision if has_revision else None
        next_revision += bool(has_revision)
        next_id += 1
        return Copy(
            id=next_id - 1,
            template_id=template_id,
            model=model,
            path=path,
            depth=depth,
            numchild=numchild,
            title=title,
            slug=slug,
            url_path=url_path,
            translation_key=key_field.get_db_prep_value(key, connection),
            translation_key_text=str(key),
            ref=ref,
            revision_id=revision_id,
        )

    copies, group_paths = [], {}
    first_group, groups = template_pages // per_group, pages // per_group
    for g in range(first_group, groups):
        slug = f"{GROUP}-{g:03d}"
        path = Page._get_path(folder.path, folder.depth + 1, folder.numchild + g - first_group + 1)
        group_paths[g] = (path, f"{folder.url_path}{slug}/")
        copies.append(
            new_copy(
                group_template.id,
                "group",
                path,
                folder.depth + 1,
                per_group,
                slug.replace("-", " ").capitalize(),
                slug,
                group_paths[g][1],
                None,
                group_template.live_revision_id is not None,
            )
        )
    for n in range(template_pages, pages):
        template = templates[n % template_pages]
        group_path, group_url = group_paths[n // per_group]
        copies.append(
            new_copy(
                template["id"],
                "product",
                Page._get_path(group_path, template["depth"], n % per_group + 1),
                template["depth"],
                0,
                f"{template['title'].rsplit(' ', 1)[0]} {n}",
                catalogue.slug(n),
                f"{group_url}{catalogue.slug(n)}/",
                catalogue.ref(n),
                template["live_revision_id"] is not None,
            )
        )
    return copies, {"folder": folder, "group_model": type(group_template.specific), "new_groups": groups - first_group}


def _create_map(cursor, copies: list[Copy]) -> None:
    from django.db import connection

    uuid_type = connection.data_types["UUIDField"]
    cursor.execute(
        "CREATE TEMPORARY TABLE bench_copy (id integer PRIMARY KEY, template_id integer, model varchar(20), "
        "path varchar(255), depth integer, numchild integer, title varchar(255), slug varchar(255), "
        f"url_path text, translation_key {uuid_type}, translation_key_text varchar(36), ref varchar(120), "
        "revision_id integer)"
    )
    cursor.executemany(f"INSERT INTO bench_copy VALUES ({', '.join(['%s'] * 13)})", [astuple(copy) for copy in copies])


def _insert_select(cursor, table: str, columns: list[str], overrides: dict, source: str, where: str) -> int:
    """INSERT INTO table (columns) SELECT the template row's columns, some replaced, per copy."""
    chosen = ", ".join(overrides.get(column, f"t.{column}") for column in columns)
    cursor.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) SELECT {chosen} FROM {source} WHERE {where}"  # noqa: S608
    )
    return cursor.rowcount


def _copy_model(cursor, vendor: str, model, kind: str) -> dict:
    """Pages, specific rows, many-to-many rows and revisions of the copies of one kind."""
    from wagtail.models import Page, Revision

    counts = {}
    join = "bench_copy m JOIN {table} t ON t.{key} = m.template_id"
    page_overrides = {
        "id": "m.id",
        "path": "m.path",
        "depth": "m.depth",
        "numchild": "m.numchild",
        "title": "m.title",
        "draft_title": "m.title",
        "slug": "m.slug",
        "url_path": "m.url_path",
        "translation_key": "m.translation_key",
        "live_revision_id": "m.revision_id",
        "latest_revision_id": "m.revision_id",
    }
    page_table = Page._meta.db_table
    counts["pages"] = _insert_select(
        cursor,
        page_table,
        [f.column for f in Page._meta.concrete_fields],
        page_overrides,
        join.format(table=page_table, key="id"),
        f"m.model = '{kind}'",
    )
    specific_table = model._meta.db_table
    pointer = model._meta.pk.column
    _insert_select(
        cursor,
        specific_table,
        [f.column for f in model._meta.local_concrete_fields],
        {pointer: "m.id", "ref": "m.ref"},
        join.format(table=specific_table, key=pointer),
        f"m.model = '{kind}'",
    )
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through._meta.db_table
        source, target = field.m2m_column_name(), field.m2m_reverse_name()
        counts[field.name] = _insert_select(
            cursor,
            through,
            [source, target],
            {source: "m.id"},
            join.format(table=through, key=source),
            f"m.model = '{kind}'",
        )
    revision_table = Revision._meta.db_table
    pairs = list(_REVISION_FIELDS.items())
    if kind == "product":
        pairs.append(("ref", "m.ref"))
    counts["revisions"] = _insert_select(
        cursor,
        revision_table,
        [f.column for f in Revision._meta.concrete_fields],
        {
            "id": "m.revision_id",
            "object_id": "CAST(m.id AS VARCHAR(255))",
            "object_str": "m.title",
            "content": _JSON_REPLACE[vendor]("t.content", pairs),
        },
        "bench_copy m JOIN wagtailcore_page p ON p.id = m.template_id "
        f"JOIN {revision_table} t ON t.id = p.live_revision_id",
        f"m.model = '{kind}' AND m.revision_id IS NOT NULL",
    )
    return counts


def multiply(pages: int, template_pages: int, log) -> dict:
    """Turn the template catalogue of this database into one of `pages` pages; the timings."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from wagtail.models import Page, Revision

    from content.models import ProductPage

    started = time.perf_counter()
    timings = {}
    with transaction.atomic():
        copies, context = _plan(pages, template_pages)
        timings["plan_s"] = round(time.perf_counter() - started, 1)
        log(f"  {len(copies):,} copies planned ({timings['plan_s']} s)")
        with connection.cursor() as cursor:
            _create_map(cursor, copies)
            timings["map_s"] = round(time.perf_counter() - started, 1)
            counts = {}
            for model, kind in ((context["group_model"], "group"), (ProductPage, "product")):
                counts[kind] = _copy_model(cursor, connection.vendor, model, kind)
                log(f"  {kind}: {counts[kind]} ({time.perf_counter() - started:.0f} s)")
            folder = context["folder"]
            cursor.execute(
                f"UPDATE {Page._meta.db_table} SET numchild = numchild + %s WHERE id = %s",  # noqa: S608
                [context["new_groups"], folder.id],
            )
            cursor.execute("DROP TABLE bench_copy")
            through = [f.remote_field.through for f in ProductPage._meta.local_many_to_many]
            for sql in connection.ops.sequence_reset_sql(no_style(), [Page, Revision, *through]):
                cursor.execute(sql)
    copied = time.perf_counter()
    timings["copy_s"] = round(copied - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics for the new rows
    timings["analyze_s"] = round(time.perf_counter() - copied, 1)
    timings["copies"] = counts
    return timings
