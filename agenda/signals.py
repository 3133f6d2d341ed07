"""Write the progress log when a measure is published with a changed status or percentage."""

from django.dispatch import receiver

from wagtail.signals import page_published

from .models import MeasurePage
from .services import record_progress


@receiver(page_published)
def log_measure_progress(sender, instance, revision=None, **kwargs):
    if not isinstance(instance, MeasurePage):
        return

    record_progress(instance, user=getattr(revision, "user", None))
