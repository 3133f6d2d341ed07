"""The demo's focus and feedback groups and the dev accounts' memberships.

Apart from tests/participation/test_groups_flow.py because these tests need a database without
the `world` that the group flow tests share per module."""

import pytest

from django.utils import timezone

from participation.models import FeedbackRating

pytestmark = pytest.mark.django_db


def test_demo_groups_load_twice_without_changes(home, topic_field):
    from agenda.models import TopicFieldPage
    from participation.groups import demo as demo_groups
    from participation.models import ExpertGroup, FeedbackOutcome, GroupResult, GroupSession, SessionDocument
    from tests.agenda.factories import MeasurePageFactory
    from tests.factories import publish

    TopicFieldPage.objects.filter(pk=topic_field.pk).update(slug="verwaltung")
    topic_field.refresh_from_db()
    for slug in ("online-antraege", "leichte-sprache", "e-akte", "fax-abschaffen", "digitale-bezahlung"):
        publish(MeasurePageFactory(parent=topic_field, slug=slug))

    class Context:
        def log(self, message):
            pass

    def counts():
        return [
            model.objects.count()
            for model in (ExpertGroup, GroupSession, GroupResult, FeedbackRating, FeedbackOutcome, SessionDocument)
        ]

    demo_groups.load(Context())
    first = counts()
    demo_groups.load(Context())
    assert counts() == first
    assert first[0] == 2  # the focus group and the feedback group of this field
    assert first[4] == 2 and first[5] == 1
    open_round = ExpertGroup.objects.get(kind="feedback").feedback_rounds.filter(deadline__gt=timezone.now())
    assert open_round.exists() and open_round.get().ratings.exists()
    assert GroupResult.objects.filter(measures__isnull=False).count() == 3  # two linked, one promoted
    demo_groups.delete_demo_content(Context())
    assert not ExpertGroup.objects.exists()


def test_the_dev_account_member_joins_the_sponsors_demo_groups(home, settings):
    import io

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from tests.agenda.factories import build_topic_field
    from tests.participation.group_factories import ExpertGroupFactory

    settings.DEBUG = True
    own = build_topic_field(home, slug="verwaltung")
    other = build_topic_field(home, slug="gesundheit")
    mine, theirs = ExpertGroupFactory(topic_field=own), ExpertGroupFactory(topic_field=other)
    call_command("ensure_dev_admin", stdout=io.StringIO())
    call_command("ensure_dev_admin", stdout=io.StringIO())
    member = get_user_model().objects.get(username="member")
    assert mine.has_member(member) and not theirs.has_member(member)
    assert member.emailaddress_set.filter(verified=True).exists()
