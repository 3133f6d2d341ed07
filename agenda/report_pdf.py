"""The progress report as PDF, rendered by WeasyPrint from the same template as the HTML report.

- Fonts are bundled (DejaVu Sans in ``agenda/static/agenda/fonts/``, licence next to it)
  and loaded by ``file://`` URL, so the PDF looks the same on every machine.
- WeasyPrint never fetches anything remote: ``LocalStaticFetcher`` only opens files
  inside this app's static folder and refuses every other URL (http, https, data of
  other origin, files elsewhere).
- WeasyPrint needs Pango from the operating system (Debian: ``libpango-1.0-0
  libpangoft2-1.0-0``). Without it, ``PdfUnavailable`` is raised so the views can answer
  503 with an explanation instead of failing with 500.
"""

import logging
from pathlib import Path

from django.template.loader import render_to_string

STATIC_DIR = (Path(__file__).resolve().parent / "static" / "agenda").resolve()
FONT_DIR = STATIC_DIR / "fonts"
PRINT_CSS = STATIC_DIR / "css" / "progress.css"


class PdfUnavailable(RuntimeError):
    """The PDF library (WeasyPrint or the system's Pango) cannot be loaded."""


def _weasyprint():
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # one INFO line per layout step
    try:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    except (ImportError, OSError) as error:  # OSError: Pango/HarfBuzz libraries missing
        raise PdfUnavailable(str(error)) from error
    return weasyprint, FontConfiguration


def local_fetcher_class(weasyprint):
    class LocalStaticFetcher(weasyprint.urls.URLFetcher):
        """Opens only files below ``agenda/static/agenda/``; everything else is refused."""

        def fetch(self, url, headers=None):
            if not url.startswith("file://"):
                raise ValueError(f"Remote resources are not allowed in the report: {url}")
            from urllib.parse import unquote, urlsplit

            path = Path(unquote(urlsplit(url).path)).resolve()
            if not path.is_relative_to(STATIC_DIR) or not path.is_file():
                raise ValueError(f"Only the report's own static files may be loaded: {url}")
            return super().fetch(url, headers)

    return LocalStaticFetcher


def font_face_css():
    regular = (FONT_DIR / "DejaVuSans.ttf").as_uri()
    bold = (FONT_DIR / "DejaVuSans-Bold.ttf").as_uri()
    return (
        f'@font-face {{ font-family: "Report Sans"; src: url("{regular}"); font-weight: normal; }}\n'
        f'@font-face {{ font-family: "Report Sans"; src: url("{bold}"); font-weight: bold; }}\n'
        'html, body, svg text { font-family: "Report Sans", sans-serif; }\n'
    )


def report_html_for_print(report, charts, organisation_name=""):
    return render_to_string(
        "agenda/progress_report.html",
        {
            "report": report,
            "charts": charts,
            "layout": "agenda/report_print_base.html",
            "print": True,
            "organisation_name": organisation_name,
        },
    )


def render_pdf(report, charts, organisation_name=""):
    """PDF bytes of the report. Raises ``PdfUnavailable`` when WeasyPrint cannot run here."""
    weasyprint, FontConfiguration = _weasyprint()
    html = report_html_for_print(report, charts, organisation_name)
    fetcher = local_fetcher_class(weasyprint)(timeout=2, allowed_protocols={"file"})
    font_config = FontConfiguration()
    stylesheets = [
        weasyprint.CSS(string=font_face_css(), font_config=font_config, url_fetcher=fetcher),
        weasyprint.CSS(filename=str(PRINT_CSS), font_config=font_config, url_fetcher=fetcher),
    ]
    document = weasyprint.HTML(string=html, base_url=STATIC_DIR.as_uri() + "/", url_fetcher=fetcher)
    try:
        return document.write_pdf(stylesheets=stylesheets, font_config=font_config)
    except OSError as error:  # a library failing at render time
        raise PdfUnavailable(str(error)) from error


def pdf_filename(report):
    return f"progress-report-{report.as_of:%Y-%m-%d}-{report.language}.pdf"
