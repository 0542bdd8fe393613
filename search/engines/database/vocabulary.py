"""The database engine's vocabulary (`SearchTerm`), for typo correction.

Per generation and language, every indexed word with the number of pages that use it: publicly
and at all. Indexing or deleting a page adds or subtracts its own words (a `Counter` keyed by
(language, word, "public"/"all")), so the vocabulary stays right without reading the other pages;
a rebuild counts every page once and stores the total at the end.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Q

from ...analysis import allowed_typos, edit_distance, fold, stem, words
from ...documents import IndexDocument
from ...models import SearchDocument, SearchTerm

BATCH = 500  # rows per bulk statement, and documents per rebuild transaction


def document_words(document: IndexDocument) -> tuple[set[str], set[str]]:
    """(public words, all words) of a document: folded, at least three letters, not numbers."""
    public_source = " ".join(
        [
            document.title,
            document.summary,
            " ".join(document.phrasings),
            document.keyword_text,
            document.upl_name,
            document.public_text,
        ]
    )
    public = {w for w in words(public_source) if len(w) >= 3 and not w.isdigit() and len(w) <= 100}
    internal = {w for w in words(document.internal_text) if len(w) >= 3 and not w.isdigit() and len(w) <= 100}
    if document.is_internal:
        return set(), public | internal  # every word of an internal page is internal
    return public, public | internal


def row_words(row: SearchDocument) -> tuple[set[str], set[str]]:
    """(public words, all words) of an indexed row, as `document_words` found them."""
    return document_words(
        IndexDocument(
            page_id=row.page_id,
            ref=row.ref,
            title=row.title,
            summary=row.summary,
            phrasings=row.phrasings.splitlines(),
            keyword_text=row.keyword_text,
            upl_name=row.upl_name,
            public_text=row.public_text,
            internal_text=row.internal_text,
            audience=row.audience,
            language=row.language,
        )
    )


def count_words(delta: Counter, language: str, public_and_all: tuple[set[str], set[str]], n: int) -> None:
    """Add `n` pages (negative: remove) in `language` to the counts of these words."""
    public, every = public_and_all
    for word in every:
        delta[(language, word, "all")] += n
    for word in public:
        delta[(language, word, "public")] += n


def apply_changes(generation: int, delta: Counter) -> None:
    """Add the counts of `delta` to the stored vocabulary; words no page uses any more go."""
    changed = {(language, word) for (language, word, _), n in delta.items() if n}
    if not changed:
        return
    existing = {
        (t.language, t.word): t
        for t in SearchTerm.objects.filter(generation=generation, word__in={word for _, word in changed})
    }
    new, update, gone = [], [], []
    for language, word in changed:
        public, every = delta[(language, word, "public")], delta[(language, word, "all")]
        term = existing.get((language, word))
        if term is None:
            if every > 0:
                new.append(
                    SearchTerm(
                        generation=generation,
                        language=language,
                        word=word,
                        length=len(word),
                        public_docs=max(public, 0),
                        all_docs=every,
                    )
                )
            continue
        term.public_docs = max(term.public_docs + public, 0)
        term.all_docs = max(term.all_docs + every, 0)
        (update if term.all_docs else gone).append(term)
    SearchTerm.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    if update:
        SearchTerm.objects.bulk_update(update, ["public_docs", "all_docs"], batch_size=BATCH)
    if gone:
        SearchTerm.objects.filter(id__in=[t.id for t in gone]).delete()


def store_counts(generation: int, counts: Counter) -> None:
    """Store the vocabulary of a generation built from scratch."""
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(
                generation=generation,
                language=language,
                word=word,
                length=len(word),
                all_docs=n,
                public_docs=counts[(language, word, "public")],
            )
            for (language, word, kind), n in counts.items()
            if kind == "all" and n > 0
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


def find_corrections(generation, words: list[str], *, staff: bool, language: str) -> dict[str, str]:
    """For each unknown word, the nearest indexed word of `language` within the allowed edit
    distance (of equally near ones the most frequent). `generation`: a number or an expression
    yielding one."""
    words = [fold(w) for w in words if len(w) >= 3 and not w.isdigit()]
    if not words:
        return {}
    terms = SearchTerm.objects.filter(generation=generation, language=language)
    if not staff:
        terms = terms.filter(public_docs__gt=0)
    shortest, longest = min(map(len, words)), max(map(len, words))
    near = Q()
    for word in words:
        near |= Q(word__startswith=word[0]) | Q(word__endswith=word[-2:])
    candidates = list(
        terms.filter(length__gte=shortest - 2, length__lte=longest + 2).filter(near).values_list("word", "all_docs")
    )
    found = {}
    known = {word for word, _ in candidates}
    for word in words:
        if word in known or any(stem(c, language) == stem(word, language) for c, _ in candidates):
            continue
        limit = allowed_typos(word)
        best = None
        for candidate, frequency in candidates:
            distance = edit_distance(word, candidate, limit)
            if distance <= limit and (best is None or (distance, -frequency) < best[0]):
                best = ((distance, -frequency), candidate)
        if best:
            found[word] = best[1]
    return found
