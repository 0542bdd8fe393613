"""Content models. Split in modules, re-exported here."""

from .fragments import Fragment
from .keywords import Keyword, KeywordBestBet
from .pages import AnswerPage, ArticlePage, HomePage, HubPage, ProductPage, SectionPage
from .sites import MenuItem, SiteConfig

__all__ = [
    "AnswerPage",
    "ArticlePage",
    "Fragment",
    "HomePage",
    "HubPage",
    "Keyword",
    "KeywordBestBet",
    "MenuItem",
    "ProductPage",
    "SectionPage",
    "SiteConfig",
]
