"""Segmentation: tokens, sentences and paragraphs, with character offsets into the input.

Plain text and simple Markdown are read as they are (list markers and headings start a new
sentence; emphasis and link syntax are skipped). HTML goes through ``html_to_text`` first, which
keeps a map back to the original offsets. The rules are the same for every language we check;
only the abbreviations differ (Dutch by default, ``Abbreviations`` for another language).
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from .lexicon import DOTTED_ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS


@dataclass(frozen=True)
class Abbreviations:
    """The dotted abbreviations of one language (``{"bijv.": "bijvoorbeeld"}``), and those that may
    end a sentence (``etc.``). A period after any other one does not end the sentence."""

    dotted: dict[str, str]
    sentence_final: frozenset[str]


DUTCH = Abbreviations(DOTTED_ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word", "number", "abbr", "url" or "punct"
    lower: str = ""

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind != "punct"]


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int
    sentences: list[Sentence]
    is_list_item: bool = False


TOKEN_RE = re.compile(
    r"(?P<url>https?://[^\s)\]>]+|www\.[^\s)\]>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|be|de|info|gov|frl)\b(?:/[^\s)\]>]*)?)"
    r"|(?P<number>\d+(?:[.,:]\d+)*(?:[-–]\d+(?:[.,:]\d+)*)?(?:e|ste|de)?\b)"
    r"|(?P<abbr>(?:[^\W\d_]{1,3}\.){2,})"
    r"|(?P<word>[’']?[^\W_]+(?:[-'’/][^\W_]+)*)"
    r"|(?P<punct>[.!?…;:,()\"“”])"
)
LIST_MARKER_RE = re.compile(r"[ \t]*(?:[-*+•–]|\d{1,3}[.)])[ \t]+")
HEADING_RE = re.compile(r"[ \t]*(?:#{1,6}|>)[ \t]+")
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]*_]*(?=\s|$)")
SUBORDINATE_START = frozenset(":;")


def tokenize(text: str, start: int = 0, end: int | None = None, abbreviations: Abbreviations = DUTCH) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for match in TOKEN_RE.finditer(text, start, end):
        kind = match.lastgroup
        t_start, t_end = match.span()
        value = match.group()
        if kind == "url":
            value = value.rstrip(".,;:!?")
            t_end = t_start + len(value)
        elif kind == "word":
            # "bijv." and "nr." are single tokens, so their period does not end a sentence.
            if t_end < end and text[t_end] == "." and (value.lower() + ".") in abbreviations.dotted:
                kind, t_end, value = "abbr", t_end + 1, value + "."
        tokens.append(Token(value, t_start, t_end, kind))
    return tokens


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_list_item) for paragraphs, list items and headings."""
    blocks: list[list] = []
    pos = 0
    current: list | None = None
    for line in text.splitlines(keepends=True):
        line_start, stripped = pos, line.rstrip("\r\n")
        pos += len(line)
        if not stripped.strip():
            current = None
            continue
        marker = LIST_MARKER_RE.match(stripped) or HEADING_RE.match(stripped)
        content_start = line_start + (marker.end() if marker else len(stripped) - len(stripped.lstrip()))
        content_end = line_start + len(stripped.rstrip())
        is_list = bool(marker and LIST_MARKER_RE.match(stripped))
        # A title line without final punctuation followed by a capital starts a new block too.
        starts_new = (
            current is None
            or marker is not None
            or current[3]
            or (text[current[1] - 1] not in ".,;:!?-" and stripped.lstrip()[:1].isupper())
        )
        if starts_new:
            current = [content_start, content_end, is_list, bool(HEADING_RE.match(stripped))]
            blocks.append(current)
        else:
            current[1] = content_end
    return [(b[0], b[1], b[2]) for b in blocks]


def _split_sentences(
    text: str, start: int, end: int, tokens: list[Token], sentence_final: frozenset[str]
) -> list[Sentence]:
    sentences: list[Sentence] = []
    abbr_ends = {t.end: t for t in tokens if t.kind == "abbr"}
    initial_ends = {t.end + 1 for t in tokens if t.kind == "word" and len(t.text) == 1 and t.text.isupper()}
    sent_start = start
    for match in SENTENCE_END_RE.finditer(text, start, end):
        p_end = match.end()
        rest = text[p_end:end].lstrip()
        if rest and not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘(*_"):
            continue  # "ca. tien", "12 p.m. en ..."
        abbr = abbr_ends.get(match.start() + 1) or abbr_ends.get(p_end)
        if abbr is not None and abbr.lower not in sentence_final:
            continue
        if match.start() + 1 in initial_ends and match.group() == ".":
            continue  # "J. de Vries"
        sentences.append(Sentence(sent_start, p_end))
        sent_start = p_end
    if text[sent_start:end].strip():
        sentences.append(Sentence(sent_start, end))
    result = []
    for sentence in sentences:
        chunk = text[sentence.start : sentence.end]
        sentence.start += len(chunk) - len(chunk.lstrip())
        sentence.end -= len(chunk) - len(chunk.rstrip())
        sentence.tokens = [t for t in tokens if sentence.start <= t.start < sentence.end]
        if sentence.words:
            result.append(sentence)
    return result


def segment(text: str, abbreviations: Abbreviations = DUTCH) -> list[Paragraph]:
    """Paragraphs (and list items and headings) with their sentences and tokens."""
    paragraphs = []
    for start, end, is_list in _blocks(text):
        tokens = tokenize(text, start, end, abbreviations)
        sentences = _split_sentences(text, start, end, tokens, abbreviations.sentence_final)
        if sentences:
            paragraphs.append(Paragraph(start, end, sentences, is_list))
    return paragraphs


# --- HTML ----------------------------------------------------------------------------------

HTML_PIECE_RE = re.compile(
    r"(?P<skip><(?P<skiptag>script|style)\b.*?</(?P=skiptag)\s*>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<tag></?(?P<name>[a-zA-Z][a-zA-Z0-9]*)\b[^>]*>)"
    r"|(?P<entity>&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);)",
    re.DOTALL | re.IGNORECASE,
)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol li br hr blockquote section article table tr td th dl dt dd pre figure".split()
)


def html_to_text(markup: str) -> tuple[str, list[int], list[int]]:
    """Plain text of ``markup`` and, per character, its start and end offset in ``markup``.

    Block elements become blank lines and ``<li>`` a list line, so paragraphs, list items and
    headings are segmented as in Markdown.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(chars: str, s: int, e: int) -> None:
        out.append(chars)
        starts.extend([s] * len(chars))
        ends.extend([e] * len(chars))

    pos = 0
    for match in HTML_PIECE_RE.finditer(markup):
        for i in range(pos, match.start()):
            emit(markup[i], i, i + 1)
        pos = match.end()
        if match.group("entity"):
            emit(html_lib.unescape(match.group()).replace("\xa0", " "), match.start(), match.end())
        elif match.group("tag") and match.group("name").lower() in BLOCK_TAGS:
            is_item = match.group("name").lower() == "li" and not match.group().startswith("</")
            emit("\n\n- " if is_item else "\n\n", match.start(), match.start())
    for i in range(pos, len(markup)):
        emit(markup[i], i, i + 1)
    return "".join(out), starts, ends
