"""Create or repair the editor groups: the base roles and one editors' group per site."""

from django.apps import apps
from django.core.management.base import BaseCommand

from content.roles import apply_all_roles


class Command(BaseCommand):
    help = "Create or repair the editor groups and their permissions, including 'Redacteuren <site>' per site."

    def handle(self, *args, **options):
        for name in apply_all_roles(apps):
            self.stdout.write(f"{name}: klaar")
        self.stdout.write(self.style.SUCCESS("Rollen bijgewerkt."))
