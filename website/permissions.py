"""Who may do what: every capability of the site, decided here and nowhere else.

Roles are read from relations, never from group names:

- *editor*: holds Wagtail's publish permission on a page (the editors' group has it on
  the tree's root; topic sponsors never get publish), or is a superuser;
- *topic sponsor of a field*: holds an add/edit page permission on that topic field page
  (``agenda.roles.create_topic_sponsor_group`` grants it);
- *council member*: may read the backlog (``agenda.view_backlog``) and change nothing;
- *group member*: has a membership of a focus or feedback group;
- *citizen*: any other signed-in, active account.

Capabilities are `rules` predicates, registered once as permissions (``rules.add_perm``),
so views may ask ``can_moderate(user, idea)``, ``user.has_perm("participation.moderate",
idea)`` or ``{% has_perm "participation.moderate" user idea as allowed %}`` alike, and
each answer comes from the same predicate. ``tests/website/test_permissions_matrix.py``
asserts every role × capability cell.

This module sits at the bottom of the app ladder: it knows Wagtail page permissions and
Django model permissions, not the apps above. Those apps tell it what it needs to know
through ``register_topic_field_type`` (which page type carries sponsors) in their
``AppConfig.ready()``.
"""

import rules

from django.contrib.contenttypes.models import ContentType

from wagtail.permission_policies.pages import PagePermissionPolicy

ALL = "all"
"""The scope of someone who may act in every topic field (editors)."""

_page_policy = PagePermissionPolicy()
_topic_field_models = []


def register_topic_field_type(model):
    """Name the page type whose page permissions make someone its topic sponsor."""
    if model not in _topic_field_models:
        _topic_field_models.append(model)


# ---------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------


def _active(user):
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active)


def _page_grants(user):
    """The user's Wagtail page permissions, read once per user object (Wagtail caches them)."""
    if not _active(user) or user.is_superuser:
        return ()
    return _page_policy.get_cached_permissions_for_user(user)


@rules.predicate
def is_signed_in(user):
    return _active(user)


@rules.predicate
def is_superuser(user):
    return _active(user) and user.is_superuser


@rules.predicate
def is_editor(user):
    """Publishes pages: a superuser or anyone holding a publish page permission."""
    if not _active(user):
        return False
    cached = getattr(user, "_perm_is_editor", None)
    if cached is None:
        cached = user.is_superuser or any(grant.permission.codename == "publish_page" for grant in _page_grants(user))
        user._perm_is_editor = cached
    return cached


def sponsored_topic_field_ids(user):
    """Ids of the topic field pages on which the user holds an add/edit page permission."""
    if not _active(user):
        return frozenset()
    cached = getattr(user, "_perm_sponsored_ids", None)
    if cached is None:
        content_types = {ContentType.objects.get_for_model(model).pk for model in _topic_field_models}
        cached = frozenset(
            grant.page_id
            for grant in _page_grants(user)
            if grant.permission.codename in ("add_page", "change_page")
            and (not content_types or grant.page.content_type_id in content_types)
        )
        user._perm_sponsored_ids = cached
    return cached


@rules.predicate
def is_topic_sponsor(user):
    """Sponsors at least one topic field."""
    return bool(sponsored_topic_field_ids(user))


@rules.predicate
def may_moderate_everywhere(user):
    """Editors, and accounts given the model permission to moderate every topic field."""
    return is_editor(user) or (_active(user) and user.has_perm("participation.moderate_idea"))


def topic_field_scope(user):
    """`ALL` for those who moderate everywhere, else the set of sponsored topic field ids."""
    if may_moderate_everywhere(user):
        return ALL
    return sponsored_topic_field_ids(user)


def topic_field_id_of(obj):
    """The topic field an object belongs to: ideas, comments, flags, answers, findings, groups, ids."""
    if obj is None or isinstance(obj, int):
        return obj
    if hasattr(obj, "topic_field_id"):
        return obj.topic_field_id
    for attribute in ("idea", "comment"):
        related = getattr(obj, attribute, None)
        if related is not None:
            return topic_field_id_of(related)
    return None


def in_scope(user, obj):
    scope = topic_field_scope(user)
    if scope == ALL:
        return True
    field_id = topic_field_id_of(obj)
    return field_id is not None and field_id in scope


def limit_to_scope(user, queryset, field="topic_field_id"):
    """Restrict a queryset to the topic fields the user acts for (by `field`, a lookup path)."""
    scope = topic_field_scope(user)
    if scope == ALL:
        return queryset
    return queryset.filter(**{f"{field}__in": scope})


def _has_model_perm(codename):
    @rules.predicate(name=f"has_model_perm:{codename}")
    def predicate(user):
        return _active(user) and user.has_perm(codename)

    return predicate


# ---------------------------------------------------------------------------
# Object predicates
# ---------------------------------------------------------------------------


@rules.predicate
def acts_for_topic_field_of(user, obj):
    """Editor, or sponsor of the object's topic field (`obj` None: of any field)."""
    if obj is None:
        return bool(topic_field_scope(user))  # ALL, or at least one sponsored field
    return in_scope(user, obj)


@rules.predicate
def is_sponsor_of_group_field(user, group):
    return is_editor(user) or (group is not None and group.topic_field_id in sponsored_topic_field_ids(user))


@rules.predicate
def is_group_member(user, group):
    return _active(user) and group is not None and group.has_member(user)


@rules.predicate
def is_idea_author(user, idea):
    return _active(user) and idea is not None and idea.author_id == user.pk


@rules.predicate
def idea_is_editable(user, idea):
    return idea is not None and idea.is_editable_by_author


@rules.predicate
def can_edit_page(user, page):
    """Wagtail's own answer: editors anywhere, sponsors inside their topic field."""
    return _active(user) and page is not None and page.permissions_for_user(user).can_edit()


@rules.predicate
def can_manage_groups_of(user, topic_field):
    """May create and run groups in this topic field (None: in some field)."""
    if is_editor(user):
        return True
    if topic_field is None:
        return is_topic_sponsor(user)
    field_id = topic_field if isinstance(topic_field, int) else topic_field.pk
    return field_id in sponsored_topic_field_ids(user)


may_view_backlog = _has_model_perm("agenda.view_backlog")
may_rate = _has_model_perm("agenda.rate_measure")
may_read_search_stats = _has_model_perm("search.view_searchquerystat")


# ---------------------------------------------------------------------------
# Capabilities (the names the site asks for)
# ---------------------------------------------------------------------------

CAPABILITIES = {
    # city dialogues
    "participation.edit_idea": is_idea_author & idea_is_editable,
    "participation.moderate": acts_for_topic_field_of,
    "participation.triage": acts_for_topic_field_of,
    # needs survey
    "participation.moderate_answer": acts_for_topic_field_of,
    "participation.manage_finding": acts_for_topic_field_of,
    "participation.delete_finding": may_moderate_everywhere,
    "participation.view_unpublished_results": may_moderate_everywhere,
    # focus and feedback groups
    "participation.manage_groups": can_manage_groups_of,
    "participation.run_group": is_sponsor_of_group_field,
    "participation.view_group": is_sponsor_of_group_field | is_group_member,
    "participation.give_feedback": is_group_member,
    # agenda
    "agenda.read_backlog": may_view_backlog,
    "agenda.change_measure": can_edit_page,
    "agenda.rate": may_rate & can_edit_page,
    # search
    "search.read_statistics": may_read_search_stats,
}

for _name, _predicate in CAPABILITIES.items():
    rules.add_perm(_name, _predicate)


def allowed(user, capability, obj=None):
    """The one question every view, endpoint, hook and template asks."""
    return bool(rules.has_perm(capability, user, obj))


def can_edit_idea(user, idea):
    return allowed(user, "participation.edit_idea", idea)


def can_moderate(user, obj=None):
    """Moderate (approve, hide, answer flags) an idea, comment or flag; without obj: anything at all."""
    return allowed(user, "participation.moderate", obj)


def can_triage(user, idea):
    """Set status, official answer, link to or promote into a measure."""
    return allowed(user, "participation.triage", idea)


def can_moderate_answer(user, answer):
    return allowed(user, "participation.moderate_answer", answer)


def can_manage_finding(user, finding_or_topic_field_id):
    return allowed(user, "participation.manage_finding", finding_or_topic_field_id)


def can_delete_finding(user, finding=None):
    return allowed(user, "participation.delete_finding", finding)


def can_view_unpublished_results(user, survey_page=None):
    return allowed(user, "participation.view_unpublished_results", survey_page)


def can_manage_groups(user, topic_field=None):
    return allowed(user, "participation.manage_groups", topic_field)


def can_run_group(user, group):
    return allowed(user, "participation.run_group", group)


def can_view_group(user, group):
    return allowed(user, "participation.view_group", group)


def can_give_feedback(user, group):
    """Rate draft measures in the group's feedback rounds: members only, not their managers."""
    return allowed(user, "participation.give_feedback", group)


def can_view_backlog(user):
    return allowed(user, "agenda.read_backlog")


def can_change_measure(user, measure):
    return allowed(user, "agenda.change_measure", measure)


def can_rate_measure(user, measure):
    return allowed(user, "agenda.rate", measure)


def can_read_search_statistics(user):
    return allowed(user, "search.read_statistics")
