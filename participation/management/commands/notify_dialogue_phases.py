"""Tell followers of a city dialogue that it entered a new phase. Run daily (cron / scheduler)."""

from django.core.management.base import BaseCommand

from participation.dialogues.notifications import notify_phase_changes


class Command(BaseCommand):
    help = "Queue e-mails to followers of city dialogues that entered a new phase since the last run."

    def handle(self, *args, **options):
        queued = notify_phase_changes()
        self.stdout.write(f"{queued} e-mails queued")
