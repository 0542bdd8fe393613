"""`python manage.py kiss_sync [--dry-run]`: send KISS everything it lacks, then stop."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from syndication.kiss.sender import DUE, FAILED, UNCHANGED, sync_all


class Command(BaseCommand):
    help = (
        "Stuurt elke vraag-antwoordpagina (VAC) en productpagina (kennisartikel) naar KISS (de Objects API) "
        "waarvan KISS de laatste versie nog niet heeft, ook wat gepubliceerd werd voordat KISS was ingesteld, "
        "en stopt dan. Wat mislukt, probeert de outbox_worker later opnieuw. --dry-run toont alleen wat er "
        "verzonden zou worden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Verstuur niets; toon wat verzonden zou worden.")

    def handle(self, *args, dry_run=False, **options):
        def report(outcome):
            if outcome.result == UNCHANGED:
                return
            line = f"{outcome.result}: {outcome.label}" + (f" — {outcome.error}" if outcome.error else "")
            (self.stderr if outcome.result == FAILED else self.stdout).write(line)

        try:
            outcomes = sync_all(dry_run=dry_run, report=report)
        except ImproperlyConfigured as error:
            raise CommandError(f"KISS is niet ingesteld: {error}") from None
        counts = {}
        for outcome in outcomes:
            counts[outcome.result] = counts.get(outcome.result, 0) + 1
        summary = ", ".join(f"{count} {result}" for result, count in sorted(counts.items())) or "niets te doen"
        self.stdout.write(f"KISS{' (proef, niets verzonden)' if dry_run else ''}: {summary}")
        if counts.get(FAILED):
            raise CommandError(
                f"{counts[FAILED]} object(en) mislukt; de outbox_worker probeert ze opnieuw "
                "(python manage.py outbox_worker --subscriber kiss)."
            )
        if dry_run and not counts.get(DUE):
            self.stdout.write("KISS is bij.")
