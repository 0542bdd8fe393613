import json

from django.core.management.base import BaseCommand, CommandError

from content.importing import ImportFailure, import_file


class Command(BaseCommand):
    help = "Import pages, keywords, fragments and sites from a hub-import/1 JSON file (idempotent by ref)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path to the JSON file")
        parser.add_argument("--publish", action="store_true", help="publish the imported pages")
        parser.add_argument("--json", action="store_true", help="print the result or the errors as JSON")

    def handle(self, *args, file, publish, json: bool, **options):
        try:
            result = import_file(file, publish=publish)
        except ImportFailure as failure:
            if json:
                self.stdout.write(_dumps({"ok": False, "errors": [p.as_dict() for p in failure.problems]}))
            lines = "\n".join(f"  - {p}" for p in failure.problems)
            raise CommandError(
                f"Import refused, nothing was written ({len(failure.problems)} problem(s)):\n{lines}"
            ) from None
        if json:
            self.stdout.write(
                _dumps(
                    {"ok": True, "created": result.created, "updated": result.updated, "unchanged": result.unchanged}
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Import done: {result.summary()}"))


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
