"""HTML forms carry a one-time token: the same form sent twice is stored once, and the
second answer leads where the first did (participation/core/submissions.py)."""

import re
import uuid

import pytest

from django.urls import reverse

from participation.dialogues.forms import started_token
from participation.models import Comment, Idea, Support
from tests.participation.factories import IdeaFactory
from tests.participation.test_idea_views import create_url, idea_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(dialogue, topic_field):
    return IdeaFactory(dialogue=dialogue, topic_field=topic_field)


def token():
    return uuid.uuid4().hex


def comment_data(text, **extra):
    return {"text": text, "website": "", "form_started": started_token(), **extra}


def test_idea_page_forms_carry_a_fresh_token(citizen_client, idea):
    body = citizen_client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    tokens = re.findall(r'name="submission_token" value="([0-9a-f]{32})"', body)
    assert len(tokens) >= 2  # support and comment
    assert len(set(tokens)) == len(tokens)


def test_a_comment_sent_twice_is_stored_once(citizen_client, idea):
    data = comment_data("Bitte auch samstags öffnen.", submission_token=token())
    url = reverse("ideas:comment", args=[idea.pk])
    first = citizen_client.post(url, data)
    again = citizen_client.post(url, data, follow=True)
    assert first.status_code == 302
    assert again.redirect_chain[0][0] == first["Location"]
    assert "already sent" in again.content.decode() or "bereits gesendet" in again.content.decode()
    assert Comment.objects.filter(idea=idea, text="Bitte auch samstags öffnen.").count() == 1


def test_an_idea_sent_twice_is_one_idea(citizen_client, dialogue, topic_field):
    data = idea_data(topic_field, submission_token=token())
    first = citizen_client.post(create_url(dialogue), data)
    again = citizen_client.post(create_url(dialogue), data)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"]
    assert Idea.objects.filter(title="Mängelmelder für Radwege").count() == 1


def test_support_sent_twice_stays_given(citizen_client, citizen, idea):
    data = {"submission_token": token()}
    url = reverse("ideas:support", args=[idea.pk])
    citizen_client.post(url, data)
    citizen_client.post(url, data)
    assert Support.objects.filter(idea=idea, user=citizen).count() == 1


def test_without_a_token_each_form_is_its_own(citizen_client, idea):
    url = reverse("ideas:comment", args=[idea.pk])
    for _ in range(2):
        citizen_client.post(url, comment_data("Zweimal gedacht."))
    assert Comment.objects.filter(idea=idea, text="Zweimal gedacht.").count() == 2


@pytest.mark.parametrize("bad", ["", "x" * 32, "0" * 31, "0" * 33, "' OR 1=1 --", "ü" * 32])
def test_a_malformed_token_is_ignored_and_the_form_still_works(citizen_client, idea, bad):
    url = reverse("ideas:comment", args=[idea.pk])
    response = citizen_client.post(url, comment_data("Mit kaputtem Token.", submission_token=bad))
    assert response.status_code == 302
    assert Comment.objects.filter(idea=idea, text="Mit kaputtem Token.").count() == 1


def test_a_refused_form_is_not_remembered(citizen_client, idea):
    data = comment_data("", submission_token=token())
    url = reverse("ideas:comment", args=[idea.pk])
    assert citizen_client.post(url, data).status_code == 400
    data["text"] = "Jetzt mit Text."
    assert citizen_client.post(url, data).status_code == 302
    assert Comment.objects.filter(idea=idea, text="Jetzt mit Text.").count() == 1


def test_a_token_belongs_to_its_account(client, citizen, other_citizen, idea):
    data = comment_data("Gleicher Token, andere Person.", submission_token=token())
    url = reverse("ideas:comment", args=[idea.pk])
    for user in (citizen, other_citizen):
        client.force_login(user)
        client.post(url, data)
    assert Comment.objects.filter(idea=idea, text="Gleicher Token, andere Person.").count() == 2
