"""`manage.py ensure_dev_admin` also creates the demo topic sponsor and council member (DEBUG only)."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from agenda.roles import COUNCIL_MEMBERS
from tests.agenda.factories import build_topic_field
from website.permissions import sponsored_topic_field_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    settings.DEBUG = True


def test_sponsor_account_sponsors_one_topic_field(home, debug):
    own = build_topic_field(home, title="Verwaltung und Bürgerservice", slug="verwaltung")
    other = build_topic_field(home, title="Gesundheit", slug="gesundheit")
    call_command("ensure_dev_admin", stdout=io.StringIO())
    sponsor = get_user_model().objects.get(username="sponsor")
    assert sponsor.check_password("flensburg-digital-dev")
    assert own.pk in sponsored_topic_field_ids(sponsor)
    assert other.pk not in sponsored_topic_field_ids(sponsor)
    assert not sponsor.is_superuser


def test_council_account_is_council_member(home, debug):
    call_command("ensure_dev_admin", stdout=io.StringIO())
    council = get_user_model().objects.get(username="council")
    assert list(council.groups.values_list("name", flat=True)) == [COUNCIL_MEMBERS]
    assert council.has_perm("agenda.view_backlog") and not council.is_superuser


def test_second_run_keeps_the_accounts(home, debug):
    build_topic_field(home, slug="verwaltung")
    call_command("ensure_dev_admin", stdout=io.StringIO())
    call_command("ensure_dev_admin", stdout=io.StringIO())
    assert get_user_model().objects.filter(username__in=["admin", "sponsor", "council"]).count() == 3


def test_no_accounts_without_debug(home, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.filter(username__in=["sponsor", "council"]).exists()
