"""Site-wide StreamField blocks: alt-text rule for images, and every block renders."""

import datetime

import pytest
from bs4 import BeautifulSoup

from wagtail.blocks import StructBlockValidationError
from wagtail.rich_text import RichText

from tests.factories import ContactPersonFactory, ImageFactory
from website.blocks import BaseStreamBlock, ImageBlock


def image_value(image, alt_text="", decorative=False):
    return ImageBlock().to_python(
        {"image": image.pk, "alt_text": alt_text, "decorative": decorative, "caption": "", "credit": ""}
    )


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_image_without_alt_text_and_not_decorative_is_invalid(db, alt_text):
    block = ImageBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(image_value(ImageFactory(), alt_text=alt_text))
    assert "alt_text" in error.value.block_errors


def test_decorative_image_needs_no_alt_text(db):
    value = ImageBlock().clean(image_value(ImageFactory(), decorative=True))

    assert value["decorative"] is True


def test_decorative_image_renders_an_empty_alt(db):
    html = ImageBlock().render(image_value(ImageFactory(), alt_text="ignored", decorative=True))

    assert BeautifulSoup(html, "html.parser").img["alt"] == ""


def test_informative_image_renders_its_alt_text(db):
    html = ImageBlock().render(image_value(ImageFactory(), alt_text="Die Förde bei Sonnenaufgang"))

    assert BeautifulSoup(html, "html.parser").img["alt"] == "Die Förde bei Sonnenaufgang"


def test_image_api_representation_hides_alt_text_of_decorative_images(db):
    value = ImageBlock().get_api_representation(image_value(ImageFactory(), alt_text="x", decorative=True))

    assert value["alt_text"] == ""
    assert value["decorative"] is True


def sample_values():
    return {
        "heading": ({"text": "Themenfelder", "level": "h3"}, "<h3>Themenfelder</h3>"),
        "paragraph": (RichText("<p>Digitale Teilhabe für alle.</p>"), "Digitale Teilhabe für alle."),
        "quote": ({"quote": "Genutzt wird, was gebraucht wird.", "attribution": "Bürgerdialog"}, "<blockquote>"),
        "call_to_action": (
            {
                "title": "Mitmachen",
                "text": "",
                "link_text": "Zum Dialog",
                "target": {"page": None, "url": "https://example.org/"},
            },
            'href="https://example.org/"',
        ),
        "faq": (
            {
                "title": "Fragen",
                "items": [{"question": "Was ist eine Digitale Agenda?", "answer": RichText("<p>Ein Plan.</p>")}],
            },
            "<summary>Was ist eine Digitale Agenda?</summary>",
        ),
        "timeline": (
            {
                "title": "Zeitplan",
                "steps": [
                    {"date_label": "Mitte 2021", "date": datetime.date(2021, 7, 15), "title": "Auswahl", "text": ""}
                ],
            },
            'datetime="2021-07-15"',
        ),
        "key_figures": (
            {"title": "", "figures": [{"value": "28 von 94", "label": "Bewerbungen ausgewählt"}]},
            "<dd>28 von 94</dd>",
        ),
    }


@pytest.mark.parametrize("block_name", list(sample_values()))
def test_block_renders_with_its_template(db, block_name):
    value, expected = sample_values()[block_name]
    block = BaseStreamBlock().child_blocks[block_name]

    html = block.render(block.to_python(block.get_prep_value(value)) if block_name != "paragraph" else value)

    assert expected in html


def test_contact_person_block_renders_the_person(db):
    block = BaseStreamBlock().child_blocks["contact_person"]
    person = ContactPersonFactory(name="Jens Hansen")

    html = block.render(block.to_python({"person": person.pk, "heading": "Ansprechpartner"}))

    assert "Jens Hansen" in html and "<h2>Ansprechpartner</h2>" in html
