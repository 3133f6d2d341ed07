"""Every public API list endpoint runs the same number of queries with few and with many objects."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import Comment, Idea, Support
from tests.accounts.factories import UserFactory
from tests.agenda.factories import MeasurePageFactory
from tests.factories import ContactPersonFactory, ContentPageFactory, ImageFactory, publish
from tests.participation.poll_factories import PollFactory
from tests.projects.factories import (
    AdministrativeServiceFactory,
    FundingProgrammeFactory,
    OrganisationFactory,
    ProjectIndexPageFactory,
    build_project,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), len(response.json()["items"])


def assert_constant(client, url, add, few=2, many=12):
    add(few)
    client.get(url)  # warm caches (site root paths, locales, renditions)
    queries_few, items_few = count_queries(client, url)
    add(many - few)
    queries_many, items_many = count_queries(client, url)
    assert (items_few, items_many) == (few, many)
    assert queries_few == queries_many


def test_pages_listing(client, home):
    def add(count):
        for _ in range(count):
            ContentPageFactory(parent=home)

    assert_constant(client, "/api/v2/pages/?type=website.ContentPage&limit=100", add)


def test_pages_listing_with_translations_and_intro(client, home):
    def add(count):
        for _ in range(count):
            ContentPageFactory(parent=home)

    assert_constant(client, "/api/v2/pages/?type=website.ContentPage&fields=intro,last_published_at&limit=100", add)


def test_measures_listing(client, topic_field):
    def add(count):
        for _ in range(count):
            publish(MeasurePageFactory(parent=topic_field))

    assert_constant(client, "/api/v2/measures/?limit=100&fields=percent_done,project_links", add)


def test_projects_listing(client, home):
    index = ProjectIndexPageFactory(parent=home)

    def add(count):
        for _ in range(count):
            build_project(index, funding=[FundingProgrammeFactory()], partners=[OrganisationFactory()], milestones=2)

    assert_constant(client, "/api/v2/projects/?limit=100&fields=funding,partners,milestones", add)


@pytest.mark.parametrize(
    ("endpoint", "factory"),
    [
        ("ozg-services", AdministrativeServiceFactory),
        ("contacts", lambda: ContactPersonFactory(photo=ImageFactory())),
        ("funding-programmes", FundingProgrammeFactory),
        ("partners", OrganisationFactory),
        ("images", ImageFactory),
    ],
)
def test_snippet_listings(client, home, endpoint, factory):
    def add(count):
        for _ in range(count):
            factory()

    assert_constant(client, f"/api/v2/{endpoint}/?limit=100", add)


def test_polls_listing(client, home):
    def add(count):
        for _ in range(count):
            PollFactory()

    assert_constant(client, "/api/v1/polls/?limit=100", add)


def test_dialogue_ideas_listing_with_images_supports_and_measures(client, dialogue, topic_field):
    author = UserFactory()
    image = ImageFactory()
    measure = publish(MeasurePageFactory(parent=topic_field))

    def add(count):
        ideas = Idea.objects.bulk_create(
            Idea(
                dialogue=dialogue,
                topic_field=topic_field,
                author=author,
                title="Idee",
                text="Text",
                image=image,
                image_alt="Bild",
            )
            for _ in range(count)
        )
        Support.objects.bulk_create(Support(idea=idea, user=None) for idea in ideas)
        Comment.objects.bulk_create(Comment(idea=idea, author=author, text="Kommentar") for idea in ideas)
        Idea.measures.through.objects.bulk_create(
            Idea.measures.through(idea_id=idea.pk, measurepage_id=measure.pk) for idea in ideas
        )

    assert_constant(client, f"/api/v1/dialogues/{dialogue.pk}/ideas/?limit=100", add)


def test_idea_comments_listing(client, dialogue, topic_field):
    author = UserFactory()
    idea = Idea.objects.create(dialogue=dialogue, topic_field=topic_field, author=author, title="Idee", text="Text")

    def add(count):
        Comment.objects.bulk_create(
            Comment(idea=idea, author=UserFactory(), text=f"Kommentar {n}") for n in range(count)
        )

    assert_constant(client, f"/api/v1/ideas/{idea.pk}/comments/?limit=100", add)
