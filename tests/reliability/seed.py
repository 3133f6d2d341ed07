"""Run by the outage tests inside `manage.py shell` against their own database: the site
skeleton, a topic field, an open city dialogue with one idea, and a citizen with a session.
Prints ``<idea id> <session key>``."""

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from tests.accounts.factories import UserFactory
from tests.agenda.factories import build_topic_field
from tests.participation.factories import IdeaFactory, build_dialogue
from tests.skeleton import build_home_pages, ensure_locales

home = build_home_pages(ensure_locales())["de"]
topic_field = build_topic_field(home, title="Verwaltung")
dialogue = build_dialogue(home, topic_fields=[topic_field])
idea = IdeaFactory(dialogue=dialogue, topic_field=topic_field)
user = UserFactory()
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(idea.pk, session.session_key)  # noqa: T201
