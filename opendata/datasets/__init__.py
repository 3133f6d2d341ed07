"""The open datasets: what each one contains, how its rows are built, and what "as of" means.

Every dataset is a flat table with stable English snake_case column names. Rows are built
from published (live, public) pages of one site — the default-language page of each
translation set gives one row — with titles, labels and URLs in the requested language
where a translation exists. Citizen data is only ever counted, never listed.

What ``as_of`` (a past date) reconstructs, and what it does not:

- **measures**: status and percent_done from the progress log (``MeasureProgressUpdate``)
  at the end of that day; measures without a log entry by then are left out. All other
  columns (title, score, priority, dates, projects, tags, linked ideas) are today's.
- **projects**: title, status, phase, start/end date and budget from the latest revision
  *published* by the end of that day (Wagtail's publication log); projects not yet
  published then are left out. Topic fields, measures, funding, partners and milestones
  are today's.
- **topic_fields**: the measure counts per status are the reconstructed measure states;
  which topic fields exist, their titles and project counts are today's.
- **participation**, **polls**: count only contributions made by the end of that day
  (ideas, comments, supports, ballots by their creation time); idea statuses are today's,
  and withdrawn supports or removed contributions are not counted for any date.
- **ozg_services**: no history is kept; always today's state.

The number of SQL queries of every dataset is independent of its number of rows.
"""

from django.utils.translation import gettext_lazy as _

from .agenda import (
    MEASURE_COLUMNS,
    _topic_field_columns,
    build_measures,
    build_topic_fields,
    measures_modified,
    measures_temporal,
    topic_fields_modified,
)
from .base import Dataset, ExportContext
from .participation import (
    POLL_COLUMNS,
    _participation_columns,
    build_participation,
    build_polls,
    participation_modified,
    participation_temporal,
    polls_modified,
)
from .portfolio import (
    PROJECT_COLUMNS,
    SERVICE_COLUMNS,
    build_projects,
    build_services,
    projects_modified,
    projects_temporal,
    services_modified,
)

__all__ = ["Dataset", "ExportContext", "all_datasets", "get_dataset"]


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------


def all_datasets():
    """The datasets in the order the catalogue and the Open data page list them."""
    return [
        Dataset(
            key="measures",
            title=_("Measures of the Digital Agenda"),
            description=_(
                "Every published measure with its topic field, status, percentage done, score, priority "
                "class, dates, implementing projects and the public ideas it came from (count and supports)."
            ),
            keywords=(_("Digital Agenda"), _("measures"), _("progress")),
            columns=MEASURE_COLUMNS,
            build=build_measures,
            modified=measures_modified,
            temporal=measures_temporal,
            history=_("Status and percentage done are rebuilt from the progress log; other columns are today’s."),
        ),
        Dataset(
            key="projects",
            title=_("Projects of the portfolio"),
            description=_(
                "Every published portfolio project with status, phase, dates, budget, topic fields, "
                "implemented measures, funding programmes, partners and milestones."
            ),
            keywords=(_("projects"), _("portfolio"), _("funding")),
            columns=PROJECT_COLUMNS,
            build=build_projects,
            modified=projects_modified,
            temporal=projects_temporal,
            history=_(
                "Title, status, phase, dates and budget come from the version published on that day; links are today’s."
            ),
        ),
        Dataset(
            key="topic_fields",
            title=_("Topic fields"),
            description=_(
                "The topic fields of the Digital Agenda with the number of measures per status, "
                "the share implemented and the number of projects."
            ),
            keywords=(_("Digital Agenda"), _("topic fields")),
            columns=_topic_field_columns(),
            build=build_topic_fields,
            modified=topic_fields_modified,
            temporal=measures_temporal,
            history=_(
                "Measure counts are rebuilt from the progress log and project counts from the publication "
                "history; the topic fields themselves are today’s."
            ),
        ),
        Dataset(
            key="ozg_services",
            title=_("OZG services"),
            description=_(
                "The administrative services of the OZG catalogue with LeiKa key, topic area, "
                "responsible level and whether they are online."
            ),
            keywords=(_("OZG"), _("online services"), _("administration")),
            columns=SERVICE_COLUMNS,
            build=build_services,
            modified=services_modified,
            history=_("No history is kept: always today’s state."),
        ),
        Dataset(
            key="participation",
            title=_("Participation in city dialogues"),
            description=_(
                "Aggregated figures per city dialogue and topic field: public ideas by status, comments "
                "and supports. Counts only, no personal data."
            ),
            keywords=(_("participation"), _("city dialogues"), _("ideas")),
            columns=_participation_columns(),
            build=build_participation,
            modified=participation_modified,
            temporal=participation_temporal,
            history=_("Counts contributions made by that day; idea statuses are today’s."),
        ),
        Dataset(
            key="polls",
            title=_("Poll participation"),
            description=_("Every poll with its question, period, status and number of participants. No votes."),
            keywords=(_("participation"), _("polls")),
            columns=POLL_COLUMNS,
            build=build_polls,
            modified=polls_modified,
            history=_("Counts ballots cast by that day."),
        ),
    ]


def get_dataset(key):
    for dataset in all_datasets():
        if dataset.key == key:
            return dataset
    return None
