from django.core.management.base import BaseCommand, CommandError

from content.audit.retention import prune_audit_trail, retention_days


class Command(BaseCommand):
    help = (
        "Delete audit trail entries (Wagtail's log of pages and other objects, sign-ins) older than "
        "HUB_AUDIT_RETENTION_DAYS days. Run it daily (docs/security.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="keep this many days instead of the setting")
        parser.add_argument("--dry-run", action="store_true", help="only count what would be deleted")

    def handle(self, *args, days, dry_run, **options):
        days = retention_days() if days is None else days
        try:
            counts = prune_audit_trail(days, dry_run=dry_run)
        except ValueError as error:
            raise CommandError(str(error)) from error
        total = sum(counts.values())
        verb = "te verwijderen" if dry_run else "verwijderd"
        self.stdout.write(f"Logboek: {total} regels ouder dan {days} dagen {verb}.")
        for model, count in sorted(counts.items()):
            self.stdout.write(f"  {model}: {count}")
