"""Production settings refuse to start half-configured and pass Django's deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
GOOD_SECRET = "x7#kP2!vQ9@mZ4$wL8^nR1&tY6*bH3(jD5)gF0-sA2+eC7=uV9?oI4"
BASE_ENV = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", str(BASE_DIR)), "LANG": "C.UTF-8"}


def run(args, env):
    return subprocess.run(  # noqa: S603
        [sys.executable, *args], cwd=BASE_DIR, env={**BASE_ENV, **env}, capture_output=True, text=True, timeout=120
    )


def import_production(env):
    return run(["-c", "import website.settings.production"], env)


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": "digital.flensburg.de"}, "SECRET_KEY"),
        ({"SECRET_KEY": "too-short", "ALLOWED_HOSTS": "digital.flensburg.de"}, "SECRET_KEY"),
        ({"SECRET_KEY": "dev-only-" + "x" * 60, "ALLOWED_HOSTS": "digital.flensburg.de"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": " , "}, "ALLOWED_HOSTS"),
    ],
    ids=["nothing", "no-secret", "short-secret", "dev-secret", "no-hosts", "blank-hosts"],
)
def test_production_settings_refuse_to_start_half_configured(env, complaint):
    result = import_production(env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_production_settings_import_when_configured():
    result = import_production({"SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "digital.flensburg.de"})

    assert result.returncode == 0, result.stderr


def test_deploy_check_of_production_settings_reports_no_warnings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING", "--settings=website.settings.production"],
        {
            "SECRET_KEY": GOOD_SECRET,
            "ALLOWED_HOSTS": "digital.flensburg.de",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        },
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
