"""The dialogue page and an idea page run a constant number of queries, whatever the volume."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from participation.models import Comment, Idea, Support
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def add_ideas(dialogue, topic_field, author, count, start=0):
    ideas = Idea.objects.bulk_create(
        Idea(dialogue=dialogue, topic_field=topic_field, author=author, title=f"Idee {start + n}", text="Text")
        for n in range(count)
    )
    Support.objects.bulk_create(Support(idea=idea, user=None) for idea in ideas[::3])
    Comment.objects.bulk_create(Comment(idea=idea, author=author, text="Kommentar") for idea in ideas[::4])
    return ideas


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("sort", ["newest", "supported", "discussed"])
def test_dialogue_page_queries_do_not_grow_with_ideas(citizen_client, citizen, dialogue, topic_field, sort):
    add_ideas(dialogue, topic_field, citizen, 10)
    url = f"{dialogue.url}?sort={sort}&topic={topic_field.pk}"
    count_queries(citizen_client, url)  # warm caches (site root paths, locales)
    few = count_queries(citizen_client, url)
    add_ideas(dialogue, topic_field, citizen, 990, start=10)
    many = count_queries(citizen_client, url)
    assert few == many


def test_idea_page_queries_do_not_grow_with_comments(citizen_client, dialogue, topic_field):
    authors = [UserFactory() for _ in range(5)]
    idea = Idea.objects.create(dialogue=dialogue, topic_field=topic_field, author=authors[0], title="Idee", text="Text")
    url = idea.get_absolute_url()
    count_queries(citizen_client, url)
    none = count_queries(citizen_client, url)
    parents = Comment.objects.bulk_create(
        Comment(idea=idea, author=authors[n % 5], text=f"Kommentar {n}") for n in range(100)
    )
    Comment.objects.bulk_create(
        Comment(idea=idea, parent=parent, author=authors[n % 5], text="Antwort") for n, parent in enumerate(parents)
    )
    many = count_queries(citizen_client, url)
    assert none == many
