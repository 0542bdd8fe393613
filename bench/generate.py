"""Build the benchmark database: N published product pages, imported through `hub-import/1`.

    python -m bench.generate --pages 10000

The data goes through `content.importing.import_data`, in chunks, so the pages are exactly what
an editor's import makes (revisions, published, keywords, fragments, links between pages).
SQLite (the default) is cached per number of pages and content version:
var/bench/pages-<N>-v<VERSION>.sqlite3, built in a temporary file and renamed when complete, so
a rerun is instant and an interrupted run leaves nothing half-made. With DATABASE_URL set
(PostgreSQL) the pages are written there, unless that database already holds them.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .catalogue import VERSION

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = Path(os.environ.get("HUB_VAR_DIR", BASE_DIR / "var")) / "bench"
CHUNK = 500
# Larger catalogues are not imported page by page (18 pages/s, 90 minutes for 100,000): the
# imported catalogue of TEMPLATE_PAGES pages is copied and multiplied in SQL (bench/multiply.py).
TEMPLATE_PAGES = 1_000
IMPORT_UP_TO = TEMPLATE_PAGES


def catalogue_tag(pages: int) -> str:
    """The content version in a cached database's name; a multiplied catalogue says so."""
    return f"v{VERSION}" if pages <= IMPORT_UP_TO else f"v{VERSION}x{TEMPLATE_PAGES}"


def sqlite_path(pages: int) -> Path:
    return BENCH_DIR / f"pages-{pages}-{catalogue_tag(pages)}.sqlite3"


def _setup_django(sqlite_file: Path | None):
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    if sqlite_file is not None:
        os.environ["BENCH_SQLITE"] = str(sqlite_file)
    import django

    django.setup()


def _populate(pages: int, log) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from content.importing import import_data

    from . import catalogue

    timings = {}
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    timings["migrate_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    for start in range(0, pages, CHUNK):
        stop = min(start + CHUNK, pages)
        data = catalogue.items_data(start, stop)
        if start == 0:
            # Fragments link to product 0 and products embed fragments: the importer creates the
            # pages of a file first, then fragments, then the pages' content.
            data.update(catalogue.setup_data())
            data.update(catalogue.fragments_data())
        # The reference index ("usage" in the admin) costs a third of an import and no API reads it.
        with disable_reference_index_auto_update():
            import_data(data, publish=True)
        elapsed = time.perf_counter() - started
        log(f"  {stop:>6}/{pages} pages imported ({elapsed:.0f} s, {stop / elapsed:.0f} pages/s)")
    timings["import_s"] = round(time.perf_counter() - started, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a long-running database would have
    return timings


def _migrate():
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _template_env() -> dict:
    """Build (or reuse) the imported catalogue that larger ones are multiplied from."""
    from .api_bench import database_env

    env = database_env(TEMPLATE_PAGES)
    subprocess.run(  # noqa: S603 - our own module
        [sys.executable, "-m", "bench.generate", "--pages", str(TEMPLATE_PAGES)], cwd=BASE_DIR, env=env, check=True
    )
    return env


def _fill(pages: int, log) -> dict:
    """Import the pages, or multiply the template's (already copied into this database)."""
    if pages <= IMPORT_UP_TO:
        return _populate(pages, log)
    from .multiply import multiply

    started = time.perf_counter()
    _migrate()
    timings = multiply(pages, TEMPLATE_PAGES, log)
    timings["multiply_total_s"] = round(time.perf_counter() - started, 1)
    return timings


def _build_postgres(pages: int, *, force: bool, log) -> dict:
    from . import pgserver

    url = os.environ["DATABASE_URL"]
    target = pgserver.name_of(url)
    if pgserver.exists(url, target) and not force:
        _setup_django(None)
        _migrate()
        return {"pages": pages, "database": target, "cached": True}
    started = time.perf_counter()
    template = pgserver.name_of(_template_env()["DATABASE_URL"]) if pages > IMPORT_UP_TO else None
    partial = f"{target}_partial"
    pgserver.drop(url, partial)
    pgserver.create(url, partial, template=template)
    os.environ["DATABASE_URL"] = pgserver.with_name(url, partial)
    _setup_django(None)
    timings = _fill(pages, log)
    from django.db import connections

    connections.close_all()
    pgserver.drop(url, target)  # only with --force: a finished database is never rebuilt otherwise
    pgserver.rename(url, partial, target)
    os.environ["DATABASE_URL"] = url
    return {"pages": pages, "database": target, "cached": False, "total_s": round(time.perf_counter() - started, 1)} | (
        timings
    )


def build(pages: int, *, force: bool = False, log=print) -> dict:
    """Make sure the database for `pages` exists; return what was done and how long it took.

    Up to IMPORT_UP_TO pages go through the importer; a larger catalogue is the imported
    TEMPLATE_PAGES catalogue multiplied in SQL (bench/multiply.py). Runs in its own process
    (Django settings are per process): call it through `main`.
    """
    if os.environ.get("DATABASE_URL"):
        return _build_postgres(pages, force=force, log=log)

    target = sqlite_path(pages)
    if target.exists() and not force:
        # Migrations added since the file was made (new tables) are applied; a change to the
        # generated content itself needs a new VERSION in bench/catalogue.py.
        _setup_django(target)
        _migrate()
        return {"pages": pages, "database": str(target), "cached": True}
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    if pages > IMPORT_UP_TO:
        _template_env()
        shutil.copyfile(sqlite_path(TEMPLATE_PAGES), partial)
    _setup_django(partial)
    timings = _fill(pages, log)
    from django.db import connection

    connection.close()
    shutil.move(partial, target)
    return {
        "pages": pages,
        "database": str(target),
        "cached": False,
        "total_s": round(time.perf_counter() - started, 1),
        "size_mb": round(target.stat().st_size / 1e6, 1),
        **timings,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, required=True, help="number of product pages")
    parser.add_argument("--force", action="store_true", help="rebuild even when a cached database exists")
    parser.add_argument("--json", action="store_true", help="print the result as JSON on the last line")
    args = parser.parse_args(argv)

    def log(message):
        print(message, file=sys.stderr, flush=True)

    if os.environ.get("DATABASE_URL") and not os.environ.get("BENCH_SERVER_URL"):
        # Run by hand: the database of this size on that server, named as api_bench names it.
        from .api_bench import database_env

        os.environ.update(database_env(args.pages))
    result = build(args.pages, force=args.force, log=log)
    if args.json:
        import json

        print(json.dumps(result))
    else:
        print(result)


if __name__ == "__main__":
    main()
