"""The building blocks every dataset shares: the export context, the dataset record and helpers."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import get_supported_language_variant

from wagtail.models import Locale, Page

from agenda.models import MeasurePage, TopicFieldPage
from projects.models import ProjectPage


@dataclass
class ExportContext:
    """Where and for when the rows are built."""

    home: Page  # the site's home page in the default language
    locale: Locale  # the language of titles and labels
    as_of: datetime.date | None = None  # None: today's state
    request: object = None
    _cache: dict = field(default_factory=dict)

    @property
    def source_locale(self):
        if "source_locale" not in self._cache:
            self._cache["source_locale"] = Locale.objects.get(
                language_code=get_supported_language_variant(settings.LANGUAGE_CODE)
            )
        return self._cache["source_locale"]

    @property
    def end(self):
        """The last moment the data may come from (end of ``as_of``), or None for now."""
        if self.as_of is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(self.as_of, datetime.time.max))

    def url(self, page):
        return (page.get_full_url(self.request) or "") if page is not None else ""


@dataclass(frozen=True)
class Dataset:
    key: str
    title: object  # lazy translatable strings
    description: object
    keywords: tuple
    columns: tuple
    build: object  # (ExportContext) -> list[dict]
    modified: object  # (ExportContext) -> datetime | None
    temporal: object = None  # (ExportContext) -> (date, date) | None
    history: object = ""  # what as_of reconstructs, one sentence


def _translations(model, source_pages, locale, source_locale):
    """{translation_key: live page in ``locale``}; one query, none if nothing to look up."""
    if locale.pk == source_locale.pk:
        return {}
    keys = [page.translation_key for page in source_pages]
    if not keys:
        return {}
    pages = model.objects.live().public().filter(translation_key__in=keys, locale=locale)
    return {page.translation_key: page for page in pages}


def _in_language(page, translations):
    return translations.get(page.translation_key, page)


def _latest(*values):
    values = [value for value in values if value is not None]
    return max(values) if values else None


def _count_subquery(queryset, group_field):
    rows = queryset.order_by().values(group_field).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _measures(ctx):
    return MeasurePage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)


def _projects(ctx):
    return ProjectPage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)


def _topic_fields(ctx):
    """Live topic fields of the site in the default language, with their translations (two queries)."""
    key = "topic_fields"
    if key not in ctx._cache:
        fields = list(TopicFieldPage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale))
        fields.sort(key=lambda page: page.path)
        translations = _translations(TopicFieldPage, fields, ctx.locale, ctx.source_locale)
        ctx._cache[key] = {page.pk: (page, _in_language(page, translations)) for page in fields}
    return ctx._cache[key]
