"""The headless API v2 (pages, images, documents) with stricter input checks.

Wagtail answers an unknown `?locale=` with 404 and an unknown `?search_operator=`
with a 500; both are bad input and get a 400 here.
"""

from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

SEARCH_OPERATORS = {"and", "or"}


class StrictLocaleFilter(LocaleFilter):
    def filter_queryset(self, request, queryset, view):
        language_code = request.GET.get("locale")
        if language_code is not None and not Locale.objects.filter(language_code=language_code).exists():
            raise BadRequestError(f"unknown locale '{language_code}'")
        return super().filter_queryset(request, queryset, view)


class StrictSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


STRICT_FILTERS = {LocaleFilter: StrictLocaleFilter, SearchFilter: StrictSearchFilter}


def strict_filters(backends):
    return [STRICT_FILTERS.get(backend, backend) for backend in backends]


class SitePagesAPIViewSet(PagesAPIViewSet):
    filter_backends = strict_filters(PagesAPIViewSet.filter_backends)


class SiteImagesAPIViewSet(ImagesAPIViewSet):
    filter_backends = strict_filters(ImagesAPIViewSet.filter_backends)


class SiteDocumentsAPIViewSet(DocumentsAPIViewSet):
    filter_backends = strict_filters(DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SiteImagesAPIViewSet)
api_router.register_endpoint("documents", SiteDocumentsAPIViewSet)
