"""The figures of the council dashboard and progress report, computed once.

``build_report()`` returns a plain ``ProgressReport`` (dataclasses, lists, ints,
dates, strings): the Progress page, the HTML report and the PDF all render this
one structure, so they can never disagree.

What "as of" means:

- **Today** (the default): measures count with their current status and percentage.
- **A past date**: each measure's status and percentage are reconstructed from the
  progress log (``MeasureProgressUpdate``, append-only) at the end of that day;
  measures without a log entry by then did not exist yet and are left out. Target
  dates, titles, projects and OZG services have no history, so they are shown as
  they are now (the report says so).

Counting rules: one row per measure (the default-language page of each translation
set); titles and links are shown in the active language where a translation exists.
``include_unpublished=False`` (public page, public report) counts only live, public
pages; the admin report passes ``True``.

The number of SQL queries does not depend on the number of measures or projects.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Site

from projects.models import AdministrativeService, ProjectPage, ProjectStatus

# From the model modules, not the ``agenda.models`` package: the progress page (a model)
# renders from this module.
from .models.measures import OPEN_STATUSES, MeasurePage
from .models.pages import TopicFieldPage
from .models.progress import MeasureProgressUpdate, end_of_day
from .models.status import MeasureStatus

#: The earliest date a report can be asked for (the agenda process started in 2020).
EARLIEST_AS_OF = datetime.date(2000, 1, 1)


@dataclass
class Count:
    key: str
    label: str
    count: int
    share: int = 0  # whole percent of the group total


@dataclass
class MeasureItem:
    title: str
    url: str
    topic_field: str
    status: str
    status_label: str
    percent_done: int
    target_date: datetime.date | None = None
    changed_at: datetime.datetime | None = None
    live: bool = True


@dataclass
class TopicFieldFigures:
    key: str
    title: str
    url: str
    total: int = 0
    implemented: int = 0
    share_implemented: int = 0
    by_status: list = field(default_factory=list)  # [Count] in lifecycle order
    overdue: list = field(default_factory=list)  # [MeasureItem] by target date
    recently_changed: list = field(default_factory=list)  # [MeasureItem], newest first
    projects_total: int = 0
    projects_by_status: list = field(default_factory=list)  # [Count]


@dataclass
class ProgressReport:
    as_of: datetime.date
    is_today: bool
    recent_since: datetime.date
    recent_days: int
    include_unpublished: bool
    language: str
    generated_at: datetime.datetime
    totals: TopicFieldFigures
    topic_fields: list  # [TopicFieldFigures]
    projects_total: int
    projects_by_status: list  # [Count]
    services_online: int
    services_in_progress: int
    services_total: int
    services_share_online: int
    services_by_topic_area: list  # [{"key", "label", "online", "in_progress", "not_yet", "total"}]
    status_choices: list = field(default_factory=lambda: list(MeasureStatus.choices))

    @property
    def services_not_yet(self):
        return self.services_total - self.services_online - self.services_in_progress

    @property
    def overdue_total(self):
        return len(self.totals.overdue)

    @property
    def recently_changed_total(self):
        return len(self.totals.recently_changed)


def share(part, whole):
    return round(100 * part / whole) if whole else 0


def default_locale():
    return Locale.objects.get(language_code=get_supported_language_variant(settings.LANGUAGE_CODE))


def source_home(root_page):
    """The default-language version of a site's home page (where the counted pages live)."""
    locale = default_locale()
    if root_page.locale_id == locale.pk:
        return root_page
    return root_page.get_translation_or_none(locale) or root_page


def source_home_for_page(page):
    home = page.get_parent()
    return source_home(home)


def source_home_for_request(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return source_home(site.root_page)


def _localized(model, source_pages, locale, *, live_only):
    """{translation_key: page in ``locale``}; one query (none when nothing to look up)."""
    keys = [page["translation_key"] for page in source_pages]
    if not keys:
        return {}
    pages = model.objects.filter(translation_key__in=keys, locale=locale)
    if live_only:
        pages = pages.live().public()
    return {page.translation_key: page for page in pages}


@dataclass
class _Scope:
    """What every step of ``build_report`` needs to know: whose figures, as of when, in which language."""

    home: Page
    as_of: datetime.date
    is_today: bool
    locale: Locale
    source_locale: Locale
    include_unpublished: bool
    request: object

    def public(self, queryset):
        return queryset if self.include_unpublished else queryset.live().public()


def build_report(home, *, as_of=None, include_unpublished=False, recent_days=30, request=None):
    """All figures of the progress report for the site whose default-language home is ``home``."""
    today = timezone.localdate()
    as_of = as_of or today
    recent_since = as_of - datetime.timedelta(days=recent_days)
    language = get_language() or settings.LANGUAGE_CODE
    source_locale = default_locale()
    try:
        locale = Locale.objects.get_for_language(language)
    except Locale.DoesNotExist:
        locale = source_locale
    scope = _Scope(home, as_of, as_of >= today, locale, source_locale, include_unpublished, request)

    figures, by_path, by_translation_key = _topic_field_figures(scope)
    base_measures, measures = _measure_rows(scope, by_path)
    changes = _recent_changes(base_measures, measures, recent_since, as_of)
    totals = TopicFieldFigures(key="all", title=str(_("All topic fields")), url="")
    _place_measures(scope, figures, totals, measures, changes)
    _add_project_figures(scope, figures, totals, by_translation_key)
    services = _service_figures(source_locale)

    return ProgressReport(
        as_of=min(as_of, today),
        is_today=scope.is_today,
        recent_since=recent_since,
        recent_days=recent_days,
        include_unpublished=include_unpublished,
        language=language,
        generated_at=timezone.localtime(),
        totals=totals,
        topic_fields=figures,
        projects_total=totals.projects_total,
        projects_by_status=totals.projects_by_status,
        **services,
    )


def _topic_field_figures(scope):
    """One empty ``TopicFieldFigures`` per topic field (tree order), in the reader's language."""
    fields = list(
        scope.public(TopicFieldPage.objects.descendant_of(scope.home).filter(locale=scope.source_locale))
        .order_by("path")
        .values("pk", "path", "title", "translation_key")
    )
    field_pages = _localized(TopicFieldPage, fields, scope.locale, live_only=not scope.include_unpublished)
    by_path = {}
    figures = []
    for row in fields:
        page = field_pages.get(row["translation_key"])
        item = TopicFieldFigures(
            key=str(row["pk"]),
            title=page.title if page else row["title"],
            url=_page_url(page, scope.request),
        )
        by_path[row["path"]] = item
        figures.append(item)
    by_translation_key = {row["translation_key"]: item for row, item in zip(fields, figures, strict=True)}
    return figures, by_path, by_translation_key


def _measure_rows(scope, by_path):
    """One row per measure with its state on the report date and its topic field's figures."""
    base_measures = scope.public(MeasurePage.objects.descendant_of(scope.home).filter(locale=scope.source_locale))
    measures_qs = base_measures if scope.is_today else base_measures.as_of(scope.as_of)
    columns = ["pk", "path", "title", "translation_key", "status", "percent_done", "target_date", "live"]
    if not scope.is_today:
        columns += ["status_as_of", "percent_as_of"]
    measures = []
    for row in measures_qs.order_by("path").values(*columns):
        if not scope.is_today:
            if row["status_as_of"] is None:
                continue  # not created yet on that date
            row["status"], row["percent_done"] = row["status_as_of"], row["percent_as_of"]
        row["field"] = by_path.get(row["path"][: -Page.steplen])
        if row["field"] is not None:
            measures.append(row)
    return base_measures, measures


def _recent_changes(base_measures, measures, since, as_of):
    """{measure id: time of its latest logged change} within (since, as_of]."""
    changes = {}
    if measures:
        for measure_id, changed_at in (
            MeasureProgressUpdate.objects.filter(
                measure__in=base_measures.values("pk"),
                changed_at__gt=end_of_day(since),
                changed_at__lte=end_of_day(as_of),
            )
            .order_by("changed_at", "pk")
            .values_list("measure_id", "changed_at")
        ):
            changes[measure_id] = changed_at  # the latest change in the window wins
    return changes


def _place_measures(scope, figures, totals, measures, changes):
    """Status counts, overdue and recently changed measures, per topic field and in total."""
    overdue_rows = [
        row
        for row in measures
        if row["target_date"] and row["target_date"] < scope.as_of and row["status"] in OPEN_STATUSES
    ]
    changed_rows = [row for row in measures if row["pk"] in changes]
    measure_pages = _localized(
        MeasurePage, overdue_rows + changed_rows, scope.locale, live_only=not scope.include_unpublished
    )

    def measure_item(row):
        page = measure_pages.get(row["translation_key"])
        return MeasureItem(
            title=page.title if page else row["title"],
            url=_page_url(page, scope.request),
            topic_field=row["field"].title,
            status=row["status"],
            status_label=str(MeasureStatus(row["status"]).label),
            percent_done=row["percent_done"],
            target_date=row["target_date"],
            changed_at=changes.get(row["pk"]),
            live=row["live"],
        )

    counts = {id(item): {} for item in figures}
    all_counts = {}
    for row in measures:
        bucket = counts[id(row["field"])]
        bucket[row["status"]] = bucket.get(row["status"], 0) + 1
        all_counts[row["status"]] = all_counts.get(row["status"], 0) + 1
    for row in sorted(overdue_rows, key=lambda r: (r["target_date"], r["title"], r["pk"])):
        item = measure_item(row)
        row["field"].overdue.append(item)
        totals.overdue.append(item)
    for row in sorted(changed_rows, key=lambda r: (changes[r["pk"]], r["pk"]), reverse=True):
        item = measure_item(row)
        row["field"].recently_changed.append(item)
        totals.recently_changed.append(item)
    for item in [*figures, totals]:
        _fill_status_counts(item, all_counts if item is totals else counts[id(item)])


def _add_project_figures(scope, figures, totals, by_translation_key):
    """Portfolio projects by status, per topic field they serve and in total."""
    projects_qs = scope.public(ProjectPage.objects.descendant_of(scope.home).filter(locale=scope.source_locale))
    projects_by_status = [Count(row["status"], str(row["label"]), row["count"]) for row in projects_qs.by_status()]
    projects_total = sum(c.count for c in projects_by_status)
    for c in projects_by_status:
        c.share = share(c.count, projects_total)
    field_projects = {}
    for status, field_key in ProjectPage.topic_fields.through.objects.filter(
        projectpage__in=projects_qs.values("pk")
    ).values_list("projectpage__status", "topicfieldpage__translation_key"):
        item = by_translation_key.get(field_key)
        if item is not None:
            bucket = field_projects.setdefault(id(item), {})
            bucket[status] = bucket.get(status, 0) + 1
    for item in figures:
        bucket = field_projects.get(id(item), {})
        item.projects_total = sum(bucket.values())
        item.projects_by_status = [
            Count(value, str(label), bucket.get(value, 0), share(bucket.get(value, 0), item.projects_total))
            for value, label in ProjectStatus.choices
        ]
    totals.projects_total = projects_total
    totals.projects_by_status = projects_by_status


def _service_figures(source_locale):
    """The OZG catalogue's "x of y online", overall and per topic area."""
    summary = AdministrativeService.objects.filter(locale=source_locale).online_summary()
    return {
        "services_online": summary["online"] or 0,
        "services_in_progress": summary["in_progress"] or 0,
        "services_total": summary["total"] or 0,
        "services_share_online": share(summary["online"] or 0, summary["total"] or 0),
        "services_by_topic_area": [
            {
                "key": row["topic_area"],
                "label": str(row["label"]),
                "online": row["online"],
                "in_progress": row["in_progress"],
                "not_yet": row["total"] - row["online"] - row["in_progress"],
                "total": row["total"],
                "share_online": share(row["online"], row["total"]),
            }
            for row in summary["by_topic_area"]
        ],
    }


def _fill_status_counts(item, counts):
    item.total = sum(counts.values())
    item.implemented = counts.get(MeasureStatus.IMPLEMENTED, 0)
    item.share_implemented = share(item.implemented, item.total)
    item.by_status = [
        Count(value, str(label), counts.get(value, 0), share(counts.get(value, 0), item.total))
        for value, label in MeasureStatus.choices
    ]


def _page_url(page, request):
    """Absolute URL of a live page (for the PDF too); empty for drafts."""
    if page is None or not page.live:
        return ""
    return page.get_full_url(request) or ""
