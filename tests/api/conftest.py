import pytest

from tests.accounts.factories import UserFactory
from tests.agenda.factories import MeasurePageFactory, build_topic_field
from tests.factories import ContactPersonFactory, ImageFactory, NewsIndexPageFactory, NewsPageFactory, publish
from tests.participation.factories import CommentFactory, IdeaFactory, build_dialogue
from tests.participation.poll_factories import PollFactory
from tests.projects.factories import AdministrativeServiceFactory, FundingProgrammeFactory, OrganisationFactory


@pytest.fixture
def topic_field(home):
    return build_topic_field(home, title="Verwaltung und Bürgerservice")


@pytest.fixture
def dialogue(home, topic_field):
    return build_dialogue(home, topic_fields=[topic_field])


@pytest.fixture(autouse=True)
def _fast_forms(settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 0


@pytest.fixture
def citizen_client(client):
    client.force_login(UserFactory())
    return client


@pytest.fixture
def content(home, topic_field, dialogue):
    """One object of every kind the public API serves."""
    measure = publish(MeasurePageFactory(parent=topic_field, title="Bürgerportal ausbauen"))
    index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(parent=index, image=ImageFactory(), image_alt="Der Hafen")
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    CommentFactory(idea=idea)
    PollFactory()
    ContactPersonFactory(photo=ImageFactory())
    FundingProgrammeFactory()
    OrganisationFactory()
    AdministrativeServiceFactory()
    return {"measure": measure, "news": news, "idea": idea, "dialogue": dialogue, "topic_field": topic_field}
