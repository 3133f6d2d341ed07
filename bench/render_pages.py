"""Render the main public pages against the current database and print figures.

Run after `make demo` (or `make run`):

    .venv/bin/python bench/render_pages.py [--repeat 20]

For each page: SQL queries per request and median / p95 render time in milliseconds.
These are figures to compare between commits, not pass/fail thresholds.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PATHS = [
    "/de/",
    "/da/",
    "/de/digitale-agenda/",
    "/de/digitale-agenda/verwaltung/",
    "/de/fortschritt/",
    "/de/projekte/",
    "/de/ozg-leistungen/",
    "/de/aktuelles/",
    "/api/v2/pages/?locale=de&limit=50",
    "/api/v2/measures/?limit=50",
]


def measure(client, path, repeat):
    client.get(path, HTTP_HOST="localhost")  # warm caches and the template loader
    timings = []
    reset_queries()  # Django also resets the log when a request starts; start both at zero
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST="localhost")
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(path, HTTP_HOST="localhost")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[max(0, int(round(0.95 * len(timings))) - 1)]
    return response.status_code, len(queries), statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    client = Client()
    print(f"{'path':45} {'status':>6} {'queries':>8} {'median ms':>10} {'p95 ms':>8}")
    for path in PATHS:
        status, queries, median, p95 = measure(client, path, args.repeat)
        print(f"{path:45} {status:>6} {queries:>8} {median:>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
