"""Migrate once, copy for every test process.

Running the ~250 migrations takes 20-40 s of CPU (most of it Django rendering model states),
and every pytest-xdist worker and every later pytest run (the browser tests) needs a test
database. So the first process that needs one migrates a *template* and every process,
this one included, copies it:

- PostgreSQL: a template database ``<test name>_tpl_<key>``, copied with
  ``CREATE DATABASE … TEMPLATE …``;
- SQLite: a template file in the temporary directory, copied into the process's in-memory
  test database with SQLite's backup API.

``<key>`` is a digest of every migration file of every installed app, so a changed or new
migration makes a new template (older templates of the same test database are dropped). A
file lock lets exactly one process build a template while the others wait. The migrations
still run, for real, once per key; `makemigrations --check` and the migration tests do not
depend on this.
"""

import fcntl
import hashlib
import sqlite3
import tempfile
import warnings
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.migrations.loader import MigrationLoader

LOCK_DIRECTORY = Path(tempfile.gettempdir())
#: The template each database alias of this process was copied from (for tests that need it too).
TEMPLATES = {}


def migrations_key():
    """A digest of every migration file that `migrate` would apply."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for app_label, name in sorted(loader.disk_migrations):
        module = loader.disk_migrations[(app_label, name)].__module__
        digest.update(f"{app_label}.{name}".encode())
        source = Path(__import__(module, fromlist=["__file__"]).__file__)
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


@contextmanager
def _locked(name):
    with open(LOCK_DIRECTORY / f"flensburg-digital-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _migrate_into(connection, test_name):
    """Run Django's test database creation (drop, create, migrate) under the name `test_name`."""
    original_test_name = connection.settings_dict["TEST"].get("NAME")
    original_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = test_name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.close()
        connection.settings_dict["TEST"]["NAME"] = original_test_name
        connection.settings_dict["NAME"] = original_name
        settings.DATABASES[connection.alias]["NAME"] = original_name


def _use(connection, name):
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def postgresql_template_name(connection, key):
    test_name = connection.creation._get_test_db_name()
    return f"{test_name.rsplit('_gw', 1)[0]}_tpl_{key}"


def _ensure_postgresql_template(connection, key):
    """The migrated template database (built here if missing); call with the lock held."""
    template = postgresql_template_name(connection, key)
    quote = connection.ops.quote_name
    with connection._nodb_cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
        exists = cursor.fetchone() is not None
    if not exists:
        _migrate_into(connection, template)
        prefix = template.rsplit("_tpl_", 1)[0] + "_tpl_"
        with connection._nodb_cursor() as cursor:
            cursor.execute(
                "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                [prefix.replace("_", r"\_") + "%", template],
            )
            for (stale,) in cursor.fetchall():
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(stale)}")
    return template


def _setup_postgresql(connection, key):
    test_name = connection.creation._get_test_db_name()
    quote = connection.ops.quote_name
    template = postgresql_template_name(connection, key)
    with _locked(template):
        _ensure_postgresql_template(connection, key)
        TEMPLATES[connection.alias] = template
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
    _use(connection, test_name)
    return test_name


def _sqlite_template(key):
    return LOCK_DIRECTORY / f"flensburg-digital-test-{key}.sqlite3"


def _ensure_sqlite_template(connection, key):
    """The migrated template file (built here if missing); call with the lock held."""
    template = _sqlite_template(key)
    if not template.exists():
        building = template.with_suffix(".building")
        _migrate_into(connection, str(building))
        building.rename(template)
    return template


def _setup_sqlite(connection, key):
    test_name = connection.creation._get_test_db_name()
    if not connection.creation.is_in_memory_db(test_name):
        return None  # a file-based test database: Django's own creation
    template = _sqlite_template(key)
    with _locked(template.name):
        _ensure_sqlite_template(connection, key)
    _use(connection, test_name)
    connection.ensure_connection()
    source = sqlite3.connect(template)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    return test_name


def build_templates():
    """Only build the templates of the configured databases (`python -m tests.template_db`):
    `.ci/run` builds the PostgreSQL one while the SQLite pass builds its own, on the other core."""
    key = migrations_key()
    for connection in connections.all():
        if connection.vendor == "postgresql":
            with _locked(postgresql_template_name(connection, key)):
                print(_ensure_postgresql_template(connection, key))  # noqa: T201
        elif connection.vendor == "sqlite":
            with _locked(_sqlite_template(key).name):
                print(_ensure_sqlite_template(connection, key))  # noqa: T201


def setup_databases():
    """Give every configured database a migrated test copy; returns what `teardown_databases` needs."""
    key = migrations_key()
    made = []
    for connection in connections.all():
        original = connection.settings_dict["NAME"]
        if connection.vendor == "postgresql":
            test_name = _setup_postgresql(connection, key)
        elif connection.vendor == "sqlite":
            test_name = _setup_sqlite(connection, key)
        else:
            test_name = None
        if test_name is None:
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        made.append((connection, original))
    return made


def teardown_databases(made):
    """Drop the copies (the templates stay for the next run). A database still held by a
    thread of a live-server test is dropped with FORCE on PostgreSQL; any failure here is
    a warning, as in pytest-django, not an error of the last test."""
    for connection, original in made:
        try:
            if connection.vendor == "postgresql":
                test_name = connection.settings_dict["NAME"]
                connection.close()
                with connection._nodb_cursor() as cursor:
                    cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(test_name)} WITH (FORCE)")
                _use(connection, original)
            else:
                connection.creation.destroy_test_db(original, verbosity=0)
        except Exception as error:  # noqa: BLE001 - teardown must not fail the last test
            warnings.warn(f"Could not drop the test database: {error!r}", stacklevel=1)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
    django.setup()
    build_templates()
