"""Admin screens of focus and feedback groups for topic sponsors and editors.

Sponsors see and manage only the groups of the topic fields they sponsor; editors see all.
Council members (and everyone else without a sponsor or editor role) get no access: group
work is confidential, its public outcome is on the site. Every change goes through
``participation.groups.services``, which checks the same rule again.
"""

from django.urls import path

from participation.groups.admin_views.groups import group_detail, group_edit, group_list
from participation.groups.admin_views.rounds import round_create, round_detail
from participation.groups.admin_views.sessions import session_detail, session_edit

urlpatterns = [
    path("", group_list, name="list"),
    path("new/", group_edit, name="add"),
    path("<id:pk>/", group_detail, name="detail"),
    path("<id:pk>/edit/", group_edit, name="edit"),
    path("<id:group_pk>/sessions/new/", session_edit, name="session_add"),
    path("<id:group_pk>/sessions/<id:pk>/edit/", session_edit, name="session_edit"),
    path("sessions/<id:pk>/", session_detail, name="session"),
    path("<id:group_pk>/feedback/new/", round_create, name="round_add"),
    path("feedback/<id:pk>/", round_detail, name="round"),
]
