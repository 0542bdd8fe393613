"""Run the content checks over the live pages of a site and store the results (docs/quality.md).

Pages are read in batches; for each batch everything the checks need (linked pages, stored B1
reports, fragments, external link answers, document findings) is fetched with a fixed number of
queries, so a run over 10,000 pages costs a few queries per batch, not per page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from wagtail.models import Page

from content.blocks import ActionBlock, content_block, content_blocks_of, raw_stream
from content.channels import CHANNELS, PRODUCT_SECTIONS
from content.models import Fragment, PageReadability, SiteConfig
from content.models.pages import HUB_PAGE_MODELS
from content.visibility import Viewer, visible_page_ids

from ..quality_models import PageQuality, QualityRun
from . import documents, external, links, media, page_meta  # noqa: F401 - each registers its checks
from .base import CHECKS, SEVERITY_WEIGHT, BlockInPage, DocumentUse, PageUnderCheck, Problem

BATCH = 200
SECTION_NAMES = dict(PRODUCT_SECTIONS)
PUBLIC, STAFF = Viewer(), Viewer(channel="kcc", staff=True)
_ACTION = ActionBlock()


def page_score(problems: Iterable[Problem | dict]) -> int:
    """100 minus the weight of each problem (error 10, warning 4, tip 1), at least 0."""
    lost = sum(SEVERITY_WEIGHT.get(p.severity if isinstance(p, Problem) else p["severity"], 0) for p in problems)
    return max(0, 100 - lost)


def _where(block, section: str | None, fragment: str | None = None) -> str:
    label = str(getattr(block.meta, "label", "") or "Blok")
    if fragment:
        label += f" in het tekstblok '{fragment}'"
    if section:
        label += f" in onderdeel {SECTION_NAMES.get(section, section)}"
    return label


def _blocks_of(location: str, stream, fragments: dict[int, Fragment], nested: bool = False) -> list[BlockInPage]:
    found = []
    for child, section, path in content_blocks_of(raw_stream(stream)):
        block = content_block(child.get("type"))
        if block is None:
            continue
        value = child.get("value") or {}
        channels = tuple(value.get("channels") or CHANNELS)
        here = f"{location}.{path}"
        found.append(
            BlockInPage(here, _where(block, section), child["type"], value, block, channels, block.internal, section)
        )
        fragment = fragments.get(value.get("fragment")) if child.get("type") == "fragment" and not nested else None
        if fragment is not None:
            for inner in _blocks_of(f"{here}.fragment", fragment.body, fragments, nested=True):
                where = _where(inner.block, section, fragment.title)
                # A fragment's blocks are shown where the fragment is shown.
                shown = tuple(c for c in inner.channels if c in channels)
                found.append(
                    BlockInPage(
                        inner.location, where, inner.block_type, inner.value, inner.block, shown, inner.internal
                    )
                )
    return found


def _documents(blocks: list[BlockInPage]) -> list[DocumentUse]:
    uses = []
    for block in blocks:
        for document_id, title in getattr(block.block, "documents", lambda value: ())(block.value):
            uses.append(DocumentUse(block.location, block.where, document_id, title))
    return uses


def prepare(pages: list, site_key: str) -> list[PageUnderCheck]:
    """Everything the checks need for a batch of specific live pages."""
    fragment_ids = set()
    for page in pages:
        for name in page.stream_field_names:
            for child, _section, _path in content_blocks_of(raw_stream(getattr(page, name))):
                if child.get("type") == "fragment" and isinstance((child.get("value") or {}).get("fragment"), int):
                    fragment_ids.add(child["value"]["fragment"])
    fragments = Fragment.objects.in_bulk(fragment_ids) if fragment_ids else {}
    checked = []
    for page in pages:
        blocks = [b for name in page.stream_field_names for b in _blocks_of(name, getattr(page, name), fragments)]
        actions = [
            (f"actions.{child.get('id') or i}", link)
            for i, child in enumerate(raw_stream(getattr(page, "actions", None)))
            for link in _ACTION.outgoing_links(child.get("value") or {})
        ]
        checked.append(
            PageUnderCheck(
                page=page,
                site_key=site_key,
                blocks=blocks,
                actions=actions,
                documents=_documents(blocks),
                keyword_count=getattr(page, "keyword_count", 0),
            )
        )
    _add_targets(checked)
    external.attach_external_answers(checked, ask=False)  # fresh stored answers; --external asks first
    _add_documents(checked)
    readability = PageReadability.objects.in_bulk(
        [p.page.live_revision_id for p in checked if p.page.live_revision_id], field_name="revision_id"
    )
    for item in checked:
        item.readability = readability.get(item.page.live_revision_id)
    return checked


def _add_targets(checked: list[PageUnderCheck]) -> None:
    ids = {link.page for item in checked for _l, _w, link, _b in item.links() if link.page is not None}
    if not ids:
        return
    rows = Page.objects.filter(pk__in=ids).values("pk", "title", "live", "expired")
    public, staff = visible_page_ids(ids, PUBLIC), visible_page_ids(ids, STAFF)
    targets = {}
    for row in rows:
        internal = row["live"] and not row["expired"] and row["pk"] not in public
        targets[row["pk"]] = {**row, "internal": internal, "visible_for": {False: public, True: staff}}
    for item in checked:
        item.targets = targets


def _add_documents(checked: list[PageUnderCheck]) -> None:
    ids = {use.document_id for item in checked for use in item.documents}
    if not ids:
        return
    findings = documents.findings_for(ids)
    for item in checked:
        item.document_findings = findings


def _answers(items: list[PageUnderCheck]) -> dict:
    return {url: answer for item in items for url, answer in item.external.items()}


def run_checks(item: PageUnderCheck, only: str | None = None) -> list[Problem]:
    problems = []
    for code, registered in CHECKS.items():
        if only and code != only:
            continue
        problems.extend(registered.run(item))
    sections = {block.location: block.section for block in item.blocks if block.section}
    return [
        replace(p, section=sections.get(p.location, "")) if p.location in sections and not p.section else p
        for p in problems
    ]


def live_pages(config: SiteConfig) -> Iterable[list]:
    """The site's live content pages in batches, each page with its owner and keyword count."""
    root = config.site.root_page
    for model in HUB_PAGE_MODELS:
        queryset = (
            model.objects.live()
            .descendant_of(root)
            .select_related("owner_team", "locale")
            .annotate(keyword_count=Count("keywords"))
            .order_by("pk")
        )
        last = 0
        while True:
            batch = list(queryset.filter(pk__gt=last)[:BATCH])
            if not batch:
                break
            yield batch
            last = batch[-1].pk


def count_pages(config: SiteConfig) -> int:
    root = config.site.root_page
    return sum(model.objects.live().descendant_of(root).count() for model in HUB_PAGE_MODELS)


def check_site(
    config: SiteConfig, *, only: str | None = None, progress: Callable[[int, int], None] | None = None
) -> QualityRun:
    """Check every live page of one site and store the run. A run that fails stays 'failed' and
    the previous complete run is what the admin shows."""
    run = QualityRun.objects.create(site=config.key, only=only or "")
    total, done, scores, by_code, by_severity, unchecked = count_pages(config), 0, [], {}, {}, set()
    try:
        for batch in live_pages(config):
            rows = []
            items = prepare(batch, config.key)
            unchecked |= {row.url for row in external.unchecked_addresses(_answers(items))}
            for item in items:
                problems = run_checks(item, only)
                score = page_score(problems)
                scores.append(score)
                for problem in problems:
                    by_code[problem.code] = by_code.get(problem.code, 0) + 1
                    by_severity[problem.severity] = by_severity.get(problem.severity, 0) + 1
                team = item.page.owner_team
                rows.append(
                    PageQuality(
                        run=run,
                        page_id=item.page.pk,
                        site=config.key,
                        page_type=item.page._meta.model_name,
                        owner_team=team.name if team else "",
                        score=score,
                        problems=[p.as_dict() for p in problems],
                        problem_count=len(problems),
                    )
                )
            PageQuality.objects.bulk_create(rows)
            done += len(batch)
            if progress:
                progress(done, total)
    except BaseException:
        QualityRun.objects.filter(pk=run.pk).update(status=QualityRun.FAILED, finished_at=timezone.now())
        raise
    with transaction.atomic():
        run.status = QualityRun.COMPLETE
        run.finished_at = timezone.now()
        run.pages = len(scores)
        run.score = round(sum(scores) / len(scores)) if scores else 100
        run.summary = {
            "problems": sum(by_code.values()),
            "by_code": by_code,
            "by_severity": by_severity,
            "unchecked_links": sorted(unchecked),  # "niet gecontroleerd": no answer from that host
        }
        run.save()
    return run


def check_page(page) -> list[Problem]:
    """The problems of one page as the editor has it now, draft included (its quality panel)."""
    config = SiteConfig.objects.filter(site__root_page__in=page.get_ancestors(inclusive=True)).first()
    page.keyword_count = len(page.keywords.all())
    item = prepare([page], config.key if config else "")[0]
    latest = page.latest_revision_id or page.live_revision_id
    item.readability = PageReadability.objects.filter(revision_id=latest).first() if latest else None
    return run_checks(item)


def external_urls(configs: Iterable[SiteConfig]) -> set[str]:
    """Every http(s) address linked from the live pages of these sites (for the external check)."""
    urls = set()
    for config in configs:
        for batch in live_pages(config):
            urls |= external.external_urls(prepare(batch, config.key))
    return urls
