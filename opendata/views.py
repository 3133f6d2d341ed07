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
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wagtail.models import Site

from agenda.reports import source_home

from .catalog import build_catalog
from .datasets import all_datasets, get_dataset
from .export import FORMATS, BadParameter, filename, parse_query
from .files import build_file, export_context
from .models import licence_for

CACHE_SECONDS = 300


def error(status, message, parameter=None):
    body = {"detail": message}
    if parameter:
        body["parameter"] = parameter
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def site_and_home(request):
    """(Wagtail site, its home page in the default language) for the request, or (None, None)."""
    site = Site.find_for_request(request)
    if site is None:
        return None, None
    return site, source_home(site.root_page)


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
    site, home = site_and_home(request)
    if home is None:
        return error(404, _("No site is configured for this host."))
    ctx = export_context(home, translation.get_language() or "de", request=request)
    document = build_catalog(ctx, site, request.build_absolute_uri("/").rstrip("/"))
    body = json.dumps(document, ensure_ascii=False, indent=1)
    return _headers(HttpResponse(body, content_type="application/ld+json; charset=utf-8"))
