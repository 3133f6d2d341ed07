from django.http import HttpResponse
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from website.api_preview import make_preview_token


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """500 page rendered without context processors: it must work even when they fail."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def api_preview_link(request, page_id):
    """Admin page with the signed, expiring API link to a page's latest draft (editors of that page only)."""
    from django.conf import settings
    from django.core.exceptions import PermissionDenied
    from django.shortcuts import get_object_or_404, render

    from wagtail.models import Page

    page = get_object_or_404(Page, pk=page_id, depth__gt=1).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = make_preview_token(page)
    api_url = f"{settings.WAGTAILAPI_BASE_URL.rstrip('/')}/api/v2/preview/{page.pk}/?token={token}"
    response = render(
        request,
        "website/admin/api_preview.html",
        {
            "page": page,
            "token": token,
            "api_url": api_url,
            "max_age_minutes": settings.API_PREVIEW_TOKEN_MAX_AGE // 60,
            "has_draft": page.has_unpublished_changes or not page.live,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response
