"""StreamField blocks of the participation app.

`website.blocks.BaseStreamBlock` includes `PollBlock`; this module therefore must
not import `website` (and imports models only lazily) to stay free of import cycles.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class PollBlock(blocks.StructBlock):
    poll = SnippetChooserBlock("participation.Poll", label=_("Poll"))

    class Meta:
        icon = "list-ul"
        label = _("Poll")
        template = "participation/blocks/poll_block.html"

    def get_context(self, value, parent_context=None):
        from participation.views.polls import poll_context

        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        poll = value.get("poll")
        if request is not None and poll is not None:
            context.update(poll_context(request, poll))
        return context

    def get_api_representation(self, value, context=None):
        from django.urls import reverse

        poll = value.get("poll")
        if poll is None:
            return {"poll": None}
        return {
            "poll": {"id": poll.pk, "question": poll.question, "api_url": reverse("polls-api-detail", args=[poll.pk])}
        }
