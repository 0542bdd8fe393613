from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log
from wagtail.models import APIToken

from content.audit.actions import TOKEN_CREATED
from content.signals import KCC_GROUP, ensure_roles


class Command(BaseCommand):
    help = "Print a new API token for a staff user (KCC/balie). Only its hash is stored; revoke it in the admin."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="KCC-console", help="label for the token")
        parser.add_argument(
            "--grant",
            action="store_true",
            help=f"also add the user to the group {KCC_GROUP!r} so the token sees internal content",
        )

    def handle(self, *args, username, name, grant, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        if not user.is_active:
            raise CommandError(f"The user {username!r} is not active.")
        if grant:
            from django.contrib.auth.models import Group

            ensure_roles()
            user.groups.add(Group.objects.get(name=KCC_GROUP))
        if not (user.is_superuser or user.has_perm("content.view_internal_content")):
            self.stderr.write(
                f"Note: {username} may not see internal content; use --grant or add the user to {KCC_GROUP!r}."
            )
        token, plaintext = APIToken.create_token(user=user, name=name)
        # The audit trail (docs/security.md): Wagtail's own action, as its admin and command log it.
        log(token, TOKEN_CREATED, data={"source": "management_command", "owner": username})
        self.stdout.write(plaintext)
