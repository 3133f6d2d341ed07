from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Build the demo site (idempotent): pages in German with Danish and English translations."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo pages first and rebuild them.")

    def handle(self, *args, **options):
        from website import demo

        with transaction.atomic():
            demo.load(reset=options["reset"], stdout=self.stdout)
