"""Site search latency over many pages and ideas on PostgreSQL; prints figures.

Builds (or reuses) a bench corpus next to the demo content, then times the search
endpoint for three query classes: one word, phrase, faceted (type/status/topic filters).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/flensburg_bench \\
        .venv/bin/python bench/search_bench.py [--scale 1.0] [--repeat 15]

``--scale 1`` means 10,000 measure pages and 100,000 ideas (building them takes a
while the first time; later runs reuse them); ``--scale 0.05`` is a quick look. Needs
a migrated database with the demo content (``manage.py load_demo_content``).
Figures to compare between commits, not pass/fail thresholds.
"""

import argparse
import logging
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

PAGES = 10_000
IDEAS = 100_000
BENCH_SLUG = "search-bench"
WORDS = [
    "Bürgerportal",
    "Verwaltung",
    "Antrag",
    "online",
    "digital",
    "Mobilität",
    "Fahrrad",
    "Straße",
    "Parkausweis",
    "Schule",
    "Tablet",
    "Glasfaser",
    "WLAN",
    "Hafen",
    "Förde",
    "Bus",
    "Fähre",
    "Termin",
    "Rathaus",
    "Formular",
    "Chatbot",
    "Auskunft",
    "Daten",
    "Karte",
    "Umwelt",
    "Energie",
    "Sensor",
    "Beleuchtung",
    "Müllabfuhr",
    "Bibliothek",
    "Kita",
    "Anmeldung",
    "Wohnsitz",
    "Gewerbe",
    "Baugenehmigung",
    "Bürgerbüro",
    "Postfach",
    "Bescheid",
    "Zahlung",
    "Gebühren",
    "Barrierefreiheit",
    "Sprache",
    "Beteiligung",
    "Umfrage",
    "Ideen",
]
QUERIES = {
    "one word": ["Bürgerportal", "Mobilität", "Chatbot", "Parkausweis", "Straße"],
    "phrase": ['"digital Antrag"', '"Rathaus Termin"', '"online Formular"', '"Hafen Förde"'],
    "faceted": [
        {"q": "Bürgerportal", "type": "idea", "status": "new"},
        {"q": "Mobilität", "type": "measurepage"},
        {"q": "Antrag", "year": "__year__"},
        {"q": "Verwaltung", "topic": "__topic__"},
    ],
}


def sentence(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def ensure_pages(count, rng, stdout):
    from agenda.models import MeasurePage, TopicFieldPage

    topic = TopicFieldPage.objects.filter(locale__language_code="de").order_by("path").first()
    if topic is None:
        raise SystemExit("No German topic field: run manage.py load_demo_content first.")
    existing = MeasurePage.objects.child_of(topic).filter(slug__startswith=BENCH_SLUG).count()
    for number in range(existing, count):
        page = MeasurePage(
            title=sentence(rng, 3)[:-1],
            slug=f"{BENCH_SLUG}-{number}",
            intro=sentence(rng, 12),
            problem=sentence(rng, 30),
            solution_idea=sentence(rng, 30),
            expected_benefit=sentence(rng, 15),
            status=rng.choice(["proposed", "assessed", "planned", "in_progress", "implemented"]),
            live=True,
        )
        topic.add_child(instance=page)
        if number % 500 == 0:
            stdout.write(f"  pages: {number}/{count}\n")
    return MeasurePage.objects.child_of(topic).filter(slug__startswith=BENCH_SLUG)


def ensure_ideas(count, rng, stdout):
    from agenda.models import TopicFieldPage
    from participation.models import CityDialoguePage, Idea

    dialogue = CityDialoguePage.objects.filter(locale__language_code="de").live().first()
    if dialogue is None:
        raise SystemExit("No live German city dialogue: run manage.py load_demo_content first.")
    topics = list(TopicFieldPage.objects.filter(locale=dialogue.locale).values_list("pk", flat=True))
    existing = Idea.objects.filter(title__startswith="[bench]").count()
    batch = []
    for number in range(existing, count):
        batch.append(
            Idea(
                dialogue=dialogue,
                title=f"[bench] {sentence(rng, 4)[:-1]}",
                text=sentence(rng, 40),
                topic_field_id=rng.choice(topics) if topics else None,
                status=rng.choice(["new", "under_review", "accepted", "implemented"]),
            )
        )
        if len(batch) == 5000:
            Idea.objects.bulk_create(batch)
            batch = []
            stdout.write(f"  ideas: {number + 1}/{count}\n")
    if batch:
        Idea.objects.bulk_create(batch)
    return Idea.objects.filter(title__startswith="[bench]")


def index_missing(model, queryset, stdout):
    """Add objects without an index entry, in chunks (bulk_create bypasses the signals)."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    backend = get_search_backend("default")
    content_type = ContentType.objects.get_for_model(model)
    indexed = set(IndexEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True))
    missing = [pk for pk in queryset.values_list("pk", flat=True) if str(pk) not in indexed]
    for start in range(0, len(missing), 2000):
        chunk = list(model.objects.filter(pk__in=missing[start : start + 2000]))
        backend.add_bulk(model, chunk)
        stdout.write(f"  indexed {model.__name__}: {start + len(chunk)}/{len(missing)}\n")


def percentile(values, share):
    values = sorted(values)
    return values[max(0, int(round(share * len(values))) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 10,000 pages and 100,000 ideas")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    for noisy in ("wagtail", "django_tasks"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    out = sys.stdout
    if connection.vendor != "postgresql":
        out.write(f"Note: running on {connection.vendor}; the figures asked for are PostgreSQL ones.\n")

    from agenda.models import MeasurePage, TopicFieldPage
    from participation.models import Idea

    rng = random.Random(20241231)
    pages, ideas = int(PAGES * args.scale), int(IDEAS * args.scale)
    out.write(f"Corpus: {pages} measure pages, {ideas} ideas (scale {args.scale})\n")
    started = time.perf_counter()
    # Index once, in bulk, instead of once per saved object.
    configured = django.conf.settings.WAGTAILSEARCH_BACKENDS
    backends = {alias: {**params, "AUTO_UPDATE": False} for alias, params in configured.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        page_qs = ensure_pages(pages, rng, out)
        idea_qs = ensure_ideas(ideas, rng, out)
    index_missing(MeasurePage, page_qs, out)
    index_missing(Idea, idea_qs, out)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE") if connection.vendor == "postgresql" else None
    out.write(f"Corpus ready in {time.perf_counter() - started:.1f} s\n\n")

    topic = TopicFieldPage.objects.filter(locale__language_code="de").order_by("path").first()
    year = str(django.utils.timezone.localdate().year)
    client = Client()
    out.write(f"{'query class':<12} {'median ms':>10} {'p95 ms':>10} {'results':>9}  queries\n")
    for query_class, queries in QUERIES.items():
        timings, counts = [], []
        for query in queries:
            params = query if isinstance(query, dict) else {"q": query}
            params = {key: value.replace("__year__", year) for key, value in params.items()}
            params = {key: value.replace("__topic__", str(topic.pk)) for key, value in params.items()}
            response = client.get("/api/v1/search/", params, HTTP_HOST="localhost")  # warm up
            counts.append(response.json().get("count", 0))
            for _ in range(args.repeat):
                start = time.perf_counter()
                client.get("/api/v1/search/", params, HTTP_HOST="localhost")
                timings.append((time.perf_counter() - start) * 1000)
        out.write(
            f"{query_class:<12} {statistics.median(timings):>10.1f} {percentile(timings, 0.95):>10.1f} "
            f"{sum(counts):>9}  {len(queries)} × {args.repeat}\n"
        )


if __name__ == "__main__":
    main()
