"""Template helpers of the city dialogues: the safe Markdown subset and a measure's origins."""

from django import template

from participation import markdown

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
    """The ideas a measure came from, with their support counts, in one query."""
    from participation.models import Idea

    source = measure.source_page() if hasattr(measure, "source_page") else measure
    ideas = list(
        Idea.objects.filter(measures=source)
        .visible()
        .with_counts()
        .select_related("dialogue")
        .order_by("-support_count", "-created_at")
    )
    return {"ideas": ideas, "request": context.get("request")}
