"""Building blocks of the headless API v2: stricter filters and the site's base viewsets.

Wagtail answers an unknown `?locale=` with 404, an unknown `?search_operator=` with a
500 and a field filter value the column cannot hold (`?date=yesterday`) with a 500;
all three are bad input and get a 400 here. The router itself lives in
`website/api.py`; this module is separate so the apps' `api.py` modules can subclass
these viewsets without an import cycle.
"""

from rest_framework.filters import BaseFilterBackend

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from website import query_params
from website.query_params import MAX_SEARCH_LENGTH, BadParameter

SEARCH_OPERATORS = {"and", "or"}
DATE_RANGE_PARAMETERS = ("date_from", "date_to")
#: Wagtail's page filters that name a page by its id (``root`` is allowed where Wagtail allows it).
PAGE_ID_PARAMETERS = ("child_of", "descendant_of", "ancestor_of", "translation_of")
#: The range of the integer columns every database holds (PostgreSQL ``integer``).
INTEGER_FIELD_RANGE = (-(2**31), 2**31 - 1)


def bad_request(error):
    """A `BadParameter` as the API v2 error (400, ``{"message": "<name>: <message>"}``)."""
    return BadRequestError(f"{error.name}: {error.message}")


class StrictPagination(WagtailPagination):
    """``?limit=`` and ``?offset=`` through the shared parser: bounded, so no offset overflows the database."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 1000
        try:
            offset = query_params.parse_int(request.GET, "offset", 0, maximum=query_params.MAX_OFFSET)
            limit = query_params.parse_int(request.GET, "limit", min(20, limit_max), maximum=limit_max)
        except BadParameter as error:
            raise bad_request(error) from None
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class BoundedIdsMixin:
    """Ids in the URL (``/<id>/``) and in ``find/?id=``: beyond any id is a 404 or a 400, never an overflow."""

    def get_object(self):
        if int(self.kwargs.get("pk", 0)) > query_params.MAX_ID:
            raise Http404(_("There is no object with this id."))
        return super().get_object()

    def handle_exception(self, exc):
        if isinstance(exc, Http404) and not str(exc):
            # DRF's get_object_or_404 raises without a message; the error body always has one.
            exc = Http404(_("There is no object with this id."))
        return super().handle_exception(exc)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            try:
                query_params.to_int("id", request.GET["id"], minimum=1)
            except BadParameter as error:
                raise bad_request(error) from None
        return super().find_object(queryset, request)


class PageIdsFilter(BaseFilterBackend):
    """Wagtail reads ``child_of`` and its kin with ``int()``: a huge or odd number is a 400 here first."""

    def filter_queryset(self, request, queryset, view):
        for name in PAGE_ID_PARAMETERS:
            value = request.GET.get(name)
            if value is not None and value != "root":
                try:
                    query_params.to_int(name, value, minimum=1)
                except BadParameter as error:
                    raise bad_request(error) from None
        return queryset


class StrictLocaleFilter(LocaleFilter):
    def filter_queryset(self, request, queryset, view):
        language_code = request.GET.get("locale")
        if language_code is not None and not Locale.objects.filter(language_code=language_code).exists():
            raise BadRequestError(f"unknown locale '{language_code}'")
        return super().filter_queryset(request, queryset, view)


class StrictSearchFilter(SearchFilter):
    """Wagtail's search filter with checked operator and length, and a normalised query."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        query = request.GET["search"]
        if len(query) > MAX_SEARCH_LENGTH or "\x00" in query:
            raise BadRequestError(f"search must be at most {MAX_SEARCH_LENGTH} characters without null characters")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        try:
            return get_search_backend().search(
                query_params.clean_search_text(query),
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as error:
            raise BadRequestError(f"cannot filter by '{error.field_name}' while searching") from error
        except OrderByFieldError as error:
            raise BadRequestError(f"cannot order by '{error.field_name}' while searching") from error


def validate_field_values(request, queryset, view):
    """Turn values a model field cannot hold (a date "yesterday", a budget "a lot") into a 400."""
    fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
    for name, value in request.GET.items():
        if name not in fields or "\x00" in value:
            continue
        try:
            field = queryset.model._meta.get_field(name)
        except LookupError:
            continue
        if field.is_relation:
            if not (value.isascii() and value.isdigit() and len(value) <= 18):
                raise BadRequestError(f"{name} must be the numeric id of a related object")
            continue
        choices = [str(key) for key, _label in field.flatchoices] if getattr(field, "choices", None) else None
        try:
            python_value = field.to_python(value)
        except (ValidationError, TypeError, ValueError) as error:
            raise BadRequestError(f"'{value}' is not a valid value for {name}") from error
        try:
            check_range(field, name, python_value)
        except BadParameter as error:
            raise bad_request(error) from None
        if choices is not None and str(python_value) not in choices:
            raise BadRequestError(f"'{value}' is not a valid value for {name}; choose one of: {', '.join(choices)}")


def check_range(field, name, value):
    """A value the column's type holds on every database: integers within 32 bits, dates within the filter range."""
    if isinstance(field, (models.IntegerField, models.AutoField)) and value is not None:
        low, high = INTEGER_FIELD_RANGE
        query_params.to_int(
            name, value, minimum=max(low, 0) if "Positive" in type(field).__name__ else low, maximum=high
        )
    elif isinstance(field, models.DateField) and value is not None:
        query_params.to_date(name, value.date().isoformat() if hasattr(value, "date") else value.isoformat())


class FieldValuesFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        validate_field_values(request, queryset, view)
        return queryset


def parse_date(name, value):
    try:
        return query_params.to_date(name, value)
    except BadParameter as error:
        raise bad_request(error) from None


class DateRangeFilter(BaseFilterBackend):
    """``?date_from=`` / ``?date_to=`` (inclusive) on the model's ``api_date_field``.

    The field is the date people ask for: a news item's date, a measure's target date,
    a project's start; other pages use their first publication.
    """

    def filter_queryset(self, request, queryset, view):
        values = {name: request.GET.get(name) for name in DATE_RANGE_PARAMETERS if request.GET.get(name) is not None}
        if not values:
            return queryset
        field_name = getattr(queryset.model, "api_date_field", None) or "first_published_at"
        try:
            field = queryset.model._meta.get_field(field_name)
        except FieldDoesNotExist as error:
            raise BadRequestError("date_from/date_to are not available for this endpoint") from error
        lookup = f"{field_name}__date" if field.get_internal_type() == "DateTimeField" else field_name
        if "date_from" in values:
            queryset = queryset.filter(**{f"{lookup}__gte": parse_date("date_from", values["date_from"])})
        if "date_to" in values:
            queryset = queryset.filter(**{f"{lookup}__lte": parse_date("date_to", values["date_to"])})
        return queryset


STRICT_FILTERS = {LocaleFilter: StrictLocaleFilter, SearchFilter: StrictSearchFilter}


def strict_filters(backends):
    """The given filter backends with the strict variants, value checks first and search still last."""
    backends = [STRICT_FILTERS.get(backend, backend) for backend in backends]
    return [PageIdsFilter, FieldValuesFilter, DateRangeFilter, *backends]


class SitePagesAPIViewSet(BoundedIdsMixin, PagesAPIViewSet):
    pagination_class = StrictPagination
    filter_backends = strict_filters(PagesAPIViewSet.filter_backends)
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(DATE_RANGE_PARAMETERS)

    def get_queryset(self):
        # Every item carries its locale: load it in the same query, not once per page.
        return super().get_queryset().select_related("locale")


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags (Wagtail's field runs one query per object)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class SiteImageSerializer(ImageSerializer):
    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs


class SiteImagesAPIViewSet(BoundedIdsMixin, ImagesAPIViewSet):
    pagination_class = StrictPagination
    filter_backends = strict_filters(ImagesAPIViewSet.filter_backends)
    base_serializer_class = SiteImageSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


class SiteDocumentsAPIViewSet(BoundedIdsMixin, DocumentsAPIViewSet):
    pagination_class = StrictPagination
    filter_backends = strict_filters(DocumentsAPIViewSet.filter_backends)


class LocaleFieldFilter(BaseFilterBackend):
    """``?locale=`` for translatable snippets (Wagtail's LocaleFilter only knows pages)."""

    def filter_queryset(self, request, queryset, view):
        language_code = request.GET.get("locale")
        if language_code is None:
            return queryset
        locale = Locale.objects.filter(language_code=language_code).first()
        if locale is None:
            raise BadRequestError(f"unknown locale '{language_code}'")
        return queryset.filter(locale=locale)


class SnippetsAPIViewSet(BoundedIdsMixin, BaseAPIViewSet):
    """Read-only endpoint of a public, translatable snippet: locale filter, field filters, order, search."""

    filter_backends = [FieldValuesFilter, LocaleFieldFilter, FieldsFilter, OrderingFilter, StrictSearchFilter]
    pagination_class = StrictPagination
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    related = ()

    def get_queryset(self):
        return self.model.objects.select_related("locale", *self.related).order_by("pk")

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*super().get_listing_default_fields(model), *cls.listing_extra_fields]

    listing_extra_fields = ()

    @classmethod
    def for_model(cls, model, name, listing_fields, related=()):
        return type(
            f"{model.__name__}APIViewSet",
            (cls,),
            {"model": model, "name": name, "listing_extra_fields": tuple(listing_fields), "related": tuple(related)},
        )
