"""Moderation in the Wagtail admin: the queue (open flags, contributions waiting for
pre-moderation, new ideas), the listings of ideas and comments (filters, search, CSV/XLSX
export of ideas) and the moderation log. One idea's triage screen is in ``triage_views``.

Editors see everything; topic sponsors only the ideas of their topic fields (the
permission policy below filters every listing). Every change goes through
`participation.dialogues.services`, which checks the same rule again and logs it.
"""

from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import multigetattr
from wagtail.permission_policies.base import BasePermissionPolicy

from participation.dialogues import services
from participation.dialogues.triage_views import flag_action, idea_triage, queue_approve, require_moderator
from participation.models import Comment, Flag, Idea, IdeaStatus, ModerationLogEntry
from website import (
    converters,  # noqa: F401  (registers the <id:…> URL converter)
    permissions,
)

# ---------------------------------------------------------------------------
# Permission policies: moderators only, sponsors limited to their topic fields
# ---------------------------------------------------------------------------


class _ModeratorPolicy(BasePermissionPolicy):
    """Moderators may view the listings; every change goes through the triage screen and
    `participation.dialogues.services` (logged, notified), so the generic add/edit/delete views stay closed."""

    allowed_actions = {"view"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and permissions.can_moderate(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):  # pragma: no cover - not used by the admin screens here
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        return action in self.allowed_actions and permissions.can_moderate(user, self._idea(instance))

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(action in self.allowed_actions for action in actions):
            return self.model.objects.none()
        return self._scoped(user)


class IdeaPolicy(_ModeratorPolicy):
    def _idea(self, instance):
        return instance

    def _scoped(self, user):
        return services.moderatable_ideas(user)


class CommentPolicy(_ModeratorPolicy):
    def _idea(self, instance):
        return instance.idea

    def _scoped(self, user):
        return services.moderatable_comments(user)


class LogPolicy(_ModeratorPolicy):
    def _idea(self, instance):
        return instance.idea

    def _scoped(self, user):
        return permissions.limit_to_scope(user, ModerationLogEntry.objects.all())


# ---------------------------------------------------------------------------
# Listings
# ---------------------------------------------------------------------------


def measure_titles(idea):
    return "; ".join(measure.title for measure in idea.measures.all())


class IdeaIndexView(IndexView):
    def get_base_queryset(self):
        return (
            services.moderatable_ideas(self.request.user, super().get_base_queryset())
            .with_counts()
            .select_related("dialogue", "topic_field", "author__profile", "organisation")
            .prefetch_related("measures")
        )

    def get_edit_url(self, instance):
        return reverse("participation_moderation:idea", args=[instance.pk])

    def get_delete_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def to_row_dict(self, item):
        """Export row; an idea without topic field or organisation gets empty cells."""
        row = {}
        for field in self.list_export:
            if field == "measure_titles":
                row[field] = measure_titles(item)
                continue
            try:
                value = multigetattr(item, field)
            except AttributeError:
                value = ""
            row[field] = value() if callable(value) else value
        return row

    def get_add_url(self):
        return None


class IdeaViewSet(ModelViewSet):
    model = Idea
    icon = "openquote"
    menu_label = gettext_lazy("Ideas")
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = IdeaIndexView
    form_fields = ["status"]
    copy_view_enabled = False
    search_fields = ["title", "text"]
    search_backend_name = None
    list_filter = ["status", "dialogue", "topic_field", "is_hidden", "is_approved"]
    list_display = [
        "title",
        Column("dialogue", label=gettext_lazy("City dialogue"), accessor="dialogue.title"),
        Column("topic_field", label=gettext_lazy("Topic field"), accessor="topic_field.title"),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        Column("support_count", label=gettext_lazy("Supporters"), sort_key="support_count"),
        Column("comment_count", label=gettext_lazy("Comments"), sort_key="comment_count"),
        Column("is_hidden", label=gettext_lazy("Hidden")),
        "created_at",
    ]
    list_export = [
        "pk",
        "title",
        "dialogue.title",
        "topic_field.title",
        "get_status_display",
        "status_reason",
        "support_count",
        "comment_count",
        "author_name",
        "organisation.name",
        "official_answer",
        "measure_titles",
        "is_hidden",
        "created_at",
    ]
    export_headings = {
        "pk": gettext_lazy("ID"),
        "title": gettext_lazy("Title"),
        "dialogue.title": gettext_lazy("City dialogue"),
        "topic_field.title": gettext_lazy("Topic field"),
        "get_status_display": gettext_lazy("Status"),
        "status_reason": gettext_lazy("Reason for the status"),
        "support_count": gettext_lazy("Supporters"),
        "comment_count": gettext_lazy("Comments"),
        "author_name": gettext_lazy("Author (display name)"),
        "organisation.name": gettext_lazy("On behalf of"),
        "official_answer": gettext_lazy("Official answer"),
        "measure_titles": gettext_lazy("Linked measures"),
        "is_hidden": gettext_lazy("Hidden"),
        "created_at": gettext_lazy("Created"),
    }
    export_filename = "ideas"


class CommentIndexView(IndexView):
    def get_base_queryset(self):
        return services.moderatable_comments(self.request.user, super().get_base_queryset()).select_related(
            "idea", "author__profile"
        )

    def get_edit_url(self, instance):
        return reverse("participation_moderation:idea", args=[instance.idea_id]) + f"#comment-{instance.pk}"

    def get_delete_url(self, instance):
        return None

    def get_add_url(self):
        return None


class CommentViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = gettext_lazy("Comments on ideas")
    menu_order = 291
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    form_fields = ["text"]
    copy_view_enabled = False
    search_fields = ["text"]
    search_backend_name = None
    list_filter = ["is_hidden", "is_approved", "is_official", "idea__dialogue"]
    list_display = [
        "text",
        Column("idea", label=gettext_lazy("Idea"), accessor="idea.title"),
        Column("author", label=gettext_lazy("Author"), accessor="author_name"),
        Column("is_hidden", label=gettext_lazy("Hidden")),
        "created_at",
    ]


class LogIndexView(IndexView):
    def get_base_queryset(self):
        policy = LogPolicy(ModerationLogEntry)
        return policy.instances_user_has_any_permission_for(self.request.user, ["view"]).select_related("idea", "actor")

    def get_edit_url(self, instance):
        return reverse("participation_moderation:idea", args=[instance.idea_id]) if instance.idea_id else None

    def get_delete_url(self, instance):
        return None

    def get_add_url(self):
        return None


class ModerationLogViewSet(ModelViewSet):
    model = ModerationLogEntry
    icon = "history"
    menu_label = gettext_lazy("Moderation log")
    menu_order = 293
    add_to_admin_menu = True
    index_view_class = LogIndexView
    form_fields = ["reason"]
    copy_view_enabled = False
    list_filter = ["action"]
    list_display = [
        Column("action", label=gettext_lazy("Action"), accessor="get_action_display"),
        Column("target_label", label=gettext_lazy("Content"), accessor="target_label"),
        Column("target_type", label=gettext_lazy("Kind"), accessor="target_kind"),
        Column("actor", label=gettext_lazy("Moderator"), accessor="actor"),
        "reason",
        "created_at",
    ]


# ---------------------------------------------------------------------------
# Queue
# ---------------------------------------------------------------------------

QUEUE_LIMIT = 100


def moderation_queue(request):
    require_moderator(request.user)
    user = request.user
    flags = list(
        Flag.objects.open()
        .filter(pk__in=_scoped_flags(user))
        .select_related("idea", "comment__idea", "reporter__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    pending_ideas = list(
        services.moderatable_ideas(user, Idea.objects.filter(is_approved=False))
        .select_related("dialogue", "author__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    pending_comments = list(
        services.moderatable_comments(user, Comment.objects.filter(is_approved=False))
        .select_related("idea", "author__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    new_ideas = list(
        services.moderatable_ideas(user, Idea.objects.filter(is_approved=True, status=IdeaStatus.NEW))
        .with_counts()
        .select_related("dialogue", "topic_field", "author__profile")
        .order_by("created_at")[:QUEUE_LIMIT]
    )
    return TemplateResponse(
        request,
        "participation/admin/queue.html",
        {
            "page_title": _("Moderation queue"),
            "header_icon": "warning",
            "flags": flags,
            "pending_ideas": pending_ideas,
            "pending_comments": pending_comments,
            "new_ideas": new_ideas,
        },
    )


def _scoped_flags(user):
    by_idea = permissions.limit_to_scope(user, Flag.objects.all(), field="idea__topic_field_id")
    by_comment = permissions.limit_to_scope(user, Flag.objects.all(), field="comment__idea__topic_field_id")
    return (by_idea | by_comment).values("pk")


urlpatterns = [
    path("", moderation_queue, name="queue"),
    path("ideas/<id:pk>/", idea_triage, name="idea"),
    path("flags/<id:pk>/", flag_action, name="flag"),
    path("approve/<str:kind>/<id:pk>/", queue_approve, name="approve"),
]
