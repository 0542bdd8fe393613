"""Map the fields of one import item onto a page model."""

from datetime import date

from ..channels import PUBLIC
from ..models import AnswerPage, ArticlePage, Keyword, ProductPage, Team
from .blocks import BlockError

DOELGROEPEN = {"burger", "bedrijf"}


def _date(item, key, required=False):
    value = item.get(key)
    if value in (None, ""):
        if required:
            raise BlockError("IMPORT_BAD_VALUE", key, "a date like 2026-11-22 is required")
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise BlockError("IMPORT_BAD_VALUE", key, f"{value!r} is not a date like 2026-11-22") from None


def _str(item, key, default=""):
    value = item.get(key, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise BlockError("IMPORT_BAD_VALUE", key, "must be a text")
    return value.strip()


def _team(item):
    """The team that `owner` names (capitals and spaces aside), created when it is new."""
    name = " ".join(_str(item, "owner").split())
    if not name:
        return None
    limit = Team._meta.get_field("name").max_length
    if len(name) > limit:
        raise BlockError("IMPORT_BAD_VALUE", "owner", f"a team name has at most {limit} characters")
    return Team.objects.named(name).first() or Team.objects.create(name=name)


def _lines(item, key):
    value = item.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise BlockError("IMPORT_BAD_VALUE", key, "must be a list of texts")
    return [v.strip() for v in value if v.strip()]


def _doelgroep(item):
    value = item.get("doelgroep") or ["burger"]
    if isinstance(value, str):
        value = [value]
    unknown = set(value) - DOELGROEPEN
    if unknown:
        raise BlockError("IMPORT_BAD_VALUE", "doelgroep", f"unknown doelgroep {sorted(unknown)}; use burger or bedrijf")
    return "beide" if set(value) == DOELGROEPEN else value[0]


def _actions(item):
    actions = []
    for i, action in enumerate(item.get("actions") or []):
        where = f"actions[{i}]"
        if not isinstance(action, dict) or not action.get("label") or not action.get("url"):
            raise BlockError("IMPORT_BAD_VALUE", where, "an action needs a label and a url")
        kind = action.get("kind", "online")
        if kind not in ("online", "afspraak", "formulier"):
            raise BlockError("IMPORT_BAD_VALUE", f"{where}.kind", "use online, afspraak or formulier")
        if not str(action["url"]).startswith(("https://", "http://")):
            raise BlockError("IMPORT_BAD_VALUE", f"{where}.url", "must start with https://")
        actions.append(
            {
                "type": "action",
                "value": {
                    "label": action["label"],
                    "url": action["url"],
                    "kind": kind,
                    "digid": bool(action.get("digid")),
                },
            }
        )
    return actions


def item_fields(item, model, converter, sites):
    """Return (plain field values, many-to-many relations) for one item."""
    values = {
        "title": _str(item, "title"),
        "draft_title": _str(item, "title"),
        "summary": _str(item, "summary"),
        "audience": item.get("audience") or PUBLIC,
        "owner_team": _team(item),
        "review_date": _date(item, "review_date"),
    }
    if item.get("slug"):
        values["slug"] = _str(item, "slug")
    blocks = item.get("blocks") or []
    if not isinstance(blocks, list):
        raise BlockError("IMPORT_BAD_VALUE", "blocks", "must be a list of blocks")
    if model is ProductPage:
        values.update(
            upl_name=_str(item, "upl_name"),
            upl_uri=_str(item, "upl_uri"),
            doelgroep=_doelgroep(item),
            themes=", ".join(_lines(item, "themes")),
            actions=_actions(item),
            body=converter.product_sections(blocks, "blocks"),
        )
    else:
        for index, block in enumerate(blocks):
            if isinstance(block, dict) and "section" in block:
                raise BlockError("IMPORT_BAD_VALUE", f"blocks[{index}].section", "sections exist only on products")
        values["body"] = converter.stream(blocks, "blocks")
    if model is AnswerPage:
        values.update(
            phrasings="\n".join(_lines(item, "phrasings")),
            short_answer=_str(item, "short_answer"),
            internal_note=_str(item, "internal_note"),
            status=_str(item, "status", "actueel") or "actueel",
            doelgroep=_doelgroep(item),
        )
    if model is ArticlePage:
        kind = item.get("kind", "nieuws")
        if kind not in ("nieuws", "werkzaamheden"):
            raise BlockError("IMPORT_BAD_VALUE", "kind", "use nieuws or werkzaamheden")
        values.update(
            kind=kind,
            date=_date(item, "date") or date.today(),
            start_date=_date(item, "start_date"),
            end_date=_date(item, "end_date"),
            location=", ".join(_lines(item, "location")),
        )
    keywords = list(Keyword.objects.filter(term__in=_lines(item, "keywords")))
    relations = {"keywords": keywords, "also_on": sites.sites_for(_lines(item, "also_on"))}
    return values, relations
