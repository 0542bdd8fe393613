"""python manage.py quality_check [--site KEY] [--only CODE] [--json] [--external]

Checks the live pages of every site (or one) and stores the result (docs/quality.md). Prints a
progress bar and a summary; --json prints the report for other tools. Exit code 0 when the run
completed (whatever it found), 1 when it failed, 2 for a usage error."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from content.models import SiteConfig
from quality.content_checks.report import run_report
from quality.content_checks.runner import check_site, external_urls

from ...content_checks.base import CHECKS


class UsageError(CommandError):
    def __init__(self, message):
        super().__init__(message, returncode=2)


class Command(BaseCommand):
    help = "Controleer de kwaliteit van de inhoud: links, toegankelijkheid, documenten en B1."

    def add_arguments(self, parser):
        parser.add_argument("--site", help="Alleen deze site (de sleutel, bijvoorbeeld verkeer).")
        parser.add_argument("--only", metavar="CODE", help="Alleen deze controle, bijvoorbeeld broken_link.")
        parser.add_argument("--json", action="store_true", help="Print het rapport als JSON.")
        parser.add_argument(
            "--external", action="store_true", help="Controleer ook links naar buiten (maakt verbinding met internet)."
        )

    def handle(self, *args, site=None, only=None, json=False, external=False, **options):
        if only and only not in CHECKS:
            raise UsageError(f"Onbekende controle {only!r}. Kies uit: {', '.join(sorted(CHECKS))}.")
        sites = list(SiteConfig.objects.select_related("site").exclude(key="").order_by("key"))
        if site:
            sites = [s for s in sites if s.key == site]
            if not sites:
                raise UsageError(f"Onbekende site {site!r}.")
        if external:
            self._check_external(sites, json)
        runs = []
        try:
            for config in sites:
                runs.append(check_site(config, only=only, progress=None if json else self._progress(config.key)))
                if not json:
                    self.stderr.write("")
        except Exception as error:  # the run failed: say so, exit 1, keep the last complete results
            raise CommandError(f"De controle is mislukt: {error}", returncode=1) from error
        if json:
            self.stdout.write(_dumps({"runs": [run_report(run) for run in runs]}))
            return
        for run in runs:
            by_code = ", ".join(f"{code} {n}" for code, n in sorted(run.summary["by_code"].items())) or "geen"
            self.stdout.write(
                f"{run.site}: {run.pages} pagina's, score {run.score}, {run.summary['problems']} problemen ({by_code})"
            )

    def _progress(self, key):
        def show(done, total):
            width = 30
            filled = int(width * done / total) if total else width
            self.stderr.write(f"\r{key}: [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="")
            self.stderr.flush()

        return show

    def _check_external(self, sites, quiet):
        from quality.content_checks.external import check_urls

        urls = external_urls(sites)
        if not quiet:
            self.stderr.write(f"Links naar buiten controleren: {len(urls)} adressen")
        check_urls(urls)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
