"""The agenda's roles as Wagtail groups, created idempotently after every ``migrate``.

- "Editors": everything (pages incl. publish, criteria, scoring settings, backlog, rating);
  they also approve in Wagtail's default moderation workflow.
- "Topic sponsors": template group (admin access, backlog, rating). Each topic field gets
  its own group "Topic sponsors: <field>" (``create_topic_sponsor_group``) with the same
  permissions plus *add* and *edit* — never *publish* — on that topic field's subtree, so
  their measures go through moderation.
- "Council members": admin access and the read-only backlog and reports (incl. unpublished
  measures); no page or snippet permissions, so they cannot edit anything.

Group names are stored in English (they are data, shown as such in the admin). This is
the only module that knows them: who may do what is decided in ``website.permissions``
from the permissions these groups hold, never from their names. Apps higher up the
ladder add their own model permissions to a role with ``grant_to_role`` in their
``AppConfig.ready()``; ``ensure_roles`` applies them after every ``migrate``.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import GroupPagePermission, Page

EDITORS = "Editors"
TOPIC_SPONSORS = "Topic sponsors"
TOPIC_SPONSORS_PREFIX = "Topic sponsors: "
COUNCIL_MEMBERS = "Council members"

ROLE_GROUP_NAMES = {"editors": EDITORS, "topic_sponsors": TOPIC_SPONSORS, "council_members": COUNCIL_MEMBERS}
_extra_grants = {role: set() for role in ROLE_GROUP_NAMES}

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
SPONSOR_PAGE_PERMISSIONS = ("add_page", "change_page")


def grant_to_role(role, *permission_labels):
    """Give a role (``"editors"``, ``"topic_sponsors"``, ``"council_members"``) model permissions
    such as ``"search.view_searchquerystat"``; applied by every ``ensure_roles``."""
    _extra_grants[role].update(permission_labels)


def _extra_permissions(role):
    labels = _extra_grants[role]

    def found():
        return [
            permission
            for label in sorted(labels)
            for permission in Permission.objects.filter(
                content_type__app_label=label.split(".", 1)[0], codename=label.split(".", 1)[1]
            )
        ]

    permissions = found()
    if len(permissions) < len(labels):  # right after migrate, before the apps' own post_migrate ran
        for app_label in {label.split(".", 1)[0] for label in labels}:
            create_permissions(apps.get_app_config(app_label), verbosity=0)
        permissions = found()
    return permissions


def editors_group():
    return Group.objects.filter(name=EDITORS).first()


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _page_permission(codename):
    return Permission.objects.get(content_type=ContentType.objects.get_for_model(Page), codename=codename)


def sponsor_model_permissions():
    return [
        _permission("wagtailadmin", "access_admin"),
        _permission("agenda", "view_backlog"),
        _permission("agenda", "rate_measure"),
    ]


def ensure_roles():
    """Create or complete the three role groups. Safe to run any number of times."""
    access_admin = _permission("wagtailadmin", "access_admin")
    view_backlog = _permission("agenda", "view_backlog")
    rate_measure = _permission("agenda", "rate_measure")
    criterion_perms = Permission.objects.filter(
        content_type__app_label="agenda",
        codename__in=[f"{action}_prioritisationcriterion" for action in ("add", "change", "delete", "view")]
        + ["change_scoringsettings", "view_scoringsettings", "add_measureprogressupdate"],
    )

    editors, _created = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(access_admin, view_backlog, rate_measure, *criterion_perms, *_extra_permissions("editors"))
    root = Page.get_first_root_node()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=_page_permission(codename))
    _add_to_default_moderation(editors)

    sponsors, _created = Group.objects.get_or_create(name=TOPIC_SPONSORS)
    sponsors.permissions.add(*sponsor_model_permissions(), *_extra_permissions("topic_sponsors"))

    council, _created = Group.objects.get_or_create(name=COUNCIL_MEMBERS)
    council.permissions.add(access_admin, view_backlog, *_extra_permissions("council_members"))
    return {"editors": editors, "topic_sponsors": sponsors, "council_members": council}


def _add_to_default_moderation(group):
    """Let editors approve in every group-approval task of Wagtail's workflows."""
    from wagtail.models import GroupApprovalTask

    for task in GroupApprovalTask.objects.all():
        task.groups.add(group)


def topic_sponsor_group_name(topic_field):
    return f"{TOPIC_SPONSORS_PREFIX}{topic_field.title}"[:150]


def create_topic_sponsor_group(topic_field):
    """The group of one topic field's sponsors: add/edit (no publish) on that field's subtree.

    Idempotent; the group is found again by its page permission even after a rename.
    """
    topic_field = topic_field.specific if hasattr(topic_field, "specific") else topic_field
    group = (
        Group.objects.filter(name__startswith=TOPIC_SPONSORS_PREFIX, page_permissions__page=topic_field)
        .distinct()
        .first()
    )
    if group is None:
        group, _created = Group.objects.get_or_create(name=topic_sponsor_group_name(topic_field))
    group.permissions.add(*sponsor_model_permissions())
    for codename in SPONSOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(group=group, page=topic_field, permission=_page_permission(codename))
    return group
