import pytest

from tests.factories import publish
from tests.projects.factories import ProjectIndexPageFactory


@pytest.fixture
def portfolio(home):
    return publish(ProjectIndexPageFactory(parent=home))
