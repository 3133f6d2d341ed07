"""Wagtail admin wiring of the participation app.

Polls are snippets; votes are shown as counts only (no list of who voted what).
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from participation.models import Poll, PollBallot


class PollStatusColumn(Column):
    def get_value(self, instance):
        return {
            Poll.STATUS_UPCOMING: _("not open yet"),
            Poll.STATUS_OPEN: _("open"),
            Poll.STATUS_CLOSED: _("closed"),
        }[instance.status()]


class PollResultsColumn(Column):
    """'Choice: n' per choice; counts come from one query per listed poll."""

    def get_value(self, instance):
        results = instance.results()
        return " · ".join(f"{row.choice.text}: {row.votes}" for row in results.choices)


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = _("Polls")
    menu_order = 300
    add_to_admin_menu = True
    search_fields = ["question", "description"]
    list_filter = ["kind", "results_visibility"]
    list_display = [
        "question",
        PollStatusColumn("status", label=_("Status")),
        Column("participant_count", label=_("Participants")),
        PollResultsColumn("results", label=_("Results")),
        "opens_at",
        "closes_at",
    ]

    def get_queryset(self, request):
        participants = (
            PollBallot.objects.filter(poll_key=OuterRef("translation_key"))
            .values("poll_key")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return Poll.objects.annotate(
            participant_count=Coalesce(Subquery(participants, output_field=IntegerField()), 0)
        ).prefetch_related("choices")


register_snippet(PollViewSet)


# --- City dialogues: moderation queue, triage, listings of ideas, comments and the log -------------

from django.urls import include, path, reverse  # noqa: E402

from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402
from wagtail.permissions import register_permission_policy  # noqa: E402

from participation.dialogues import admin_views as moderation  # noqa: E402
from participation.models import Comment, Idea, ModerationLogEntry  # noqa: E402
from website import permissions  # noqa: E402

register_permission_policy(Idea, moderation.IdeaPolicy(Idea))
register_permission_policy(Comment, moderation.CommentPolicy(Comment))
register_permission_policy(ModerationLogEntry, moderation.LogPolicy(ModerationLogEntry))


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("participation/moderation/", include((moderation.urlpatterns, "participation_moderation")))]


class ModerationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationQueueMenuItem(
        _("Moderation queue"), reverse("participation_moderation:queue"), icon_name="warning", order=289
    )


@hooks.register("register_admin_viewset")
def register_dialogue_viewsets():
    return [
        moderation.IdeaViewSet("dialogue_ideas"),
        moderation.CommentViewSet("idea_comments"),
        moderation.ModerationLogViewSet("moderation_log"),
    ]


# --- Focus and feedback groups (participation/group_hooks.py) ----------------------------------------

from participation.groups import wagtail_hooks as group_hooks  # noqa: E402, F401

# --- Needs survey: moderation of free-text answers and findings ------------------------------------
from participation.models import SurveyFinding  # noqa: E402
from participation.survey import admin_views as survey_admin  # noqa: E402

register_permission_policy(SurveyFinding, survey_admin.FindingPolicy(SurveyFinding))


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [path("participation/survey/", include((survey_admin.urlpatterns, "participation_survey")))]


@hooks.register("register_admin_menu_item")
def register_survey_answers_menu_item():
    return ModerationQueueMenuItem(
        _("Survey answers to moderate"), reverse("participation_survey:answers"), icon_name="form", order=294
    )


@hooks.register("register_admin_viewset")
def register_survey_viewsets():
    return [survey_admin.FindingViewSet("survey_findings")]
