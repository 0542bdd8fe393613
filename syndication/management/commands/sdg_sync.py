"""Send every product that is due to the SDG product API, then stop:
`python manage.py sdg_sync [--dry-run] [--product REF]`."""

import json

from django.core.management.base import BaseCommand, CommandError

from content.languages import default_language
from content.models import PageTombstone, ProductPage, SiteDirectory
from content.models.pages import find_page_by_ref
from syndication.models import SyncState
from syndication.sdg.mapping import TARGET, dutch_page_id
from syndication.sdg.sender import (
    SEND,
    SdgApiError,
    SdgClient,
    SdgUnreachable,
    configuration_problems,
    plan,
    sync_product,
)


class Command(BaseCommand):
    help = (
        "Stuurt alle producten die nog niet (of niet zoals ze nu zijn) bij de SDG staan naar de SDG-productcatalogus, "
        "ook wat gepubliceerd werd voordat SDG_API_URL was ingesteld, en stopt dan. --dry-run toont wat er "
        "verstuurd zou worden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print what would be sent; send and store nothing.")
        parser.add_argument(
            "--product", metavar="REF", help="Only this product (the ref of its Dutch or English page)."
        )

    def handle(self, *args, dry_run=False, product=None, verbosity=1, **options):
        page_ids = [self.page_id_of(product)] if product else due_candidates()
        problems = configuration_problems()
        if problems and not dry_run:
            raise CommandError("; ".join(problems))
        directory = SiteDirectory()
        counts = {"sent": 0, "withdrawn": 0, "failed": 0, "up to date": 0}
        client = None if dry_run else SdgClient()
        try:
            for page_id in page_ids:
                if dry_run:
                    result = plan(page_id, directory)
                else:
                    try:
                        result = sync_product(page_id, client, directory)
                    except SdgUnreachable as error:
                        self.stderr.write(f"{name_of(page_id)}: {error}")
                        counts["failed"] += 1
                        raise CommandError(f"stopped: the SDG API does not answer; {counts_line(counts)}") from None
                    except SdgApiError as error:
                        self.stderr.write(f"{name_of(page_id)}: {error}")
                        counts["failed"] += 1
                        continue
                if not result.steps:
                    counts["up to date"] += 1
                for step in result.steps:
                    counts["sent" if step.action == SEND else "withdrawn"] += 1
                    prefix = "would send" if dry_run else "sent"
                    self.stdout.write(f"{prefix}: {name_of(page_id)} {step.state.variant}: {step.describe()}")
                    if dry_run and step.payload is not None and verbosity > 1:
                        self.stdout.write(json.dumps(step.payload, indent=2, ensure_ascii=False))
        finally:
            if client is not None:
                client.http.close()
        summary = counts_line(counts)
        if dry_run:
            summary = f"dry run, nothing sent: {summary}"
            if problems:
                summary += f" ({'; '.join(problems)})"
        if counts["failed"]:
            raise CommandError(f"not everything was sent: {summary}")
        self.stdout.write(f"sdg_sync: {summary}")

    @staticmethod
    def page_id_of(ref: str) -> int:
        page = find_page_by_ref(ref)
        if not isinstance(page, ProductPage):
            raise CommandError(f"no product page with ref {ref!r}")
        page_id = dutch_page_id(page)
        if page_id is None:
            raise CommandError(f"{ref!r} is a translation without a Dutch page")
        return page_id


def due_candidates() -> list[int]:
    """Every Dutch product page that may have to be delivered (live, with a UPL) or withdrawn
    (delivered before). Which of them are due, `plan` decides by comparing with what was sent."""
    live = ProductPage.objects.filter(live=True, locale__language_code=default_language()).exclude(upl_uri="")
    delivered = SyncState.objects.filter(target=TARGET).exclude(status=SyncState.REMOVED)
    return sorted({*live.values_list("pk", flat=True), *delivered.values_list("page_id", flat=True)})


def name_of(page_id: int) -> str:
    ref = ProductPage.objects.filter(pk=page_id).values_list("ref", flat=True).first()
    ref = ref or PageTombstone.objects.filter(page_id=page_id).values_list("ref", flat=True).first()
    return ref or f"page {page_id}"


def counts_line(counts: dict) -> str:
    return ", ".join(f"{value} {key}" for key, value in counts.items())
