"""Send each team its weekly review reminder (for a daily scheduler; see docs/operations.md)."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from quality.reminders import send_review_reminders


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date: {value!r} is not a date like 2026-12-07") from None


class Command(BaseCommand):
    help = (
        "Mail every team its pages that are due for review (and what other sections add), once per "
        "team per ISO week. Safe to run daily: a team that got its mail this week gets nothing. "
        "Exits with an error when a mail could not be sent; the next run sends it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="run as if today were this date (YYYY-MM-DD)")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the mails instead of sending them; nothing is stored"
        )

    def handle(self, *args, date=None, dry_run=False, **options):
        today = _day(date) if date else None
        outcome = send_review_reminders(today, dry_run=dry_run, out=self.stdout)
        if dry_run:
            self.stdout.write(f"Dry run: {len(outcome.sent)} mail(s) shown above; nothing was sent or stored.")
        else:
            self.stdout.write(outcome.summary())
        if outcome.failed:
            raise CommandError(
                f"Not sent to {', '.join(outcome.failed)}. The next run sends these reminders (see the log)."
            )
