"""Public URLs of the participation app (under the language prefix).

Polls are included from website/urls.py under `polls/`; other parts of the app
(dialogues, ideas) add their own include next to it.
"""

from django.urls import path

from participation.polls import views as polls
from website import converters  # noqa: F401  (registers the <id:…> URL converter)

app_name = "participation"

urlpatterns = [
    path("", polls.poll_list, name="poll_list"),
    path("<id:pk>/", polls.poll_detail, name="poll_detail"),
    path("<id:pk>/vote/", polls.vote, name="poll_vote"),
]
