from django.core.management.base import BaseCommand
from wagtail.log_actions import log
from wagtail.models import APIToken

from content.audit.actions import TOKEN_REVOKED


class Command(BaseCommand):
    help = "Revoke every API token of a user (or one token by its prefix)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--prefix", help="only the token whose prefix starts with this")

    def handle(self, *args, username, prefix, **options):
        tokens = APIToken.objects.filter(user__username=username, revoked_at__isnull=True)
        if prefix:
            tokens = tokens.filter(prefix__startswith=prefix)
        count = 0
        for token in tokens:
            token.revoke()
            log(token, TOKEN_REVOKED, data={"source": "management_command", "owner": username})
            count += 1
        self.stdout.write(f"Revoked {count} token(s) of {username}.")
