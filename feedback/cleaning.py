"""What a comment or note becomes before it is stored: plain text, no personal data, not too long.

HTML and script are kept as the characters that were typed (plain text) and are escaped
wherever they are shown; they are never rendered. Personal data is masked by the one rule in
`content.personal_data`.
"""

import re
import unicodedata

from django.conf import settings

from content.personal_data import mask_personal_data


class CommentTooLong(ValueError):
    """The comment is longer than HUB_FEEDBACK_COMMENT_MAX_LENGTH characters."""

    def __init__(self, max_length: int):
        super().__init__(f"A comment may be at most {max_length} characters long.")
        self.max_length = max_length


_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ \t]+")


def max_comment_length() -> int:
    return settings.HUB_FEEDBACK["COMMENT_MAX_LENGTH"]


def plain_text(text: str) -> str:
    """Control and format characters out (a bidi override or zero-width space can hide text),
    line breaks kept, runs of spaces and blank lines collapsed."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    kept = []
    for char in text:
        if char == "\n":
            kept.append(char)
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) not in {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}:
            kept.append(char)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(kept).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_comment(text: str | None) -> tuple[str, bool]:
    """(the text to store, whether personal data was removed). Raises CommentTooLong.

    The limit counts the characters as sent (spaces at the ends left out), so a very long text
    is refused whole rather than cut off where the reader cannot see.
    """
    if not text:
        return "", False
    limit = max_comment_length()
    if len(text.strip()) > limit:
        raise CommentTooLong(limit)
    plain = plain_text(text)
    masked = mask_personal_data(plain)
    return masked, masked != plain
