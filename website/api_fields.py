"""Serializer fields of the headless API v2 used in `api_fields` (no view imports: no cycles)."""

from rest_framework.fields import Field

from website.blocks import image_api_representation


class ImageRenditionsField(Field):
    """An image with its renditions in several sizes (thumbnail, small, medium, large), or null."""

    def to_representation(self, image):
        return image_api_representation(image)


class TranslationsField(Field):
    """The same page in the other languages: live, public translations with their API and HTML URLs."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        from wagtail.api.v2.utils import get_full_url

        request = self.context.get("request")
        translations = (
            page.get_translations().live().public().select_related("locale").order_by("locale__language_code")
        )
        return [
            {
                "id": translation.pk,
                "locale": translation.locale.language_code,
                "title": translation.title,
                "detail_url": get_full_url(request, f"/api/v2/pages/{translation.pk}/") if request else None,
                "html_url": translation.get_full_url(request),
            }
            for translation in translations
        ]
