"""Wagtail wiring of focus and feedback groups (imported from ``participation.wagtail_hooks``).

- the admin screens (``participation.groups.admin_views``) and their menu item, shown to editors
  and topic sponsors only;
- members-only documents: Wagtail serves every document at ``/documents/<id>/<name>``;
  for documents of group sessions this hook lets through only editors (the group's
  members download them through ``/<lang>/groups/documents/<id>/``, which checks
  membership). The documents also sit in a collection restricted to editors.
"""

from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from participation.groups import admin_views as group_admin
from participation.groups import services as rules
from website import permissions


@hooks.register("register_admin_urls")
def register_group_admin_urls():
    return [path("participation/groups/", include((group_admin.urlpatterns, "participation_groups")))]


class GroupsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage_groups(request.user)


@hooks.register("register_admin_menu_item")
def register_groups_menu_item():
    return GroupsMenuItem(
        _("Focus and feedback groups"), reverse("participation_groups:list"), icon_name="group", order=294
    )


@hooks.register("before_serve_document", order=-10)
def protect_group_documents(document, request):
    allowed = rules.user_may_download(request.user, document)
    if allowed is False:
        raise Http404
    return None
