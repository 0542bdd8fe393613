"""Load the demo content and create demo accounts. Development only."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from content.models import Team
from content.roles import site_editors_group_name
from content.signals import KCC_GROUP, ensure_roles

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "deventer.json"
# The English translations of the most used pages; imported after the Dutch file they translate.
DEMO_FILE_EN = DEMO_FILE.with_name("deventer-en.json")
DEMO_PASSWORD = "deventer-demo"  # noqa: S105 - printed demo login, refused outside DEBUG
ACCOUNTS = [
    ("admin", "Beheerder", True, []),
    ("redacteur", "Webredacteur", False, ["Webredacteuren"]),
    ("eindredacteur", "Eindredacteur", False, ["Eindredacteuren"]),
    ("redacteur-verkeer", "Redacteur verkeer", False, [site_editors_group_name("verkeer")]),
    ("kcc", "KCC-medewerker", False, [KCC_GROUP]),
]
DEMO_MAIL_DOMAIN = "example.org"
# Teams own the demo pages (their names come from the demo file's `owner`). Team Burgerzaken has
# no address of its own, so its reminders go to its members; the traffic team has one.
TEAMS = {
    "Team Burgerzaken": ("", ["redacteur", "eindredacteur"]),
    "Team Verkeer en Mobiliteit": (f"verkeer@{DEMO_MAIL_DOMAIN}", ["redacteur-verkeer"]),
}


class Command(BaseCommand):
    help = "Import the Deventer demo content (idempotent) and create demo accounts (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEMO_FILE), help="demo file in hub-import/1 format")
        parser.add_argument(
            "--translations",
            default=None,
            help="file with translations of --file, imported after it (default: the English demo file "
            "when --file is the demo file; '' for none)",
        )

    def handle(self, *args, file, translations, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo creates accounts with a known password and only runs with DEBUG on.")
        call_command("import_content", file, "--publish", stdout=self.stdout)
        if translations is None:
            translations = str(DEMO_FILE_EN) if Path(file).resolve() == DEMO_FILE else ""
        if translations:
            call_command("import_content", translations, "--publish", stdout=self.stdout)
        ensure_roles()
        User = get_user_model()
        for username, name, superuser, groups in ACCOUNTS:
            user, created = User.objects.get_or_create(username=username, defaults={"first_name": name})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = True
                user.is_superuser = superuser
                user.save()
            if not user.email:
                user.email = f"{username}@{DEMO_MAIL_DOMAIN}"
                user.save(update_fields=["email"])
            for group in groups:
                user.groups.add(Group.objects.get(name=group))
        for name, (email, members) in TEAMS.items():
            team = Team.objects.named(name).first() or Team.objects.create(name=name)
            if email and not team.email:
                team.email = email
                team.save(update_fields=["email"])
            team.members.add(*User.objects.filter(username__in=members))
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo ready (development only). Sign in at http://localhost:8000/admin/ with:\n"
                + "\n".join(f"  {u:<18} / {DEMO_PASSWORD}   ({n})" for u, n, _, _ in ACCOUNTS)
                + "\nKCC console (http://localhost:8004/): click Inloggen and sign in at the hub as kcc.\n"
                + "Teams: "
                + "; ".join(f"{name}: {', '.join(members)}" for name, (_, members) in TEAMS.items())
                + "\n"
            )
        )
