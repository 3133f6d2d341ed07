"""Server-rendered, accessible SVG charts: geometry here, markup in ``templates/agenda/includes/chart_*.html``.

Accessibility rules every chart follows:

- inline ``<svg role="img">`` with ``<title>`` and ``<desc>`` (referenced by ``aria-labelledby``);
- every series has a colour **and** a pattern (dots, hatching, …), and a legend with both,
  so colour is never the only way to tell series apart (WCAG 1.4.1);
- numbers are written as text in the chart where there is room, and the template puts
  a data table with the same figures next to every chart, so no chart is the only
  carrier of a number;
- colours reach 3:1 against white (WCAG 1.4.11); labels are dark on light fills and
  white on dark fills.

No scripts, no ``style`` attributes (the public site's CSP forbids inline styles):
only SVG presentation attributes.
"""

import math
from dataclasses import dataclass, field

from .models.status import MeasureStatus

WIDTH = 640
LABEL_HEIGHT = 20
BAR_HEIGHT = 24
ROW_GAP = 14
MIN_LABELLED_SEGMENT = 26  # px: narrower segments carry their number only in the table and legend


@dataclass(frozen=True)
class SeriesStyle:
    fill: str
    pattern: str  # solid | dots | diagonal | diagonal-reverse | horizontal | vertical | cross | grid
    text: str  # label colour on this fill
    overlay: str = "#ffffff"


#: Measure lifecycle: light to dark along the main path; deferred/rejected set apart.
MEASURE_STATUS_STYLES = {
    "proposed": SeriesStyle("#e3e8ee", "dots", "#1b1b1b", "#5b6770"),
    "assessed": SeriesStyle("#b9d3ea", "diagonal", "#1b1b1b", "#24527a"),
    "prioritised": SeriesStyle("#7fb0d9", "horizontal", "#1b1b1b", "#1d4a70"),
    "planned": SeriesStyle("#3d85c0", "vertical", "#ffffff"),
    "in_progress": SeriesStyle("#1f5f96", "diagonal-reverse", "#ffffff"),
    "implemented": SeriesStyle("#0b6e3f", "solid", "#ffffff"),
    "deferred": SeriesStyle("#b35c00", "cross", "#ffffff"),
    "rejected": SeriesStyle("#6b6b6b", "grid", "#ffffff"),
}

PROJECT_STATUS_STYLES = {
    "idea": SeriesStyle("#e3e8ee", "dots", "#1b1b1b", "#5b6770"),
    "planned": SeriesStyle("#7fb0d9", "horizontal", "#1b1b1b", "#1d4a70"),
    "pilot": SeriesStyle("#3d85c0", "diagonal", "#ffffff"),
    "live": SeriesStyle("#0b6e3f", "solid", "#ffffff"),
    "completed": SeriesStyle("#1f5f96", "vertical", "#ffffff"),
    "stopped": SeriesStyle("#6b6b6b", "grid", "#ffffff"),
}

ONLINE_STATUS_STYLES = {
    "online": SeriesStyle("#0b6e3f", "solid", "#ffffff"),
    "in_progress": SeriesStyle("#3d85c0", "diagonal", "#ffffff"),
    "not_yet": SeriesStyle("#e3e8ee", "dots", "#1b1b1b", "#5b6770"),
}

DEFAULT_STYLE = SeriesStyle("#3d85c0", "solid", "#ffffff")


@dataclass
class Pattern:
    id: str
    fill: str
    kind: str
    overlay: str


@dataclass
class Segment:
    x: float
    width: float
    pattern_id: str
    count: int
    label: str  # series label, for the segment's <title>
    text_fill: str
    show_count: bool


@dataclass
class Row:
    label: str
    total: int
    y: float
    label_y: float
    bar_y: float
    end_x: float  # where the total is written
    segments: list = field(default_factory=list)


@dataclass
class LegendEntry:
    label: str
    pattern_id: str
    count: int | None = None


@dataclass
class Chart:
    id: str
    title: str
    desc: str
    width: int
    height: int
    patterns: list
    rows: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    arcs: list = field(default_factory=list)  # donut only
    center_text: str = ""
    center_subtext: str = ""


def _patterns(chart_id, series, styles):
    """One SVG pattern per series, ids unique in the document (prefixed by the chart id)."""
    patterns = {}
    for key, _label in series:
        style = styles.get(key, DEFAULT_STYLE)
        patterns[key] = Pattern(f"{chart_id}-{key}".replace("_", "-"), style.fill, style.pattern, style.overlay)
    return patterns


def stacked_bars(chart_id, title, desc, series, rows, styles):
    """Horizontal stacked bars, one per row, scaled to the largest row total.

    ``series``: [(key, label)] in stacking order; ``rows``: [(row label, {key: count})].
    """
    patterns = _patterns(chart_id, series, styles)
    keys = [key for key, _label in series]
    max_total = max([sum(counts.get(key, 0) for key in keys) for _label, counts in rows] + [1])
    usable = WIDTH - 60  # room for the total after the bar
    chart_rows = []
    y = 0
    for row_label, counts in rows:
        total = sum(counts.get(key, 0) for key, _l in series)
        row = Row(label=row_label, total=total, y=y, label_y=y + 15, bar_y=y + LABEL_HEIGHT, end_x=0)
        x = 0.0
        for key, label in series:
            count = counts.get(key, 0)
            if not count:
                continue
            width = usable * count / max_total
            style = styles.get(key, DEFAULT_STYLE)
            row.segments.append(
                Segment(
                    x=round(x, 2),
                    width=round(width, 2),
                    pattern_id=patterns[key].id,
                    count=count,
                    label=str(label),
                    text_fill=style.text,
                    show_count=width >= MIN_LABELLED_SEGMENT,
                )
            )
            x += width
        row.end_x = round(x + 6, 2)
        chart_rows.append(row)
        y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    totals = {key: sum(counts.get(key, 0) for _l, counts in rows) for key, _label in series}
    legend = [LegendEntry(str(label), patterns[key].id, totals[key]) for key, label in series]
    return Chart(
        id=chart_id,
        title=str(title),
        desc=str(desc),
        width=WIDTH,
        height=max(y - ROW_GAP, BAR_HEIGHT),
        patterns=list(patterns.values()),
        rows=chart_rows,
        legend=legend,
    )


def bars(chart_id, title, desc, items, styles):
    """Simple horizontal bars: ``items`` = [(key, label, count)], one bar per item."""
    series = [(key, label) for key, label, _count in items]
    rows = [(label, {key: count}) for key, label, count in items]
    chart = stacked_bars(chart_id, title, desc, series, rows, styles)
    for row in chart.rows:
        for segment in row.segments:
            segment.show_count = False  # the total after the bar already says it
    return chart


def donut(chart_id, title, desc, series, counts, styles, center_text="", center_subtext=""):
    """A ring of shares; ``series`` = [(key, label)], ``counts`` = {key: count}."""
    patterns = _patterns(chart_id, series, styles)
    total = sum(counts.get(key, 0) for key, _label in series)
    size, outer, inner = 220, 100, 62
    cx = cy = size / 2
    arcs = []
    angle = -math.pi / 2
    for key, label in series:
        count = counts.get(key, 0)
        if not count or not total:
            continue
        sweep = 2 * math.pi * count / total
        arcs.append(
            {
                "d": _ring_segment(cx, cy, outer, inner, angle, angle + sweep),
                "pattern_id": patterns[key].id,
                "label": str(label),
                "count": count,
            }
        )
        angle += sweep
    if not arcs:
        arcs.append(
            {"d": _ring_segment(cx, cy, outer, inner, 0, 2 * math.pi), "pattern_id": "", "label": "", "count": 0}
        )
    legend = [LegendEntry(str(label), patterns[key].id, counts.get(key, 0)) for key, label in series]
    return Chart(
        id=chart_id,
        title=str(title),
        desc=str(desc),
        width=size,
        height=size,
        patterns=list(patterns.values()),
        legend=legend,
        arcs=arcs,
        center_text=str(center_text),
        center_subtext=str(center_subtext),
    )


def _ring_segment(cx, cy, outer, inner, start, end):
    """SVG path of a ring segment from angle ``start`` to ``end`` (radians, clockwise)."""
    if end - start >= 2 * math.pi - 1e-9:
        # a full ring: two half arcs each way (one arc cannot start and end at the same point)
        return (
            f"M {cx - outer:.2f} {cy:.2f} A {outer} {outer} 0 1 1 {cx + outer:.2f} {cy:.2f} "
            f"A {outer} {outer} 0 1 1 {cx - outer:.2f} {cy:.2f} Z "
            f"M {cx - inner:.2f} {cy:.2f} A {inner} {inner} 0 1 0 {cx + inner:.2f} {cy:.2f} "
            f"A {inner} {inner} 0 1 0 {cx - inner:.2f} {cy:.2f} Z"
        )
    large = 1 if end - start > math.pi else 0

    def point(radius, angle):
        return cx + radius * math.cos(angle), cy + radius * math.sin(angle)

    x0, y0 = point(outer, start)
    x1, y1 = point(outer, end)
    x2, y2 = point(inner, end)
    x3, y3 = point(inner, start)
    return (
        f"M {x0:.2f} {y0:.2f} A {outer} {outer} 0 {large} 1 {x1:.2f} {y1:.2f} "
        f"L {x2:.2f} {y2:.2f} A {inner} {inner} 0 {large} 0 {x3:.2f} {y3:.2f} Z"
    )


def report_charts(report):
    """The charts of a ``ProgressReport`` (ids are unique within one HTML document)."""
    from django.utils.translation import gettext as _

    measure_series = list(MeasureStatus.choices)
    implemented = report.totals.implemented
    charts = {
        "implemented": donut(
            "chart-implemented",
            _("Share of measures implemented"),
            _(
                "%(implemented)s of %(total)s measures are implemented (%(share)s %%). "
                "The ring shows all measures by status."
            )
            % {"implemented": implemented, "total": report.totals.total, "share": report.totals.share_implemented},
            measure_series,
            {c.key: c.count for c in report.totals.by_status},
            MEASURE_STATUS_STYLES,
            center_text=f"{report.totals.share_implemented} %",
            center_subtext=_("implemented"),
        ),
        "measures": stacked_bars(
            "chart-measures",
            _("Measures by status and topic field"),
            _("One bar per topic field, divided by status. The table below gives every number."),
            measure_series,
            [(item.title, {c.key: c.count for c in item.by_status}) for item in report.topic_fields],
            MEASURE_STATUS_STYLES,
        ),
        "projects": bars(
            "chart-projects",
            _("Portfolio projects by status"),
            _("%(total)s projects, one bar per status.") % {"total": report.projects_total},
            [(c.key, c.label, c.count) for c in report.projects_by_status],
            PROJECT_STATUS_STYLES,
        ),
        "services": stacked_bars(
            "chart-services",
            _("OZG services by topic area and online status"),
            _("%(online)s of %(total)s services are online. One bar per OZG topic area.")
            % {"online": report.services_online, "total": report.services_total},
            [("online", _("Online")), ("in_progress", _("In progress")), ("not_yet", _("Not yet online"))],
            [(row["label"], row) for row in report.services_by_topic_area],
            ONLINE_STATUS_STYLES,
        ),
    }
    return charts
