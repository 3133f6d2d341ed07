"""Downloads of the open datasets, the DCAT-AP.de catalogue and the Open data page's figures.

URLs (no language prefix: the language is a parameter, the files are the same for everyone):

- ``/open-data/<dataset>.csv`` and ``/open-data/<dataset>.json`` with ``?lang=de|da|en``
  (default: German) and ``?as_of=YYYY-MM-DD`` (a past date, rebuilt from the logs; see
  ``opendata.datasets``);
- ``/open-data/catalog.jsonld`` — the DCAT-AP.de catalogue (``application/ld+json``).

Bad input gets a 400 (bad parameter) or 404 (unknown dataset or format) with a JSON body
``{"detail": "...", "parameter": "..."}``.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Site

from .datasets import ExportContext, all_datasets, get_dataset
from .export import FORMATS, BadParameter, filename, parse_query, render_csv, render_json

CACHE_SECONDS = 300


def error(status, message, parameter=None):
    body = {"detail": message}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def site_and_home(request):
    """(Wagtail site, its home page in the default language) for the request, or (None, None)."""
    from agenda.reports import source_home

    site = Site.find_for_request(request)
    if site is None:
        return None, None
    return site, source_home(site.root_page)


def export_context(home, language, as_of=None, request=None):
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    return ExportContext(home=home, locale=locale, as_of=as_of, request=request)


def licence_for(site):
    from .models import OpenDataSettings

    return OpenDataSettings.for_site(site).licence_uri


def build_file(dataset, fmt, ctx, language, licence):
    """The bytes of one download; shared by the view and the snapshot command."""
    with translation.override(language):
        rows = dataset.build(ctx)
        if fmt == "csv":
            return render_csv(dataset.columns, rows)
        return render_json(dataset, dataset.columns, rows, language=language, as_of=ctx.as_of, licence=licence)


def _headers(response, download_name=None):
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["X-Content-Type-Options"] = "nosniff"
    if download_name:
        response["Content-Disposition"] = f'inline; filename="{download_name}"'
    return response


@require_safe
def download(request, dataset_key, fmt):
    dataset = get_dataset(dataset_key)
    if dataset is None:
        names = ", ".join(item.key for item in all_datasets())
        return error(404, _("Unknown dataset. Available datasets: %(names)s.") % {"names": names})
    if fmt not in FORMATS:
        return error(404, _("Unknown format. Use .csv or .json."))
    try:
        language, as_of = parse_query(request.GET)
    except BadParameter as bad:
        return error(400, bad.message, bad.parameter)
    site, home = site_and_home(request)
    if home is None:
        return error(404, _("No site is configured for this host."))
    ctx = export_context(home, language, as_of, request)
    body = build_file(dataset, fmt, ctx, language, licence_for(site))
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Language"] = language
    return _headers(response, filename(dataset.key, language, as_of, fmt))


@require_safe
def catalog(request):
    from .catalog import build_catalog

    site, home = site_and_home(request)
    if home is None:
        return error(404, _("No site is configured for this host."))
    ctx = export_context(home, translation.get_language() or "de", request=request)
    document = build_catalog(ctx, site, request.build_absolute_uri("/").rstrip("/"))
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return _headers(HttpResponse(body, content_type="application/ld+json; charset=utf-8"))


def open_data_page_context(request, page):
    """What the Open data page lists: every dataset with its links, last change and columns."""
    from agenda.reports import source_home

    from .models import OpenDataSettings, licence_info

    language = page.locale.language_code
    site = page.get_site() or Site.find_for_request(request)
    home = source_home(site.root_page) if site else None
    ctx = export_context(home, language, request=request) if home else None
    datasets = []
    for dataset in all_datasets():
        links = [
            {
                "format": fmt.upper(),
                "url": reverse("opendata:download", args=[dataset.key, fmt]) + f"?lang={language}",
            }
            for fmt in FORMATS
        ]
        datasets.append(
            {
                "key": dataset.key,
                "title": dataset.title,
                "description": dataset.description,
                "history": dataset.history,
                "columns": dataset.columns,
                "links": links,
                "modified": dataset.modified(ctx) if ctx else None,
            }
        )
    licence = OpenDataSettings.for_site(site).licence_uri if site else None
    return {
        "datasets": datasets,
        "licence": licence_info(licence) if licence else None,
        "catalog_url": reverse("opendata:catalog"),
        "example_as_of": reverse("opendata:download", args=["measures", "csv"]) + f"?lang={language}&as_of=2025-06-30",
    }
