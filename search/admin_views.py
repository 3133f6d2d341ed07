import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from website import permissions

from .models import SearchQueryStat

PERIODS = (7, 30, 90, 365)
ROWS = 50


def search_report(request):
    """Most frequent searches and searches that found nothing, per period."""
    if not permissions.can_read_search_statistics(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    if days not in PERIODS:
        days = 30
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    stats = SearchQueryStat.objects.since(since)
    return render(
        request,
        "search/admin/search_report.html",
        {
            "page_title": _("Site search"),
            "days": days,
            "periods": PERIODS,
            "since": since,
            "most_frequent": list(stats.most_frequent()[:ROWS]),
            "without_results": list(stats.without_results()[:ROWS]),
            "total": sum(row["total"] for row in stats.most_frequent()),
        },
    )
