"""Demo content of the site's own pages (placeholder until the full content lands)."""

from wagtail.models import Locale, Page, Site

from website.models import HomePage


def load(reset=False, stdout=None):
    de, _ = Locale.objects.get_or_create(language_code="de")
    for code in ("da", "en"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=de).first()
    if home is None:
        home = root.add_child(instance=HomePage(title="Flensburg digital", slug="flensburg-digital", locale=de))
        site = Site.objects.filter(is_default_site=True).first()
        default_welcome = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "Flensburg digital"
            site.save()
        if default_welcome and default_welcome.pk != home.pk and not isinstance(default_welcome.specific, HomePage):
            default_welcome.delete()
