"""Factories for polls (kept apart from the dialogue/idea factories of participation)."""

import datetime

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from wagtail.models import Locale

from participation.models import Poll, PollChoice


class PollFactory(DjangoModelFactory):
    question = "Welchen digitalen Service soll die Stadt als Nächstes anbieten?"
    description = "Ihre Antwort hilft bei der Priorisierung der Digitalen Agenda."
    kind = Poll.SINGLE
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    results_visibility = Poll.AFTER_VOTE
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Poll
        skip_postgeneration_save = True

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        if not create:
            return
        texts = extracted or ["Online-Terminvergabe", "Digitaler Bauantrag", "Mängelmelder"]
        for position, text in enumerate(texts):
            PollChoice.objects.create(poll=self, text=text, sort_order=position, locale=self.locale)


def translate_poll(poll, language_code, question=None, choice_texts=None):
    """A saved translation of `poll` (Wagtail's copy-for-translation keeps the keys)."""
    locale = Locale.objects.get(language_code=language_code)
    translated = poll.copy_for_translation(locale)
    if question:
        translated.question = question
    translated.save()
    for choice, text in zip(translated.choices.all(), choice_texts or [], strict=False):
        choice.text = text
        choice.save()
    return translated
