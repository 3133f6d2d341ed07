"""Site-wide StreamField blocks.

Every block has its own template in `templates/website/blocks/` and, where the
headless API needs more than the stored value (renditions, page URLs), its own
`get_api_representation`.

Blocks that show another app's data (the poll block) name its model by string and take
their template context from a provider the owning app registers in its
``AppConfig.ready()`` (``register_block_context``), so this module imports no app above
``website`` and the block's import path stays the one the migrations were written with.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

IMAGE_RENDITIONS = {
    "thumbnail": "fill-320x240",
    "small": "max-480x480",
    "medium": "max-960x960",
    "large": "max-1600x1600",
}


def image_api_representation(image):
    """Image as the headless API sends it: id, title, alt text and renditions."""
    if image is None:
        return None
    renditions = image.get_renditions(*IMAGE_RENDITIONS.values())
    return {
        "id": image.pk,
        "title": image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {
            size: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for size, spec in IMAGE_RENDITIONS.items()
        },
    }


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("Use levels in order; the page title is the only level 1 heading."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "website/blocks/heading_block.html"
        preview_value = {"text": "Was ist eine Digitale Agenda?", "level": "h2"}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "website/blocks/rich_text_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Purely decorative"),
        required=False,
        help_text=_("Tick only if the image carries no information; screen readers then skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "website/blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [ValidationError(_("Alternative text is required unless the image is decorative."))]
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "image": image_api_representation(value.get("image")),
            "alt_text": "" if value.get("decorative") else value.get("alt_text"),
            "decorative": bool(value.get("decorative")),
            "caption": value.get("caption"),
            "credit": value.get("credit"),
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "website/blocks/quote_block.html"
        preview_value = {"quote": "Genutzt wird nur, was auch gebraucht wird.", "attribution": ""}


class LinkTargetBlock(blocks.StructBlock):
    """A link to a page of this site or to an external address."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link target")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(_("Choose either a page or an external address."))])}
            )
        return value

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "page": page.pk if page else None,
            "url": page.url if page else value.get("url"),
        }


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)
    target = LinkTargetBlock(label=_("Link target"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "website/blocks/call_to_action_block.html"


class FaqItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = RichTextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    items = blocks.ListBlock(FaqItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "website/blocks/faq_block.html"


class TimelineStepBlock(blocks.StructBlock):
    date_label = blocks.CharBlock(label=_("When"), max_length=60, help_text=_('For example "Mid-2021" or "Q3 2021".'))
    date = blocks.DateBlock(label=_("Date"), required=False, help_text=_("Used to mark the current step."))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "date"
        label = _("Step")


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    steps = blocks.ListBlock(TimelineStepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Timeline")
        template = "website/blocks/timeline_block.html"


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=40, help_text=_('For example "100.000 €" or "28 of 94".'))
    label = blocks.CharBlock(label=_("Label"), max_length=200)

    class Meta:
        icon = "order"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "website/blocks/key_figures_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "website/blocks/document_link_block.html"

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        return {
            "document": document.pk if document else None,
            "title": value.get("title") or (document.title if document else ""),
            "url": document.url if document else None,
            "file_extension": document.file_extension if document else None,
        }


class ContactPersonBlock(blocks.StructBlock):
    person = SnippetChooserBlock("website.ContactPerson", label=_("Contact person"))
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)

    class Meta:
        icon = "user"
        label = _("Contact person")
        template = "website/blocks/contact_person_block.html"

    def get_api_representation(self, value, context=None):
        person = value.get("person")
        return {
            "heading": value.get("heading"),
            "person": person.api_representation() if person else None,
        }


#: Block name → ``provider(request, value) -> dict`` added to the block's template context.
_block_contexts: dict[str, Callable] = {}


def register_block_context(block_name, provider):
    """Let the app that owns a block's data fill its template context (called from ``ready()``)."""
    _block_contexts[block_name] = provider


class PollBlock(blocks.StructBlock):
    """A poll of the participation app; ``participation`` registers what its template needs."""

    poll = SnippetChooserBlock("participation.Poll", label=_("Poll"))

    class Meta:
        icon = "list-ul"
        label = _("Poll")
        template = "participation/blocks/poll_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        provider = _block_contexts.get("poll")
        if request is not None and value.get("poll") is not None and provider is not None:
            context.update(provider(request, value))
        return context

    def get_api_representation(self, value, context=None):
        poll = value.get("poll")
        if poll is None:
            return {"poll": None}
        return {
            "poll": {"id": poll.pk, "question": poll.question, "api_url": reverse("polls-api-detail", args=[poll.pk])}
        }


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FaqBlock()
    timeline = TimelineBlock()
    key_figures = KeyFiguresBlock()
    document = DocumentLinkBlock()
    contact_person = ContactPersonBlock()
    poll = PollBlock()


class FeaturedSectionBlock(blocks.StructBlock):
    """A teaser on the home page pointing at a section of the site."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400)
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "pick"
        label = _("Featured section")
        template = "website/blocks/featured_section_block.html"

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "title": value.get("title"),
            "text": value.get("text"),
            "page": {"id": page.pk, "title": page.title, "url": page.url} if page else None,
        }
