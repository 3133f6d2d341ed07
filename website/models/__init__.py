from .pages import BasePage, ContentPage, HomePage, NewsIndexPage, NewsPage
from .settings import SiteSettings
from .snippets import ContactPerson

__all__ = [
    "BasePage",
    "ContactPerson",
    "ContentPage",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "SiteSettings",
]
