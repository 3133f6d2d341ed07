"""Public idea views: create, edit, comment, support, flag — and what must be refused."""

import datetime
import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from participation.dialogues.forms import started_token
from participation.models import Comment, Flag, Idea, IdeaRevision, IdeaStatus, Phase, Support
from tests.accounts.factories import OrganisationMembershipFactory
from tests.participation.factories import CommentFactory, IdeaFactory

pytestmark = pytest.mark.django_db


def idea_data(topic_field, **overrides):
    data = {
        "title": "Mängelmelder für Radwege",
        "text": "Schlaglöcher per App melden, mit Foto und Ort.",
        "topic_field": str(topic_field.pk),
        "website": "",
        "form_started": started_token(),
    }
    data.update(overrides)
    return data


def png_bytes(width=40, height=30):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#2a6f97").save(buffer, format="PNG")
    return buffer.getvalue()


def create_url(dialogue):
    return reverse("ideas:create", args=[dialogue.pk])


def close(dialogue, phase=Phase.CLOSED):
    dialogue.phase_override = phase
    dialogue.save_revision().publish()


# --- create ---------------------------------------------------------------------------------


def test_citizen_posts_an_idea(citizen_client, citizen, dialogue, topic_field):
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field))
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == idea.get_absolute_url()
    assert (idea.author, idea.dialogue_id, idea.topic_field, idea.is_approved) == (
        citizen,
        dialogue.pk,
        topic_field,
        True,
    )


def test_anonymous_is_sent_to_login_for_the_idea_form(client, dialogue):
    response = client.get(create_url(dialogue))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_idea_with_photo_and_alt_text_is_stored(citizen_client, dialogue, topic_field):
    upload = SimpleUploadedFile("hafen.png", png_bytes(), content_type="image/png")
    data = idea_data(topic_field, image=upload, image_alt="Ein Schlagloch am Hafendamm")
    response = citizen_client.post(create_url(dialogue), data)
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.image is not None
    assert idea.image_alt == "Ein Schlagloch am Hafendamm"


def test_photo_without_alt_text_is_refused(citizen_client, dialogue, topic_field):
    upload = SimpleUploadedFile("hafen.png", png_bytes(), content_type="image/png")
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field, image=upload))
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_file_that_is_not_an_image_is_refused(citizen_client, dialogue, topic_field):
    upload = SimpleUploadedFile("hafen.png", b"<?php echo 'no image'; ?>", content_type="image/png")
    data = idea_data(topic_field, image=upload, image_alt="Bild")
    response = citizen_client.post(create_url(dialogue), data)
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_decompression_bomb_is_refused(citizen_client, dialogue, topic_field):
    # A tiny PNG claiming 20000 × 20000 pixels (400 million) — far beyond the citizen limit.
    buffer = io.BytesIO()
    PILImage.new("1", (20000, 20000)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")
    data = idea_data(topic_field, image=upload, image_alt="Bild")
    response = citizen_client.post(create_url(dialogue), data)
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_oversized_text_is_refused(citizen_client, dialogue, topic_field):
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field, text="x" * 5001))
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_html_is_stored_as_text_and_rendered_escaped(citizen_client, client, dialogue, topic_field):
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> **fett**'
    citizen_client.post(create_url(dialogue), idea_data(topic_field, title="<b>Titel</b>", text=hostile))
    idea = Idea.objects.get()
    assert idea.text == hostile
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;Titel&lt;/b&gt;" in html
    assert "<strong>fett</strong>" in html


def test_honeypot_filled_is_refused(citizen_client, dialogue, topic_field):
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field, website="http://spam.example"))
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_form_sent_too_fast_is_refused(citizen_client, dialogue, topic_field, settings):
    settings.PARTICIPATION_MIN_FILL_SECONDS = 5
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field))
    assert response.status_code == 400
    assert "Das ging sehr schnell." in response.content.decode()
    assert not Idea.objects.exists()


def test_form_with_forged_start_time_is_refused(citizen_client, dialogue, topic_field):
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field, form_started="1:forged"))
    assert response.status_code == 400
    assert not Idea.objects.exists()


@pytest.mark.parametrize("phase", [Phase.ANNOUNCED, Phase.COMMENTING, Phase.EVALUATION, Phase.CLOSED])
def test_idea_outside_collecting_phase_is_refused(citizen_client, dialogue, topic_field, phase):
    close(dialogue, phase)
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field))
    assert response.status_code == 403
    assert not Idea.objects.exists()


def test_topic_field_outside_the_dialogue_is_refused(citizen_client, dialogue, home):
    from tests.agenda.factories import build_topic_field

    foreign = build_topic_field(home, title="Umwelt")
    response = citizen_client.post(create_url(dialogue), idea_data(foreign))
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_unconfirmed_organisation_cannot_be_used(citizen_client, citizen, dialogue, topic_field):
    membership = OrganisationMembershipFactory(user=citizen, confirmed=False)
    data = idea_data(topic_field, organisation=str(membership.organisation_id))
    response = citizen_client.post(create_url(dialogue), data)
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_confirmed_organisation_is_stored(citizen_client, citizen, dialogue, topic_field):
    membership = OrganisationMembershipFactory(user=citizen, confirmed=True)
    data = idea_data(topic_field, organisation=str(membership.organisation_id))
    assert citizen_client.post(create_url(dialogue), data).status_code == 302
    assert Idea.objects.get().organisation == membership.organisation


def test_coordinates_out_of_range_are_refused(citizen_client, dialogue, topic_field):
    response = citizen_client.post(create_url(dialogue), idea_data(topic_field, latitude="91", longitude="9.4"))
    assert response.status_code == 400
    assert not Idea.objects.exists()


def test_pre_moderated_idea_is_not_public_until_approved(citizen_client, dialogue, topic_field):
    dialogue.pre_moderation = True
    dialogue.save_revision().publish()
    citizen_client.post(create_url(dialogue), idea_data(topic_field))
    idea = Idea.objects.get()
    assert not idea.is_approved
    assert citizen_client.get(idea.get_absolute_url()).status_code == 200
    assert Client().get(idea.get_absolute_url()).status_code == 404


def test_rate_limit_stops_a_flood_of_ideas(citizen_client, dialogue, topic_field, settings):
    settings.PARTICIPATION_RATE_LIMITS = {"idea": {"per_user": (2, 3600)}}
    for number in range(3):
        response = citizen_client.post(create_url(dialogue), idea_data(topic_field, title=f"Idee {number}"))
    assert response.status_code == 400
    assert "Bitte warten Sie einige Minuten" in response.content.decode()
    assert Idea.objects.count() == 2


# --- edit -------------------------------------------------------------------------------------


def edit(client, idea, **data):
    payload = {"title": idea.title, "text": idea.text, "website": "", "form_started": started_token(), **data}
    return client.post(reverse("ideas:edit", args=[idea.pk]), payload)


def test_author_edits_a_new_idea_and_history_keeps_the_old_text(citizen_client, citizen, dialogue):
    idea = IdeaFactory(dialogue=dialogue, author=citizen, text="Alter Text")
    response = edit(citizen_client, idea, text="Neuer Text")
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.text == "Neuer Text"
    assert IdeaRevision.objects.get(idea=idea).text == "Alter Text"


def test_author_cannot_edit_after_review_started(citizen_client, citizen, dialogue):
    idea = IdeaFactory(dialogue=dialogue, author=citizen, text="Alter Text", status=IdeaStatus.UNDER_REVIEW)
    edit(citizen_client, idea, text="Neuer Text")
    idea.refresh_from_db()
    assert idea.text == "Alter Text"
    assert not IdeaRevision.objects.exists()


def test_editing_someone_elses_idea_is_forbidden(citizen_client, other_citizen, dialogue):
    idea = IdeaFactory(dialogue=dialogue, author=other_citizen, text="Original")
    response = edit(citizen_client, idea, text="Gekapert")
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.text == "Original"


# --- comments -----------------------------------------------------------------------------------


def comment(client, idea, **data):
    payload = {"text": "Finde ich gut.", "website": "", "form_started": started_token(), **data}
    return client.post(reverse("ideas:comment", args=[idea.pk]), payload)


def test_citizen_comments_and_replies(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    assert comment(citizen_client, idea).status_code == 302
    parent = Comment.objects.get()
    assert comment(citizen_client, idea, parent=str(parent.pk), text="Antwort").status_code == 302
    assert Comment.objects.get(text="Antwort").parent == parent


def test_reply_to_a_reply_is_refused(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    parent = CommentFactory(idea=idea)
    reply = CommentFactory(idea=idea, parent=parent)
    response = comment(citizen_client, idea, parent=str(reply.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 2


def test_comment_in_closed_dialogue_is_refused(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    close(dialogue)
    response = comment(citizen_client, idea)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_oversized_comment_is_refused(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    assert comment(citizen_client, idea, text="x" * 2001).status_code == 400
    assert not Comment.objects.exists()


def test_comment_html_is_rendered_escaped(citizen_client, client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    comment(citizen_client, idea, text="<script>alert(1)</script>")
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_anonymous_comment_goes_to_login(client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    response = comment(client, idea)
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_comment_without_csrf_token_is_refused(citizen, dialogue):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(citizen)
    response = comment(strict, IdeaFactory(dialogue=dialogue))
    assert response.status_code == 403
    assert not Comment.objects.exists()


# --- support ----------------------------------------------------------------------------------


def support(client, idea, action="support"):
    return client.post(reverse("ideas:support", args=[idea.pk]), {"action": action})


def test_support_and_withdraw(citizen_client, citizen, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    support(citizen_client, idea)
    assert Support.objects.filter(idea=idea, user=citizen).exists()
    support(citizen_client, idea, "withdraw")
    assert not Support.objects.exists()


def test_second_support_is_refused_with_a_message(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    support(citizen_client, idea)
    response = support(citizen_client, idea)
    assert Support.objects.count() == 1
    page = citizen_client.get(response["Location"]).content.decode()
    assert "Sie unterstützen diese Idee bereits." in page


def test_support_in_evaluation_is_refused(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    close(dialogue, Phase.EVALUATION)
    support(citizen_client, idea)
    assert not Support.objects.exists()


def test_hidden_idea_cannot_be_supported(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue, is_hidden=True, hidden_reason="Werbung")
    assert support(citizen_client, idea).status_code == 404
    assert not Support.objects.exists()


def test_support_needs_post(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    assert citizen_client.get(reverse("ideas:support", args=[idea.pk])).status_code == 405


# --- flags --------------------------------------------------------------------------------------


def test_citizen_reports_a_comment(citizen_client, dialogue):
    target = CommentFactory(idea=IdeaFactory(dialogue=dialogue))
    response = citizen_client.post(
        reverse("ideas:comment_flag", args=[target.pk]), {"reason": "abuse", "text": "beleidigend"}
    )
    assert response.status_code == 302
    assert Flag.objects.get().comment == target


def test_reporting_twice_is_refused(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    url = reverse("ideas:flag", args=[idea.pk])
    citizen_client.post(url, {"reason": "spam"})
    response = citizen_client.post(url, {"reason": "spam"})
    assert response.status_code == 400
    assert Flag.objects.count() == 1


def test_unknown_flag_reason_is_refused(citizen_client, dialogue):
    idea = IdeaFactory(dialogue=dialogue)
    response = citizen_client.post(reverse("ideas:flag", args=[idea.pk]), {"reason": "<script>"})
    assert response.status_code == 400
    assert not Flag.objects.exists()


# --- detail -------------------------------------------------------------------------------------


def test_hidden_idea_shows_a_placeholder_to_the_public(client, dialogue):
    idea = IdeaFactory(dialogue=dialogue, title="Geheimer Titel", is_hidden=True, hidden_reason="Werbung")
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "Geheimer Titel" not in html
    assert "von der Moderation ausgeblendet" in html


def test_hidden_idea_shows_the_reason_to_its_author(citizen_client, citizen, dialogue):
    idea = IdeaFactory(dialogue=dialogue, author=citizen, is_hidden=True, hidden_reason="Werbung für ein Café")
    html = citizen_client.get(idea.get_absolute_url()).content.decode()
    assert "Werbung für ein Café" in html


def test_unknown_idea_is_404(client, db):
    assert client.get(reverse("ideas:detail", args=[999999])).status_code == 404


def test_event_ical_download(client, dialogue):
    from tests.participation.factories import DialogueEventFactory

    event = DialogueEventFactory(page=dialogue, starts_at=datetime.datetime(2026, 12, 3, 17, 0, tzinfo=datetime.UTC))
    response = client.get(reverse("ideas:event_ical", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "DTSTART:20261203T170000Z" in body
    assert "SUMMARY:Bürgerwerkstatt im Rathaus" in body


def test_an_untranslated_measure_on_a_danish_idea_page_is_marked_as_german(client, dialogue, topic_field):
    from tests.agenda.factories import MeasurePageFactory
    from tests.factories import publish

    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
    measure = publish(MeasurePageFactory(parent=topic_field, title="Sperrmüll digital anmelden"))
    idea.measures.add(measure)

    danish = client.get(f"/da/ideas/{idea.pk}/").content.decode()
    german = client.get(f"/de/ideas/{idea.pk}/").content.decode()

    assert 'lang="de" hreflang="de">Sperrmüll digital anmelden</a>' in danish
    assert 'hreflang="de">Sperrmüll' not in german and ">Sperrmüll digital anmelden</a>" in german


def test_the_photo_help_text_follows_the_visitors_language(citizen_client, dialogue):
    danish = citizen_client.get("/da" + create_url(dialogue)[3:]).content.decode()
    german = citizen_client.get("/de" + create_url(dialogue)[3:]).content.decode()

    assert "JPEG, PNG, GIF eller WebP, højst 10 MB." in danish
    assert "Unterstützte Dateiformate" not in danish
    assert "JPEG, PNG, GIF oder WebP" in german


def test_an_idea_written_in_danish_is_marked_as_danish_on_german_pages(client, dialogue, topic_field):
    idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field, title="Storskrald online", language="da")

    german = client.get(f"/de/ideas/{idea.pk}/").content.decode()
    danish = client.get(f"/da/ideas/{idea.pk}/").content.decode()
    german_dialogue = client.get(dialogue.url).content.decode()

    assert '<h1 lang="da">Storskrald online</h1>' in german
    assert '<div class="prose idea__text" lang="da">' in german
    assert "<h1>Storskrald online</h1>" in danish
    assert f'href="/de/ideas/{idea.pk}/" lang="da">Storskrald online</a>' in german_dialogue
