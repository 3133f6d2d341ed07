"""Who reaches the group admin screens, and the small helpers they share."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from participation.groups.models import ExpertGroup
from website import permissions, query_params
from website.query_params import BadParameter


def require_group_manager(user):
    if not permissions.can_manage_groups(user):
        raise PermissionDenied


def get_group(request, pk):
    require_group_manager(request.user)
    group = get_object_or_404(ExpertGroup.objects.select_related("topic_field"), pk=pk)
    if not permissions.can_run_group(request.user, group):
        raise PermissionDenied
    return group


def render(request, template, context, status=200):
    return TemplateResponse(request, f"participation/groups/admin/{template}", context, status=status)


def positive_id(value):
    """A database id from a form value (the shared parser's bounds), else None: never an overflow."""
    try:
        return query_params.to_int("id", value or "", minimum=1)
    except BadParameter:
        return None
