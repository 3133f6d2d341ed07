"""Public URLs of focus and feedback groups (under the language prefix, namespace "groups")."""

from django.urls import path

from participation.groups import views as groups
from website import converters  # noqa: F401  (registers the <id:…> URL converter)

app_name = "groups"

urlpatterns = [
    path("", groups.group_index, name="index"),
    path("<id:pk>/", groups.group_detail, name="detail"),
    path("<id:pk>/summary/", groups.group_summary, name="summary"),
    path("sessions/<id:pk>/", groups.session_detail, name="session"),
    path("sessions/<id:pk>/calendar.ics", groups.session_ical, name="session_ical"),
    path("documents/<id:pk>/", groups.session_document, name="document"),
    path("results/<id:pk>/", groups.result_detail, name="result"),
    path("feedback/<id:pk>/", groups.feedback_round, name="round"),
    path("invitation/<str:token>/", groups.invitation, name="invitation"),
]
