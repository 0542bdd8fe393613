"""The `language` argument of the root fields: a configured language or a coded error, and the
language prefix of a path as shown on the website (`/en/producten/...`)."""

import graphene

from content.languages import configured_languages, default_language, is_configured

from ..errors import BAD_INPUT, LANGUAGE_NOT_CONFIGURED, ClientError


def language_argument(what: str, default: str = "the default language") -> graphene.String:
    """The `language` argument, described the same way on every field."""
    return graphene.String(
        description=(
            f"ISO 639-1 code of one of the configured languages (see `languages`), e.g. `en`: {what}. "
            f"Default: {default}. Another code gives LANGUAGE_NOT_CONFIGURED."
        )
    )


def requested_language(code) -> str:
    """The language asked for: `code`, or the default language when it is left out."""
    if code is None:
        return default_language()
    if not is_configured(code):
        shown = code[:20] if isinstance(code, str) else code
        raise ClientError(
            LANGUAGE_NOT_CONFIGURED,
            f"Language {shown!r} is not configured; use one of {', '.join(configured_languages())}.",
            languages=configured_languages(),
        )
    return code


def split_language_prefix(path: str, language: str | None) -> tuple[str, str]:
    """(path without prefix, language) for a path as shown on the website.

    A leading `/<code>/` of a configured language other than the default sets the language
    (`/en/producten/` is `/producten/` in English). When `language` is given too, the two must
    agree (BAD_INPUT otherwise). Without prefix and without `language`: the default language.
    """
    asked = requested_language(language) if language is not None else None
    first, slash, rest = path.removeprefix("/").partition("/")
    if path.startswith("/") and first != default_language() and is_configured(first):
        if asked is not None and asked != first:
            raise ClientError(
                BAD_INPUT, f"The path starts with /{first}/ but `language` is {asked!r}; leave one of them out."
            )
        return "/" + rest if slash else "/", first
    return path, asked or default_language()
