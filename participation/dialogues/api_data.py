"""The JSON shape of a dialogue, an idea (with its linked measures) and a comment, as the
`/api/v1/` answers carry them. Hidden ideas and comments keep only their id (and status), so
a thread keeps its shape without showing what moderation removed."""

from participation.dialogues.views.pages import topic_field_choices
from website.blocks import image_api_representation


def dialogue_data(page, request):
    source = page.source_page()
    return {
        "id": page.pk,
        "source_id": source.pk,
        "locale": page.locale.language_code,
        "title": page.title,
        "intro": page.intro,
        "url": page.get_full_url(request),
        "phase": source.phase,
        "phase_label": str(source.get_phase_display()),
        "ideas_from": source.ideas_from,
        "ideas_until": source.ideas_until,
        "support_until": source.support_until,
        "evaluation_until": source.evaluation_until,
        "accepts_ideas": source.accepts_ideas(),
        "accepts_comments_and_support": source.accepts_interaction(),
        "topic_fields": [{"id": pk, "title": title} for pk, title, _obj in topic_field_choices(source)],
    }


def measure_data(measure):
    return {
        "id": measure.pk,
        "title": measure.title,
        "status": measure.status,
        "status_label": str(measure.get_status_display()),
        "percent_done": measure.percent_done,
        "published": measure.live,
    }


def idea_data(idea, measures=None):
    if idea.is_hidden:
        return {"id": idea.pk, "hidden": True, "status": idea.status}
    data = {
        "id": idea.pk,
        "hidden": False,
        "dialogue_id": idea.dialogue_id,
        "title": idea.title,
        "text": idea.text,
        "topic_field_id": idea.topic_field_id,
        "author": idea.author_name(),
        "organisation": idea.organisation.name if idea.organisation_id else None,
        "status": idea.status,
        "status_label": str(idea.get_status_display()),
        "status_reason": idea.status_reason,
        "official_answer": idea.official_answer or None,
        "answered_at": idea.answered_at,
        "image": image_api_representation(idea.image) if idea.image_id else None,
        "image_alt": idea.image_alt if idea.image_id else "",
        "address": idea.address,
        "latitude": idea.latitude,
        "longitude": idea.longitude,
        "support_count": getattr(idea, "support_count", None),
        "comment_count": getattr(idea, "comment_count", None),
        "created_at": idea.created_at,
    }
    if measures is not None:
        data["measures"] = [measure_data(measure) for measure in measures]
    return data


def comment_data(comment):
    if comment.is_hidden:
        return {"id": comment.pk, "parent_id": comment.parent_id, "hidden": True}
    return {
        "id": comment.pk,
        "parent_id": comment.parent_id,
        "hidden": False,
        "text": comment.text,
        "author": comment.author_name(),
        "organisation": comment.organisation.name if comment.organisation_id else None,
        "official": comment.is_official,
        "created_at": comment.created_at,
    }
