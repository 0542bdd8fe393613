"""Snippets with <mark> highlights, HTML-escaped, for engines that do not make their own."""

from __future__ import annotations

import html
import re

from .analysis import fold, stem

_TOKEN = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)
# Private-use characters that mark highlights in engine output before escaping.
MARK_START, MARK_END = "\ue000", "\ue001"


def marked_to_html(text: str) -> str:
    """Escape engine output that marks hits with MARK_START/MARK_END, then turn those into <mark>."""
    text = " ".join((text or "").split())
    escaped = html.escape(text.replace("<mark>", MARK_START).replace("</mark>", MARK_END), quote=False)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def highlight(text: str, terms: list[str], *, max_words: int = 30, language: str | None = None) -> str:
    """The window of `text` with the most query terms, terms wrapped in <mark>, the rest escaped.

    A word matches when its stem (in `language`, None: the default language) equals the stem of
    a term, or (compounds) when it starts with a term of at least four letters.
    """
    text = " ".join((text or "").split())
    if not text:
        return ""
    stems = {stem(fold(t), language) for t in terms if t}
    prefixes = tuple(fold(t) for t in terms if len(t) >= 4)
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return html.escape(text[:200], quote=False)
    hits = [_matches(m.group(0), stems, prefixes, language) for m in tokens]
    best_start, best_count = 0, -1
    window = min(max_words, len(tokens))
    running = sum(hits[:window])
    for start in range(0, len(tokens) - window + 1):
        if start:
            running += hits[start + window - 1] - hits[start - 1]
        if running > best_count:
            best_start, best_count = start, running
    first, last = tokens[best_start], tokens[best_start + window - 1]
    begin = 0 if best_start == 0 else first.start()
    end = len(text) if best_start + window >= len(tokens) else last.end()
    pieces, cursor = [], begin
    for match, hit in zip(
        tokens[best_start : best_start + window], hits[best_start : best_start + window], strict=True
    ):
        pieces.append(html.escape(text[cursor : match.start()], quote=False))
        word = html.escape(match.group(0), quote=False)
        pieces.append(f"<mark>{word}</mark>" if hit else word)
        cursor = match.end()
    pieces.append(html.escape(text[cursor:end], quote=False))
    snippet = "".join(pieces).strip()
    return ("… " if begin else "") + snippet + (" …" if end < len(text) else "")


def _matches(word: str, stems: set[str], prefixes: tuple[str, ...], language: str | None) -> bool:
    folded = fold(word)
    return stem(folded, language) in stems or (bool(prefixes) and folded.startswith(prefixes))
