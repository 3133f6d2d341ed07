"""Template tags of the open data app: where the site's Open data page is (for the footer link)."""

from django import template

from opendata.models import OpenDataPage
from website.templatetags.site_tags import localized_home

register = template.Library()


@register.simple_tag(takes_context=True)
def open_data_page(context):
    """The live Open data page below the visitor's home page, or None (one query)."""
    home = localized_home(context)
    if home is None:
        return None
    return OpenDataPage.objects.live().public().child_of(home).first()
