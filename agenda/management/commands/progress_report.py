"""Write the council progress report as PDF: ``manage.py progress_report --as-of 2021-12-31 --language da``."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from wagtail.models import Site

from agenda.charts import report_charts
from agenda.report_pdf import PdfUnavailable, pdf_filename, render_pdf
from agenda.report_views import BadReportDate, parse_as_of
from agenda.reports import build_report, source_home
from website.models.settings import SiteSettings


class Command(BaseCommand):
    help = (
        "Write the progress report of the Digital Agenda as a PDF (published measures only, "
        "unless --include-unpublished). The figures for a past date come from the progress log."
    )

    def add_arguments(self, parser):
        parser.add_argument("--as-of", default="", help="Report date YYYY-MM-DD (default: today).")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="Language of the report (default: %(default)s).",
        )
        parser.add_argument(
            "--output", default="", help="PDF file to write (default: progress-report-<date>-<lang>.pdf)."
        )
        parser.add_argument("--site", default="", help="Hostname of the Wagtail site (default: the default site).")
        parser.add_argument(
            "--include-unpublished", action="store_true", help="Count unpublished measures and projects too."
        )

    def handle(self, *args, **options):
        try:
            as_of = parse_as_of(options["as_of"])
        except BadReportDate as error:
            raise CommandError(str(error)) from error
        sites = Site.objects.all()
        site = (
            sites.filter(hostname=options["site"]).first()
            if options["site"]
            else sites.filter(is_default_site=True).first()
        )
        if site is None:
            raise CommandError("No such Wagtail site.")
        with translation.override(options["language"]):
            report = build_report(
                source_home(site.root_page), as_of=as_of, include_unpublished=options["include_unpublished"]
            )
            charts = report_charts(report)
            organisation = getattr(_site_settings(site), "organisation_name", "")
            try:
                pdf = render_pdf(report, charts, organisation)
            except PdfUnavailable as error:
                raise CommandError(f"The PDF library cannot be loaded (is Pango installed?): {error}") from error
        output = Path(options["output"] or pdf_filename(report))
        try:
            output.write_bytes(pdf)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error}") from error
        self.stdout.write(f"Wrote {output} ({len(pdf)} bytes, as of {report.as_of:%Y-%m-%d}, {report.language}).")


def _site_settings(site):
    return SiteSettings.for_site(site)
