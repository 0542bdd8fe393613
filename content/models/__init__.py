"""Content models. Split in modules, re-exported here."""

from .fragments import Fragment
from .keywords import Keyword, KeywordBestBet
from .pages import AnswerPage, ArticlePage, HomePage, HubPage, ProductPage, SectionPage
from .sites import MenuItem, SiteConfig
from .tombstones import PageTombstone

__all__ = [
    "AnswerPage",
    "ArticlePage",
    "Fragment",
    "HomePage",
    "HubPage",
    "Keyword",
    "KeywordBestBet",
    "MenuItem",
    "PageTombstone",
    "ProductPage",
    "SectionPage",
    "SiteConfig",
]
