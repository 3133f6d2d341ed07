from django import template
from django.utils.translation import get_language, get_language_info

from wagtail.models import Locale, Page, Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """For every content language: the same page in that language, or that language's
    home page when no translation exists. One query for all languages."""
    request = context.get("request")
    page = context.get("page") or context.get("self")
    root = _site_root(request)
    keys = {key for key in (getattr(page, "translation_key", None), getattr(root, "translation_key", None)) if key}
    candidates = (
        Page.objects.live().filter(translation_key__in=keys).select_related("locale") if keys else Page.objects.none()
    )
    by_language = {}
    for candidate in candidates:
        slot = "page" if page is not None and candidate.translation_key == page.translation_key else "home"
        by_language.setdefault(candidate.locale.language_code, {})[slot] = candidate
    current = get_language()
    links = []
    for locale in Locale.objects.all().order_by("pk"):
        found = by_language.get(locale.language_code, {})
        target = found.get("page") or found.get("home")
        url = target.get_url(request) if target else f"/{locale.language_code}/"
        links.append(
            {
                "code": locale.language_code,
                "name": get_language_info(locale.language_code)["name_local"],
                "url": url,
                "is_current": locale.language_code == current,
                "is_translation": "page" in found,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def localized_home(context):
    root = _site_root(context.get("request"))
    return root.localized if root else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    home = localized_home(context)
    if home is None:
        return []
    # Title and URL are all the menu needs: no `.specific()`, which costs a query per page type.
    return list(home.get_children().live().public().in_menu())


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    page = context.get("page") or context.get("self")
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).live().specific(defer=True))


@register.filter
def localized(page):
    """The visitor's translation of a page or snippet, or the object itself."""
    return getattr(page, "localized", page) if page is not None else None


@register.simple_tag(takes_context=True)
def is_active(context, menu_page):
    page = context.get("page") or context.get("self")
    if page is None:
        return False
    return page.pk == menu_page.pk or page.path.startswith(menu_page.path)
