"""Participation datasets: aggregated figures only, never personal data."""

from django.db.models import Count, Max, Min
from django.utils import timezone

from agenda.models import TopicFieldPage
from participation.models import CityDialoguePage, Comment, Idea, IdeaStatus, Poll, PollBallot, Support

from .base import _in_language, _latest, _translations

# ---------------------------------------------------------------------------
# Participation (aggregates only)
# ---------------------------------------------------------------------------


def _participation_columns():
    return (
        "dialogue_id",
        "dialogue_title",
        "dialogue_url",
        "ideas_from",
        "evaluation_until",
        "topic_field_id",
        "topic_field_title",
        "ideas_total",
        *(f"ideas_{value}" for value in IdeaStatus.values),
        "comments",
        "supports",
    )


def _dialogues(ctx):
    return CityDialoguePage.objects.live().public().descendant_of(ctx.home).filter(locale=ctx.source_locale)


def build_participation(ctx):
    """One row per city dialogue and topic field (ideas without topic field: empty topic field columns).

    Counts public contributions only: approved ideas that are not hidden, their approved and
    not hidden comments, and the supports of those ideas.
    """
    dialogues = sorted(_dialogues(ctx), key=lambda page: page.path)
    translations = _translations(CityDialoguePage, dialogues, ctx.locale, ctx.source_locale)
    ideas = Idea.objects.filter(dialogue__in=[d.pk for d in dialogues], is_approved=True, is_hidden=False)
    comments = Comment.objects.filter(idea__in=ideas, is_approved=True, is_hidden=False)
    supports = Support.objects.filter(idea__in=ideas)
    if ctx.end is not None:
        ideas = ideas.filter(created_at__lte=ctx.end)
        comments = comments.filter(created_at__lte=ctx.end, idea__created_at__lte=ctx.end)
        supports = supports.filter(created_at__lte=ctx.end, idea__created_at__lte=ctx.end)

    cells = {}

    def cell(dialogue_id, field_id):
        return cells.setdefault((dialogue_id, field_id), {"statuses": {}, "comments": 0, "supports": 0})

    if dialogues:
        for dialogue_id, field_id, status, n in (
            ideas.order_by()
            .values("dialogue_id", "topic_field_id", "status")
            .annotate(n=Count("pk"))
            .values_list("dialogue_id", "topic_field_id", "status", "n")
        ):
            cell(dialogue_id, field_id)["statuses"][status] = n
        for name, queryset in (("comments", comments), ("supports", supports)):
            for dialogue_id, field_id, n in (
                queryset.order_by()
                .values("idea__dialogue_id", "idea__topic_field_id")
                .annotate(n=Count("pk"))
                .values_list("idea__dialogue_id", "idea__topic_field_id", "n")
            ):
                cell(dialogue_id, field_id)[name] = n

    field_ids = {field_id for _dialogue, field_id in cells if field_id is not None}
    field_pages = list(TopicFieldPage.objects.filter(pk__in=field_ids)) if field_ids else []
    field_translations = _translations(TopicFieldPage, field_pages, ctx.locale, ctx.source_locale)
    fields = {page.pk: _in_language(page, field_translations) for page in field_pages}

    rows = []
    for dialogue in dialogues:
        shown = _in_language(dialogue, translations)
        keys = sorted(
            (key for key in cells if key[0] == dialogue.pk),
            key=lambda key: (key[1] is None, fields[key[1]].path if key[1] in fields else "", key[1] or 0),
        )
        for _dialogue_id, field_id in keys or [(dialogue.pk, None)]:
            data = cells.get((dialogue.pk, field_id), {"statuses": {}, "comments": 0, "supports": 0})
            field_page = fields.get(field_id)
            row = {
                "dialogue_id": dialogue.pk,
                "dialogue_title": shown.title,
                "dialogue_url": ctx.url(shown),
                "ideas_from": dialogue.ideas_from,
                "evaluation_until": dialogue.evaluation_until,
                "topic_field_id": field_id,
                "topic_field_title": field_page.title if field_page else "",
                "ideas_total": sum(data["statuses"].values()),
            }
            row.update({f"ideas_{value}": data["statuses"].get(value, 0) for value in IdeaStatus.values})
            row["comments"] = data["comments"]
            row["supports"] = data["supports"]
            rows.append(row)
    return rows


def participation_modified(ctx):
    dialogues = _dialogues(ctx)
    ideas = Idea.objects.filter(dialogue__in=dialogues.values("pk"), is_approved=True)
    return _latest(
        dialogues.aggregate(latest=Max("last_published_at"))["latest"],
        ideas.aggregate(latest=Max("updated_at"))["latest"],
        Comment.objects.filter(idea__in=ideas).aggregate(latest=Max("created_at"))["latest"],
        Support.objects.filter(idea__in=ideas).aggregate(latest=Max("created_at"))["latest"],
    )


def participation_temporal(ctx):
    figures = _dialogues(ctx).aggregate(start=Min("ideas_from"), end=Max("evaluation_until"))
    if figures["start"] is None:
        return None
    return (figures["start"], figures["end"])


POLL_COLUMNS = ("id", "question", "kind", "opens_at", "closes_at", "status", "participants")


def build_polls(ctx):
    """Polls with their number of participants (ballots); no results per answer, no voters."""
    polls = Poll.objects.filter(locale=ctx.source_locale).order_by("opens_at", "pk")
    if ctx.end is not None:
        polls = polls.filter(opens_at__lte=ctx.end)
    polls = list(polls)
    translations = {}
    if polls and ctx.locale.pk != ctx.source_locale.pk:
        translations = {
            poll.translation_key: poll
            for poll in Poll.objects.filter(locale=ctx.locale, translation_key__in=[p.translation_key for p in polls])
        }
    ballots = PollBallot.objects.filter(poll_key__in=[poll.translation_key for poll in polls])
    if ctx.end is not None:
        ballots = ballots.filter(cast_at__lte=ctx.end)
    participants = dict(
        ballots.order_by().values("poll_key").annotate(n=Count("pk")).values_list("poll_key", "n") if polls else []
    )
    now = ctx.end or timezone.now()
    return [
        {
            "id": poll.pk,
            "question": translations.get(poll.translation_key, poll).question,
            "kind": poll.kind,
            "opens_at": poll.opens_at,
            "closes_at": poll.closes_at,
            "status": poll.status(now),
            "participants": participants.get(poll.translation_key, 0),
        }
        for poll in polls
    ]


def polls_modified(ctx):
    return _latest(
        Poll.objects.aggregate(latest=Max("created_at"))["latest"],
        PollBallot.objects.aggregate(latest=Max("cast_at"))["latest"],
    )
