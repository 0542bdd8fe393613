"""Apply the search outbox: `python manage.py search_worker [--once]`."""

import time

from django.core.management.base import BaseCommand

from search.outbox import apply_pending, outbox_status, prune_applied


class Command(BaseCommand):
    help = "Past wijzigingen toe op de zoekindex (de outbox). Blijft draaien, tenzij --once."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Apply what is due now, then stop.")
        parser.add_argument("--batch", type=int, default=200, help="Tasks per round (default 200).")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between idle rounds.")

    def handle(self, *args, once=False, batch=200, interval=2.0, **options):
        rounds = 0
        while True:
            report = apply_pending(limit=batch)
            if report.applied or report.failed:
                self.stdout.write(f"applied {report.applied}, failed {report.failed}")
            for error in report.errors:
                self.stderr.write(f"engine error (will retry): {error}")
            rounds += 1
            if rounds % 500 == 0:
                prune_applied()
            if once:
                # Drain what is due, but do not loop forever on tasks that keep failing.
                if report.applied and not report.failed:
                    continue
                status = outbox_status()
                self.stdout.write(
                    f"pending {status['pending']}, failed {status['failed']}, lag {status['lag_seconds']:.0f}s"
                )
                return
            if not report.applied:
                time.sleep(interval)
