"""Content quality checks for every site (docs/quality.md). Importing this package registers
every check in `base.CHECKS`; each module below holds the checks of one kind."""

from . import base, documents, external, links, media, page_meta  # noqa: F401
