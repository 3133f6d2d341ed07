"""Posting an idea with a photo through the API: multipart, alt text required, the site's image checks."""

import io
import os

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile

from participation.models import Idea

pytestmark = pytest.mark.django_db


def png(width=40, height=30, noise=False):
    buffer = io.BytesIO()
    if noise:
        image = PILImage.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = PILImage.new("RGB", (width, height), "#2a6f97")
    image.save(buffer, format="PNG", compress_level=0 if noise else 6)
    return buffer.getvalue()


def post(client, dialogue, topic_field, **fields):
    data = {"title": "Sitzbänke am Hafen", "text": "Mit Schatten.", "topic_field": topic_field.pk, **fields}
    return client.post(f"/api/v1/dialogues/{dialogue.pk}/ideas/", data)  # multipart by default


def upload(content, name="hafen.png"):
    return SimpleUploadedFile(name, content, content_type="image/png")


def test_idea_with_photo_and_alt_text_is_created_with_renditions(citizen_client, dialogue, topic_field):
    response = post(citizen_client, dialogue, topic_field, image=upload(png()), image_alt="Bänke am Wasser")

    assert response.status_code == 201, response.json()
    idea = Idea.objects.get()
    assert idea.image is not None
    assert idea.image_alt == "Bänke am Wasser"
    data = response.json()
    assert data["image_alt"] == "Bänke am Wasser"
    assert set(data["image"]["renditions"]) == {"thumbnail", "small", "medium", "large"}


def test_idea_without_photo_still_works_as_multipart(citizen_client, dialogue, topic_field):
    response = post(citizen_client, dialogue, topic_field)

    assert response.status_code == 201
    assert Idea.objects.get().image is None


@pytest.mark.parametrize("alt", ["", "   "])
def test_photo_without_alt_text_is_refused(citizen_client, dialogue, topic_field, alt):
    response = post(citizen_client, dialogue, topic_field, image=upload(png()), image_alt=alt)

    assert response.status_code == 400
    assert "image_alt" in response.json()
    assert response.json()["message"]
    assert not Idea.objects.exists()


def test_file_that_is_not_an_image_is_refused(citizen_client, dialogue, topic_field):
    response = post(citizen_client, dialogue, topic_field, image=upload(b"<?php echo 1; ?>"), image_alt="Bild")

    assert response.status_code == 400
    assert list(response.json()) == ["message", "image"]
    assert not Idea.objects.exists()


def test_svg_with_script_is_refused(citizen_client, dialogue, topic_field):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    image = SimpleUploadedFile("x.svg", svg, content_type="image/svg+xml")

    response = post(citizen_client, dialogue, topic_field, image=image, image_alt="Bild")

    assert response.status_code == 400
    assert "image" in response.json()
    assert not Idea.objects.exists()


def test_decompression_bomb_is_refused(citizen_client, dialogue, topic_field):
    buffer = io.BytesIO()
    PILImage.new("1", (20000, 20000)).save(buffer, format="PNG")  # 400 million pixels in a few kB

    response = post(citizen_client, dialogue, topic_field, image=upload(buffer.getvalue()), image_alt="Bild")

    assert response.status_code == 400
    assert "image" in response.json()
    assert not Idea.objects.exists()


def test_oversized_file_is_refused(citizen_client, dialogue, topic_field):
    big = png(2000, 1900, noise=True)
    assert len(big) > 10 * 1024 * 1024

    response = post(citizen_client, dialogue, topic_field, image=upload(big), image_alt="Bild")

    assert response.status_code == 400
    assert "image" in response.json()
    assert not Idea.objects.exists()


def test_empty_file_is_refused(citizen_client, dialogue, topic_field):
    response = post(citizen_client, dialogue, topic_field, image=upload(b""), image_alt="Bild")

    assert response.status_code == 400
    assert "image" in response.json()


def test_image_field_with_text_instead_of_file_is_refused(citizen_client, dialogue, topic_field):
    response = citizen_client.post(
        f"/api/v1/dialogues/{dialogue.pk}/ideas/",
        {"title": "x", "text": "y", "topic_field": topic_field.pk, "image": "not a file", "image_alt": "Bild"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "image" in response.json()
    assert not Idea.objects.exists()


def test_anonymous_upload_is_refused(client, dialogue, topic_field):
    response = post(client, dialogue, topic_field, image=upload(png()), image_alt="Bild")

    assert response.status_code == 403
    assert not Idea.objects.exists()
