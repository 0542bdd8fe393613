"""Content models. Split in modules, re-exported here."""

from .fragments import Fragment
from .keywords import Keyword, KeywordBestBet
from .outbox import OutboxTask
from .pages import AnswerPage, ArticlePage, HomePage, HubPage, ProductPage, SectionPage
from .readability import PageReadability
from .sites import MenuItem, SiteConfig, SiteDirectory
from .teams import Team
from .tombstones import PageTombstone
from .translations import TranslationState
from .workflow import EindredactieTask

__all__ = [
    "AnswerPage",
    "EindredactieTask",
    "ArticlePage",
    "Fragment",
    "HomePage",
    "HubPage",
    "Keyword",
    "KeywordBestBet",
    "MenuItem",
    "OutboxTask",
    "PageReadability",
    "PageTombstone",
    "ProductPage",
    "SectionPage",
    "SiteConfig",
    "SiteDirectory",
    "Team",
    "TranslationState",
]
