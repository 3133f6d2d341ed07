"""Public URLs of city dialogues and ideas (under the language prefix, namespace "ideas").

The dialogue pages themselves are Wagtail pages; these are the forms and actions around them.
"""

from django.urls import path

from participation.dialogues.views import following, ideas

app_name = "ideas"

urlpatterns = [
    path("<int:pk>/", ideas.idea_detail, name="detail"),
    path("<int:pk>/edit/", ideas.idea_edit, name="edit"),
    path("<int:pk>/comment/", ideas.comment_create, name="comment"),
    path("<int:pk>/support/", ideas.support_toggle, name="support"),
    path("<int:pk>/report/", ideas.idea_flag, name="flag"),
    path("comments/<int:pk>/report/", ideas.comment_flag, name="comment_flag"),
    path("new/<int:dialogue_pk>/", ideas.idea_create, name="create"),
    path("dialogues/<int:pk>/follow/", following.dialogue_follow, name="follow"),
    path("events/<int:pk>/registration/", following.event_registration, name="event_registration"),
    path("events/<int:pk>/calendar.ics", following.event_ical, name="event_ical"),
    path("notifications/", following.notification_settings, name="notification_settings"),
    path("notifications/unsubscribe/<str:token>/", following.unsubscribe, name="unsubscribe"),
]
