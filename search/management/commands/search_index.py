"""`python manage.py search_index rebuild|status`."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.documents import count_indexable_pages, indexable_documents
from search.engines import EngineUnavailable, get_engine
from search.outbox import outbox_status


class Command(BaseCommand):
    help = "Bouw de zoekindex opnieuw op (rebuild) of toon de toestand (status)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status"])
        parser.add_argument("--json", action="store_true", help="status: print JSON.")
        parser.add_argument("--no-progress", action="store_true", help="rebuild: no progress bar.")

    def handle(self, *args, action, **options):
        engine = get_engine()
        if action == "rebuild":
            return self.rebuild(engine, progress=not options["no_progress"])
        return self.status(engine, as_json=options["json"])

    def rebuild(self, engine, *, progress):
        total = count_indexable_pages()
        documents = indexable_documents()
        bar = tqdm(total=total, unit="page", desc=f"rebuild {engine.name}", disable=not progress, file=self.stderr)
        try:
            count = engine.rebuild(documents, progress=bar.update)
        except EngineUnavailable as error:
            raise CommandError(f"The search engine does not answer: {error}") from error
        finally:
            bar.close()
        self.stdout.write(self.style.SUCCESS(f"{count} documents indexed by {engine.name}; the new index is live."))

    def status(self, engine, *, as_json):
        health = engine.health()
        try:
            count = engine.count() if health.get("ok") else None
        except EngineUnavailable:
            count = None
        data = {
            "engine": engine.name,
            "url": settings.SEARCH_URL or None,
            "index_prefix": settings.SEARCH_INDEX_PREFIX,
            "healthy": bool(health.get("ok")),
            "documents": count,
            **{f"outbox_{k}": v for k, v in outbox_status().items()},
            "details": health,
        }
        if as_json:
            self.stdout.write(json.dumps(data, default=str, indent=2))
            return
        for key in ("engine", "url", "index_prefix", "healthy", "documents"):
            self.stdout.write(f"{key:>14}: {data[key]}")
        self.stdout.write(f"{'pending tasks':>14}: {data['outbox_pending']}")
        self.stdout.write(f"{'failed tasks':>14}: {data['outbox_failed']}")
        self.stdout.write(f"{'lag':>14}: {data['outbox_lag_seconds']:.0f}s (oldest pending task)")
        if not data["healthy"]:
            raise CommandError(f"The search engine is not healthy: {health.get('error', 'unknown')}")
