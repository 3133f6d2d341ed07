"""Template helpers of the city dialogues: the safe Markdown subset and a measure's origins."""

from django import template

from agenda.origins import origins_for
from participation.core import markdown

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
