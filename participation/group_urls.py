"""Public URLs of focus and feedback groups (under the language prefix, namespace "groups")."""

from django.urls import path

from participation.views import groups

app_name = "groups"

urlpatterns = [
    path("", groups.group_index, name="index"),
    path("<int:pk>/", groups.group_detail, name="detail"),
    path("<int:pk>/summary/", groups.group_summary, name="summary"),
    path("sessions/<int:pk>/", groups.session_detail, name="session"),
    path("sessions/<int:pk>/calendar.ics", groups.session_ical, name="session_ical"),
    path("documents/<int:pk>/", groups.session_document, name="document"),
    path("results/<int:pk>/", groups.result_detail, name="result"),
    path("feedback/<int:pk>/", groups.feedback_round, name="round"),
    path("invitation/<str:token>/", groups.invitation, name="invitation"),
]
