"""A database that is away is a 503 with Retry-After (JSON on the APIs, a translated page
elsewhere); a bad query stays a 500. The errors are the drivers' own: a refused
connection from psycopg, a lock and a syntax error from SQLite. The end-to-end run with a
restarting cluster is tests/reliability/test_outages.py."""

import sqlite3

import psycopg
import pytest

from django import db
from django.test import RequestFactory
from django.utils import translation

from website.middleware import database_unavailable, service_unavailable
from website.query_params import to_int


def wrapped(driver_error):
    """The driver's error as Django raises it (DatabaseErrorWrapper keeps it as the cause)."""
    try:
        raise db.OperationalError(*driver_error.args) from driver_error
    except db.OperationalError as error:
        return error


def refused_connection():
    try:
        psycopg.connect("postgres://postgres@127.0.0.1:1/none", connect_timeout=2)
    except psycopg.OperationalError as error:
        return error
    raise AssertionError("port 1 answered")


def sqlite_error(statements):
    connection = sqlite3.connect(":memory:")
    try:
        for statement in statements:
            connection.execute(statement)
    except sqlite3.OperationalError as error:
        return error
    finally:
        connection.close()
    raise AssertionError("no error")


def locked_sqlite_database(tmp_path):
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute("SELECT * FROM t")
    except sqlite3.OperationalError as error:
        return error
    finally:
        other.close()
        holder.close()
    raise AssertionError("no lock")


def test_a_refused_connection_is_an_outage():
    assert database_unavailable(wrapped(refused_connection()))


def test_an_interface_error_is_an_outage():
    assert database_unavailable(db.InterfaceError("connection already closed"))


def test_a_locked_sqlite_database_is_an_outage(tmp_path):
    assert database_unavailable(wrapped(locked_sqlite_database(tmp_path)))


@pytest.mark.parametrize(
    "statements",
    [["SELECT no_such_column FROM sqlite_master"], ["SELEC 1"], ["CREATE TABLE t (x)", "CREATE TABLE t (x)"]],
)
def test_a_bad_query_is_not_an_outage(statements):
    assert not database_unavailable(wrapped(sqlite_error(statements)))


def test_other_errors_are_not_outages():
    assert not database_unavailable(db.IntegrityError("duplicate key"))
    with pytest.raises(ValueError) as error:
        to_int("x", "y")
    assert not database_unavailable(error.value)


def test_the_api_gets_json_with_retry_after():
    response = service_unavailable(RequestFactory().get("/api/v1/dialogues/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("language", "title"),
    [("de", "Vorübergehend nicht erreichbar"), ("da", "Midlertidigt utilgængelig"), ("en", "Briefly unavailable")],
)
def test_a_page_gets_a_translated_page_without_the_database(language, title, django_db_blocker):
    request = RequestFactory().get(f"/{language}/")
    request.LANGUAGE_CODE = language
    with translation.override(language), django_db_blocker.block():
        response = service_unavailable(request)
    body = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert f'<html lang="{language}">' in body
    assert title in body
