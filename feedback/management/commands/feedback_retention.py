"""`python manage.py feedback_retention [--dry-run]`: delete comments past the retention period.

Run it daily (cron or a scheduled job), like the other housekeeping commands.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from feedback.retention import delete_expired_comments, expired_comments, retention_cutoff


class Command(BaseCommand):
    help = "Delete feedback comments and reply notes older than HUB_FEEDBACK_RETENTION_DAYS (default 365)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count; delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        days = settings.HUB_FEEDBACK["RETENTION_DAYS"]
        cutoff = retention_cutoff()
        if dry_run:
            count = expired_comments().count()
            self.stdout.write(f"{count} feedback item(s) from before {cutoff:%Y-%m-%d} have a comment to delete.")
            return
        count = delete_expired_comments()
        self.stdout.write(f"Deleted the comments of {count} feedback item(s) older than {days} days.")
