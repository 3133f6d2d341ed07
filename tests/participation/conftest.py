import pytest

from tests.accounts.factories import UserFactory
from tests.agenda.factories import build_topic_field
from tests.participation.factories import build_dialogue


@pytest.fixture
def topic_field(home):
    return build_topic_field(home, title="Verwaltung und Bürgerservice")


@pytest.fixture
def other_topic_field(home):
    return build_topic_field(home, title="Bildung")


@pytest.fixture
def dialogue(home, topic_field, other_topic_field):
    return build_dialogue(home, topic_fields=[topic_field, other_topic_field])


@pytest.fixture
def citizen(db):
    return UserFactory()


@pytest.fixture
def other_citizen(db):
    return UserFactory()


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    """Tests send forms at machine speed; the minimum fill time is tested on its own."""
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


# Focus and feedback groups: the `world` fixture (groups, people in every role, a session, a round),
# built once per module; `fresh_world` builds it for one (transactional) test.
from tests.participation.group_factories import _world_of_the_module, fresh_world, world  # noqa: E402, F401
