"""Outages for real: the site's own PostgreSQL cluster restarts, its Redis goes away.

Part of the PostgreSQL run of the suite (see conftest.py in this folder).

The test starts everything itself, as real processes on loopback, never the machine's own
services: a throwaway PostgreSQL cluster (``initdb``/``pg_ctl`` on a free port, run as the
``postgres`` system user because ``initdb`` refuses root), a Redis server on a free port,
and the site under gunicorn with both. A client posts a bounded stream of comments, each
with its own ``Idempotency-Key``, and sends the same request again while the answer is a
503 or the connection fails, as a well-behaved client does. Halfway through, the cluster
restarts.

Asserted: every comment the site acknowledged is stored (0 lost), every key is stored once
(0 duplicates), the only error answers are 503s with ``Retry-After``, and the site writes
again within 5 seconds of the restart. Then Redis stops: pages and writes go on (cache
misses), without a 500.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psycopg
import pytest
import requests

from tests import template_db

pytestmark = pytest.mark.xdist_group("outages")

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)), None)
COMMENTS = 40
RESTART_AFTER = 12
RECOVERY_LIMIT = 5.0
CSRF_TOKEN = "f" * 32


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(command):
    """Run a PostgreSQL tool as the postgres system user when we are root (initdb refuses root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=240, **kwargs)


def wait_for(predicate, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not come up within {seconds} s")


class Cluster:
    def __init__(self, directory):
        self.data = directory / "data"
        self.socket_dir = directory / "socket"
        self.port = free_port()

    def url(self, database="outage"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def ctl(self, *args):
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = self.data.parent / "postgresql.log"  # the server must not hold on to our pipes
        return run(
            as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(log), "-o", options, "-w", *args])
        )

    def start(self):
        for path in (self.data, self.socket_dir):
            path.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.data.parent, "postgres")
            for path in (self.data, self.socket_dir):
                shutil.chown(path, "postgres")
        run(as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync"]))
        self.ctl("start")
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute("CREATE DATABASE outage")

    def stop(self):
        self.ctl("stop", "-m", "immediate")

    def count(self, sql, params=()):
        with psycopg.connect(self.url(), connect_timeout=5) as connection:
            return connection.execute(sql, params).fetchall()


def suite_template():
    """The URL of the suite's migrated template database, when this run uses PostgreSQL."""
    from django.db import connection

    name = template_db.TEMPLATES.get(connection.alias)
    if connection.vendor != "postgresql" or name is None:
        return None
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{name}"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    if PG_BIN is None or shutil.which("redis-server") is None:
        pytest.fail("The outage tests need PostgreSQL's server binaries and redis-server (see .ci/run)")
    with django_db_blocker.unblock():
        template = suite_template()
    directory = Path(tempfile.mkdtemp(prefix="flensburg-outage-"))
    cluster = Cluster(directory)
    cluster.start()
    redis_port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.reliability.server_settings",
        "DATABASE_URL": cluster.url(),
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_TEST_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    if template:
        # The suite's migrated template (tests/template_db.py), copied into the cluster.
        with template_db._locked(template.rsplit("/", 1)[1]):  # no copy of it may start meanwhile
            dump = run([str(PG_BIN / "pg_dump"), "--no-owner", template])
        run([str(PG_BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", cluster.url()], input=dump.stdout)
    else:
        run([*manage, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT)
    seeded = run([*manage, "shell", "-c", (ROOT / "tests/reliability/seed.py").read_text()], env=env, cwd=ROOT)
    idea_id, session_key = seeded.stdout.split()[-2:]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "website.wsgi", "-b", f"127.0.0.1:{port}", "-w", "2", "--timeout", "30"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=open(directory / "gunicorn.log", "w"),  # noqa: SIM115 - open for the server's lifetime
    )
    base = f"http://127.0.0.1:{port}"

    def answers():
        try:
            return requests.get(f"{base}/api/v1/dialogues/", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    wait_for(answers, 60, "gunicorn")
    http = requests.Session()
    http.cookies.set("sessionid", session_key)
    http.cookies.set("csrftoken", CSRF_TOKEN)
    http.headers.update({"X-CSRFToken": CSRF_TOKEN, "Referer": base + "/"})
    yield {"base": base, "idea": idea_id, "http": http, "cluster": cluster, "redis": redis, "log": directory}
    server.terminate()
    server.wait(timeout=30)
    redis.terminate()
    redis.wait(timeout=10)
    cluster.stop()
    shutil.rmtree(directory, ignore_errors=True)


def post_until_stored(site, key, text, statuses, deadline):
    """Send one comment, and the very same request again while it does not get through."""
    url = f"{site['base']}/api/v1/ideas/{site['idea']}/comments/"
    while time.monotonic() < deadline:
        try:
            response = site["http"].post(url, json={"text": text}, headers={"Idempotency-Key": key}, timeout=5)
        except requests.RequestException as error:
            statuses.append(type(error).__name__)
            time.sleep(0.2)
            continue
        statuses.append(response.status_code)
        if response.status_code == 503:
            assert response.headers.get("Retry-After"), "a 503 tells the client when to come back"
            assert response.json()["message"]
            time.sleep(0.2)
            continue
        return response
    raise AssertionError(f"comment {key} was not stored before the deadline")


def test_a_database_restart_loses_nothing_and_stores_nothing_twice(site):
    keys = [str(uuid.uuid4()) for _ in range(COMMENTS)]
    statuses, acknowledged_at, restarted = [], [], []

    def restart():
        site["cluster"].ctl("restart", "-m", "fast")
        restarted.append(time.monotonic())  # pg_ctl -w returns once the server accepts connections

    restarting = threading.Thread(target=restart)
    deadline = time.monotonic() + 120
    texts = [f"Kommentar {number}: Abendsprechstunde im Rathaus." for number in range(COMMENTS)]
    for number, (key, text) in enumerate(zip(keys, texts, strict=True)):
        if number == RESTART_AFTER:
            restarting.start()
            time.sleep(0.05)
        response = post_until_stored(site, key, text, statuses, deadline)
        assert response.status_code == 201, response.text
        acknowledged_at.append(time.monotonic())
    restarting.join(timeout=60)

    per_text = dict(
        site["cluster"].count(
            "SELECT text, count(*) FROM participation_comment WHERE idea_id = %s GROUP BY text", [int(site["idea"])]
        )
    )
    assert [text for text in texts if per_text.get(text, 0) == 0] == [], "acknowledged comments were lost"
    assert [text for text in texts if per_text.get(text, 0) > 1] == [], "a retried comment was stored twice"
    assert site["cluster"].count("SELECT count(*) FROM participation_idempotencyrecord")[0][0] == COMMENTS
    assert 500 not in statuses
    assert 503 in statuses, "the stream did not run into the restart (nothing was tested)"
    assert {status for status in statuses if status != 201} <= {503, "ConnectionError", "ReadTimeout"}, statuses
    assert restarted, "the cluster did not come back"
    recovery = min(moment for moment in acknowledged_at if moment >= restarted[0]) - restarted[0]
    print(f"writes again {recovery:.2f} s after the database is back; answers: {statuses}")  # noqa: T201
    assert recovery <= RECOVERY_LIMIT


def test_without_redis_pages_and_writes_go_on(site):
    site["redis"].terminate()
    site["redis"].wait(timeout=10)
    for path in ("/de/", "/api/v1/dialogues/", f"/api/v1/ideas/{site['idea']}/comments/", "/api/v2/pages/"):
        response = requests.get(site["base"] + path, timeout=10)
        assert response.status_code == 200, (path, response.status_code)
    key = str(uuid.uuid4())
    statuses = []
    response = post_until_stored(site, key, "Kommentar ohne Cache.", statuses, time.monotonic() + 30)
    assert response.status_code == 201
    assert statuses == [201]
