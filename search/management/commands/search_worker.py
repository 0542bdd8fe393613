"""`python manage.py search_worker [--once]`: an alias of `outbox_worker --subscriber search`."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from search.outbox import SUBSCRIBER


class Command(BaseCommand):
    help = "Past wijzigingen toe op de zoekindex (outbox_worker --subscriber search). Blijft draaien, tenzij --once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Apply what is due now, then stop.")
        parser.add_argument("--batch", type=int, default=200, help="Tasks per round (default 200).")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between idle rounds.")

    def handle(self, *args, once=False, batch=200, interval=2.0, **options):
        call_command(
            "outbox_worker",
            subscriber=[SUBSCRIBER],
            once=once,
            batch=batch,
            interval=interval,
            stdout=self.stdout,
            stderr=self.stderr,
        )
