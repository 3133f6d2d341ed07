"""Template helpers of the city dialogues: the safe Markdown subset and a measure's origins."""

import uuid

from django import template
from django.utils.html import format_html

from agenda.origins import origins_for
from participation.core import markdown, submissions

register = template.Library()


@register.filter
def idea_markdown(text):
    """Render citizen text with the tiny safe Markdown subset (escaped first)."""
    return markdown.render(text)


@register.filter
def idea_excerpt(text, length=240):
    return markdown.plain_excerpt(text, int(length))


@register.inclusion_tag("participation/includes/measure_origins_list.html", takes_context=True)
def measure_origins(context, measure):
    """Every kind of origin of a measure (ideas, group results, survey findings), one query per kind."""
    request = context.get("request")
    return {"origins": origins_for(measure, request), "request": request, "measure": measure}


@register.simple_tag
def submission_token():
    """A one-time token: the form it is in is stored once, however often it is sent."""
    return format_html('<input type="hidden" name="{}" value="{}">', submissions.FIELD, uuid.uuid4().hex)
