from django.core.management.base import BaseCommand

from website import demo


class Command(BaseCommand):
    help = (
        "Build the demo site (idempotent): pages in German with Danish and English translations "
        "made through wagtail-localize, then the demo content of the agenda, projects and "
        "participation apps."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo pages first and rebuild them.")

    def handle(self, *args, **options):
        demo.load(reset=options["reset"], stdout=self.stdout if options["verbosity"] > 0 else None)
