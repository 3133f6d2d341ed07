"""Write every open dataset, as it was at the end of a given day, to files.

    manage.py opendata_snapshot --date 2025-06-30 --output snapshots/

writes ``snapshots/2025-06-30/<dataset>.<lang>.csv`` and ``.json`` for every dataset and
language, plus ``catalog.jsonld``. What a past date can rebuild (measures and projects)
and what stays today's state is documented in ``opendata.datasets`` and the README.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail.models import Site

from agenda.reports import source_home
from opendata.catalog import build_catalog
from opendata.datasets import all_datasets
from opendata.export import FORMATS, BadParameter, language_codes, parse_as_of
from opendata.files import build_file, export_context
from opendata.models import licence_for


class Command(BaseCommand):
    help = "Write all open datasets (CSV and JSON, every language) for a date, rebuilt from the logs."

    def add_arguments(self, parser):
        parser.add_argument("--date", default="", help="YYYY-MM-DD, not in the future (default: today).")
        parser.add_argument("--output", default="open-data-snapshots", help="Folder to write to.")
        parser.add_argument(
            "--language", action="append", choices=language_codes(), help="Only these languages (repeatable)."
        )
        parser.add_argument("--site", default="", help="Hostname of the Wagtail site (default: the default site).")

    def handle(self, *args, **options):
        try:
            as_of = parse_as_of(options["date"])
        except BadParameter as bad:
            raise CommandError(f"--date: {bad.message}") from None
        sites = Site.objects.all()
        site = (
            sites.filter(hostname=options["site"]).first()
            if options["site"]
            else sites.filter(is_default_site=True).first()
        )
        if site is None:
            raise CommandError("No such Wagtail site.")
        home = source_home(site.root_page)
        day = as_of or timezone.localdate()
        folder = Path(options["output"]) / day.isoformat()
        folder.mkdir(parents=True, exist_ok=True)
        licence = licence_for(site)
        written = 0
        for language in options["language"] or language_codes():
            ctx = export_context(home, language, as_of)
            for dataset in all_datasets():
                for fmt in FORMATS:
                    path = folder / f"{dataset.key}.{language}.{fmt}"
                    path.write_bytes(build_file(dataset, fmt, ctx, language, licence))
                    written += 1
        catalog = build_catalog(export_context(home, "de"), site, site.root_url.rstrip("/"))
        (folder / "catalog.jsonld").write_text(json.dumps(catalog, ensure_ascii=False, indent=1), encoding="utf-8")
        if options["verbosity"] > 0:
            self.stdout.write(f"{written + 1} files written to {folder} (state at the end of {day.isoformat()}).")
