"""Public URLs of city dialogues and ideas (under the language prefix, namespace "ideas").

The dialogue pages themselves are Wagtail pages; these are the forms and actions around them.
"""

from django.urls import path

from participation.dialogues.views import following, ideas
from website import converters  # noqa: F401  (registers the <id:…> URL converter)

app_name = "ideas"

urlpatterns = [
    path("<id:pk>/", ideas.idea_detail, name="detail"),
    path("<id:pk>/edit/", ideas.idea_edit, name="edit"),
    path("<id:pk>/comment/", ideas.comment_create, name="comment"),
    path("<id:pk>/support/", ideas.support_toggle, name="support"),
    path("<id:pk>/report/", ideas.idea_flag, name="flag"),
    path("comments/<id:pk>/report/", ideas.comment_flag, name="comment_flag"),
    path("new/<id:dialogue_pk>/", ideas.idea_create, name="create"),
    path("dialogues/<id:pk>/follow/", following.dialogue_follow, name="follow"),
    path("events/<id:pk>/registration/", following.event_registration, name="event_registration"),
    path("events/<id:pk>/calendar.ics", following.event_ical, name="event_ical"),
    path("notifications/", following.notification_settings, name="notification_settings"),
    path("notifications/unsubscribe/<str:token>/", following.unsubscribe, name="unsubscribe"),
]
