"""Apply the outbox: `python manage.py outbox_worker [--subscriber NAME] [--once] [--status]`."""

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from content.outbox import apply_pending, get_subscriber, outbox_status, prune_applied, subscribers

logger = logging.getLogger(__name__)

PRUNE_EVERY_SECONDS = 60 * 60


class Command(BaseCommand):
    help = (
        "Voert de outbox uit: wijzigingen naar de zoekindex en de andere afnemers. "
        "Blijft draaien, tenzij --once; --status toont de achterstand per afnemer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--subscriber", action="append", metavar="NAME", help="Only this subscriber (repeatable; default: all)."
        )
        parser.add_argument("--once", action="store_true", help="Apply what is due now, then stop.")
        parser.add_argument("--status", action="store_true", help="Print the status per subscriber and stop.")
        parser.add_argument("--batch", type=int, default=None, help="Tasks per round (default: the subscriber's).")
        parser.add_argument("--interval", type=float, default=2.0, help="Seconds between idle rounds.")

    def handle(self, *args, subscriber=None, once=False, status=False, batch=None, interval=2.0, **options):
        try:
            targets = [get_subscriber(name) for name in subscriber] if subscriber else subscribers()
        except LookupError as error:
            raise CommandError(str(error)) from None
        names = [target.name for target in targets]
        if status:
            self.write_status(names if subscriber else None)
            return
        next_prune = 0.0
        while True:
            if time.monotonic() >= next_prune:
                self.prune(names)
                next_prune = time.monotonic() + PRUNE_EVERY_SECONDS
            busy = False
            for target in targets:
                busy |= self.apply(target.name, batch, drain=once)
            if once:
                self.write_status(names)
                return
            # Like a request, a round must not leave the next one a dead or expired connection.
            close_old_connections()
            if not busy:
                time.sleep(interval)

    def apply(self, name, batch, *, drain) -> bool:
        """One subscriber's due tasks; with `drain`, until none is due or one fails. True if any applied."""
        any_applied = False
        while True:
            try:
                report = apply_pending(name, limit=batch)
            except Exception as error:  # noqa: BLE001 - one broken subscriber must not stop the others
                logger.exception("Outbox %s: applying failed", name)
                self.stderr.write(f"{name}: could not apply ({type(error).__name__}: {error}); will retry")
                return any_applied
            if report.applied or report.failed:
                self.stdout.write(f"{name}: applied {report.applied}, failed {report.failed}")
            for error in report.errors:
                self.stderr.write(f"{name}: error (will retry): {error}")
            any_applied |= bool(report.applied)
            # Drain what is due, but do not loop forever on tasks that keep failing.
            if not drain or not report.applied or report.failed:
                return any_applied

    def prune(self, names):
        for name in names:
            deleted = prune_applied(name)
            if deleted:
                self.stdout.write(f"{name}: forgot {deleted} applied task(s)")

    def write_status(self, names=None):
        rows = outbox_status()
        if names is not None:
            rows = {name: rows[name] for name in names}
        if not rows:
            self.stdout.write("no outbox subscribers registered")
        for name, row in rows.items():
            last = row["last_applied"].isoformat(timespec="seconds") if row["last_applied"] else "never"
            line = (
                f"{name}: pending {row['pending']}, failed {row['failed']}, "
                f"lag {row['lag_seconds']:.0f}s, last applied {last}"
            )
            if not row["registered"]:
                line += " (no subscriber registered: nothing applies these tasks)"
            self.stdout.write(line)
