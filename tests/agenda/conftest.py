import pytest

from tests.agenda.factories import build_topic_field


@pytest.fixture
def topic_field(home):
    return build_topic_field(home, title="Verwaltung und Bürgerservice")
