"""Keywords of an import file, with their translations and best bets."""

from ..languages import default_language, locale_for
from ..models import Keyword, KeywordBestBet


class KeywordWriter:
    def __init__(self, problem, translation_rules, result):
        self.problem, self.translation_rules, self.result = problem, translation_rules, result

    def write(self, entries):
        written = []
        for i, entry in enumerate(entries):
            where = f"keywords[{i}]"
            if isinstance(entry, str):
                entry = {"term": entry}
            term = entry.get("term") if isinstance(entry, dict) else None
            if not isinstance(term, str) or not term.strip():
                self.problem("IMPORT_BAD_VALUE", where, "term", "every keyword needs a term")
                continue
            lists = {}
            for key in ("synonyms", "variants"):
                value = entry.get(key, [])
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    self.problem("IMPORT_BAD_VALUE", f"keyword '{term}'", key, "must be a list of texts")
                    value = []
                lists[key] = "\n".join(v.strip() for v in value if v.strip())
            language = self.translation_rules.language(entry, where)
            if language is None:
                continue
            defaults = {**lists, **self._keyword_translation_key(entry, language, where)}
            keyword, created = Keyword.objects.get_or_create(
                term=term.strip(), locale=locale_for(language), defaults=defaults
            )
            if not created and any(getattr(keyword, k) != v for k, v in lists.items()):
                for k, v in lists.items():
                    setattr(keyword, k, v)
                keyword.save()
                created = True
            self.result.keywords += int(created)
            written.append((keyword, entry.get("best_bets"), where))
        return written

    def _keyword_translation_key(self, entry, language, where) -> dict:
        """An English keyword may name its Dutch original (`translation_of`: the Dutch term)."""
        original_term = entry.get("translation_of")
        if original_term is None:
            return {}
        original = Keyword.objects.filter(term=original_term, locale=locale_for(default_language())).first()
        if language == default_language() or original is None:
            self.problem(
                "IMPORT_TRANSLATION_WITHOUT_ORIGINAL", where, "translation_of", f"no keyword {original_term!r}"
            )
            return {}
        return {"translation_key": original.translation_key}

    @staticmethod
    def write_best_bets(keywords, resolve_page):
        for keyword, refs, where in keywords:
            if refs is None:
                continue
            pages = [resolve_page(ref, f"{where}.best_bets") for ref in refs]
            wanted = [p for p in pages if p is not None]
            if [b.page_id for b in keyword.best_bets.all()] != wanted:
                keyword.best_bets.all().delete()
                for order, page_id in enumerate(wanted):
                    KeywordBestBet.objects.create(keyword=keyword, page_id=page_id, sort_order=order)
