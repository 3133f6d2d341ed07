from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap lists only the site root's tree, i.e. the German pages; the Danish
    and English trees are siblings of it, so they are added here."""

    def items(self):
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_language_tree = Q()
        for home in homes:
            in_a_language_tree |= Q(path__startswith=home.path)
        return Page.objects.filter(in_a_language_tree).live().public().order_by("path").defer_streamfields().specific()
