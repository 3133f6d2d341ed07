"""The outage tests belong to the PostgreSQL run of the suite.

They start their own PostgreSQL cluster, Redis and gunicorn, whatever database the rest of
the suite uses, so running them in the SQLite pass as well would repeat the same minute of
work. `make test` on PostgreSQL (as `.ci/run` does) runs them; on SQLite they are deselected
(shown as "deselected" in pytest's summary, never skipped).
"""

from django.conf import settings


def pytest_collection_modifyitems(config, items):
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    outages = [item for item in items if "tests/reliability/" in item.nodeid]
    if outages:
        config.hook.pytest_deselected(items=outages)
        items[:] = [item for item in items if item not in outages]
