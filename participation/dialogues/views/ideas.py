"""Public views of ideas: detail, create, edit, comment, support, flag (following a dialogue,
its events and notification settings are in ``following``). Every write is a plain POST form
(works without JavaScript, CSRF protected), goes through ``participation.dialogues.services``
and is rate-limited.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from participation.core import ratelimit
from participation.core.submissions import once_per_submission
from participation.dialogues import services
from participation.dialogues.forms import CommentForm, FlagForm, IdeaEditForm, IdeaForm
from participation.dialogues.views.pages import localized_pages, topic_field_choices
from participation.models import (
    CityDialoguePage,
    Comment,
    Idea,
    Support,
)
from website import permissions

CITIZEN_COLLECTION_NAME = "Citizen uploads"


def _login(request, next_url=None):
    return redirect_to_login(next_url or request.get_full_path())


def _localized_dialogue(source):
    return localized_pages([source])[source.pk]


def _idea_or_404(request, pk, queryset=None):
    """The idea if the visitor may see it (pending ones only to their author and moderators)."""
    queryset = queryset if queryset is not None else Idea.objects.all()
    idea = get_object_or_404(queryset, pk=pk)
    if not idea.is_approved and not (
        (request.user.is_authenticated and idea.author_id == request.user.pk)
        or permissions.can_moderate(request.user, idea)
    ):
        raise Http404
    return idea


def _error(request, error):
    messages.error(request, error.message)


def _redirect_to_idea(idea, anchor=""):
    return HttpResponseRedirect(idea.get_absolute_url() + (f"#{anchor}" if anchor else ""))


def _citizen_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=CITIZEN_COLLECTION_NAME).first()
    return existing or root.add_child(name=CITIZEN_COLLECTION_NAME)


def _save_image(upload, title, user):
    image = get_image_model()(title=title[:255], file=upload, collection=_citizen_collection(), uploaded_by_user=user)
    image.save()
    return image


# ---------------------------------------------------------------------------
# Idea detail
# ---------------------------------------------------------------------------


def mark_other_language(pages):
    """Set `other_language` on pages shown in another language than the page around them
    (not translated yet), so their titles carry `lang` (WCAG 3.1.2 language of parts)."""
    if not pages:
        return
    active = translation.get_language()
    codes = dict(Locale.objects.filter(pk__in={page.locale_id for page in pages}).values_list("pk", "language_code"))
    for page in pages:
        code = codes.get(page.locale_id, "")
        page.other_language = code if code and code != active else ""


def _comment_tree(idea, user):
    comments = list(
        Comment.objects.filter(idea=idea)
        .filter(is_approved=True)
        .select_related("author__profile", "organisation")
        .order_by("created_at", "pk")
    )
    if user.is_authenticated:
        comments += list(
            Comment.objects.filter(idea=idea, is_approved=False, author=user)
            .select_related("author__profile", "organisation")
            .order_by("created_at", "pk")
        )
    top, replies = [], {}
    for comment in comments:
        comment.reply_list = []
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
        else:
            top.append(comment)
    for comment in top:
        comment.reply_list = replies.get(comment.pk, [])
    return top, len(comments)


def idea_context(request, idea, comment_form=None):
    user = request.user
    dialogue = _localized_dialogue(idea.dialogue)
    top_comments, comment_count = _comment_tree(idea, user)
    measures = list(idea.measures.all().order_by("title"))
    localized_measures = localized_pages(measures)
    measures = [localized_measures[m.pk] for m in measures]
    mark_other_language(measures)
    topic_field = localized_pages([idea.topic_field])[idea.topic_field_id] if idea.topic_field_id else None
    is_author = user.is_authenticated and idea.author_id == user.pk
    accepts = idea.dialogue.accepts_interaction() and idea.is_approved and not idea.is_hidden
    return {
        "idea": idea,
        "page": dialogue,
        "dialogue": dialogue,
        "topic_field": topic_field,
        "measures": measures,
        "comments": top_comments,
        "comment_count": comment_count,
        "support_count": idea.supports.count(),
        "supported_by_me": user.is_authenticated and Support.objects.filter(idea=idea, user=user).exists(),
        "is_author": is_author,
        "can_edit": permissions.can_edit_idea(user, idea),
        "can_moderate": permissions.can_moderate(user, idea),
        "accepts_interaction": accepts,
        "comment_form": comment_form or (CommentForm(user=user) if user.is_authenticated and accepts else None),
        "revisions": list(idea.revisions.all()) if not idea.is_hidden or is_author else [],
        "show_content": not idea.is_hidden or is_author or permissions.can_moderate(user, idea),
    }


@require_http_methods(["GET", "HEAD"])
def idea_detail(request, pk):
    idea = _idea_or_404(
        request,
        pk,
        Idea.objects.select_related(
            "dialogue", "author__profile", "organisation", "image", "merged_into", "answered_by__profile"
        ),
    )
    return render(request, "participation/idea_detail.html", idea_context(request, idea))


# ---------------------------------------------------------------------------
# Create and edit
# ---------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
@once_per_submission
def idea_create(request, dialogue_pk):
    page = get_object_or_404(CityDialoguePage.objects.live().public(), pk=dialogue_pk)
    source = page.source_page()
    dialogue = _localized_dialogue(source)
    if not request.user.is_authenticated:
        return _login(request)
    choices = topic_field_choices(source)
    context = {"dialogue": dialogue, "page": dialogue, "accepts_ideas": source.accepts_ideas()}
    if not source.accepts_ideas():
        messages.error(request, _("This dialogue does not collect ideas at the moment."))
        return render(request, "participation/idea_form.html", context, status=403)
    if request.method == "POST":
        form = IdeaForm(request.POST, request.FILES, dialogue=source, user=request.user, topic_field_choices=choices)
        if form.is_valid():
            try:
                ratelimit.check(request, "idea")
                data = form.cleaned_data
                with transaction.atomic():
                    image = _save_image(data["image"], data["title"], request.user) if data.get("image") else None
                    idea = services.create_idea(
                        source,
                        request.user,
                        title=data["title"],
                        text=data["text"],
                        topic_field=data.get("topic_field"),
                        organisation=data.get("organisation"),
                        image=image,
                        image_alt=data.get("image_alt", ""),
                        address=data.get("address", ""),
                        latitude=data.get("latitude"),
                        longitude=data.get("longitude"),
                    )
            except ratelimit.RateLimited as limited:
                form.add_error(None, limited.message)
            except services.ParticipationError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                if idea.is_approved:
                    messages.success(request, _("Thank you! Your idea has been published."))
                else:
                    messages.success(
                        request, _("Thank you! Your idea will be published once a moderator has looked at it.")
                    )
                return _redirect_to_idea(idea)
        status = 400 if form.errors else 200
    else:
        form = IdeaForm(dialogue=source, user=request.user, topic_field_choices=choices)
        status = 200
    context["form"] = form
    return render(request, "participation/idea_form.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def idea_edit(request, pk):
    if not request.user.is_authenticated:
        return _login(request)
    idea = _idea_or_404(request, pk, Idea.objects.select_related("dialogue"))
    if idea.author_id != request.user.pk:
        raise PermissionDenied
    dialogue = _localized_dialogue(idea.dialogue)
    context = {"idea": idea, "dialogue": dialogue, "page": dialogue}
    if not idea.is_editable_by_author:
        messages.error(request, _("This idea is already being reviewed and can no longer be edited."))
        return _redirect_to_idea(idea)
    if request.method == "POST":
        form = IdeaEditForm(request.POST)
        if form.is_valid():
            try:
                ratelimit.check(request, "idea-edit")
                services.edit_idea(idea, request.user, title=form.cleaned_data["title"], text=form.cleaned_data["text"])
            except ratelimit.RateLimited as limited:
                form.add_error(None, limited.message)
            except services.ParticipationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your changes have been saved."))
                return _redirect_to_idea(idea)
        context["form"] = form
        return render(request, "participation/idea_edit.html", context, status=400)
    context["form"] = IdeaEditForm(initial={"title": idea.title, "text": idea.text})
    return render(request, "participation/idea_edit.html", context)


# ---------------------------------------------------------------------------
# Comment, support, flag
# ---------------------------------------------------------------------------


@require_POST
@once_per_submission
def comment_create(request, pk):
    idea = _idea_or_404(request, pk, Idea.objects.select_related("dialogue"))
    if not request.user.is_authenticated:
        return _login(request, idea.get_absolute_url())
    form = CommentForm(request.POST, user=request.user)
    if form.is_valid():
        parent = None
        parent_pk = form.cleaned_data.get("parent")
        if parent_pk:
            parent = Comment.objects.filter(pk=parent_pk).first()
            if parent is None:
                form.add_error(None, _("The comment you replied to does not exist."))
        if not form.errors:
            try:
                ratelimit.check(request, "comment")
                comment = services.add_comment(
                    idea,
                    request.user,
                    text=form.cleaned_data["text"],
                    parent=parent,
                    organisation=form.cleaned_data.get("organisation"),
                )
            except ratelimit.RateLimited as limited:
                form.add_error(None, limited.message)
            except services.ParticipationError as error:
                if error.status == 404:
                    raise Http404 from None
                form.add_error(None, error.message)
            else:
                if comment.is_approved:
                    messages.success(request, _("Thank you for your comment."))
                else:
                    messages.success(request, _("Thank you! Your comment will appear once a moderator has seen it."))
                return _redirect_to_idea(idea, f"comment-{comment.pk}")
    status = 403 if not idea.dialogue.accepts_interaction() else 400
    return render(
        request, "participation/idea_detail.html", idea_context(request, idea, comment_form=form), status=status
    )


@require_POST
@once_per_submission
def support_toggle(request, pk):
    idea = _idea_or_404(request, pk, Idea.objects.select_related("dialogue"))
    if not request.user.is_authenticated:
        return _login(request, idea.get_absolute_url())
    withdraw = request.POST.get("action") == "withdraw"
    try:
        ratelimit.check(request, "support")
        if withdraw:
            services.withdraw_support(idea, request.user)
            messages.success(request, _("You no longer support this idea."))
        else:
            services.support(idea, request.user)
            messages.success(request, _("Thank you for your support."))
    except ratelimit.RateLimited as limited:
        messages.error(request, limited.message)
        return _redirect_to_idea(idea, "support")
    except services.ParticipationError as error:
        if error.status == 404:
            raise Http404 from None
        messages.error(request, error.message)
    return _redirect_to_idea(idea, "support")


def _flag_view(request, idea, comment=None):
    if not request.user.is_authenticated:
        return _login(request)
    dialogue = _localized_dialogue(idea.dialogue)
    context = {"idea": idea, "comment": comment, "dialogue": dialogue, "page": dialogue}
    if request.method == "POST":
        form = FlagForm(request.POST)
        if form.is_valid():
            try:
                ratelimit.check(request, "flag")
                services.flag(
                    request.user,
                    reason=form.cleaned_data["reason"],
                    text=form.cleaned_data["text"],
                    idea=None if comment else idea,
                    comment=comment,
                )
            except ratelimit.RateLimited as limited:
                form.add_error(None, limited.message)
            except services.ParticipationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Thank you. Our moderators will look at your report."))
                return _redirect_to_idea(idea, f"comment-{comment.pk}" if comment else "")
        context["form"] = form
        return render(request, "participation/flag_form.html", context, status=400)
    context["form"] = FlagForm()
    return render(request, "participation/flag_form.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def idea_flag(request, pk):
    idea = _idea_or_404(request, pk, Idea.objects.select_related("dialogue"))
    return _flag_view(request, idea)


@require_http_methods(["GET", "HEAD", "POST"])
def comment_flag(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("idea__dialogue"), pk=pk, is_approved=True)
    idea = _idea_or_404(request, comment.idea_id, Idea.objects.select_related("dialogue"))
    return _flag_view(request, idea, comment)
