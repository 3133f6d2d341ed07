"""One open-data file and the context it is built in, shared by the download views, the Open
data page (its "last changed" dates) and the snapshot command.

Apart from ``views`` so that ``models`` can use it without importing the views.
"""

from django.utils import translation

from wagtail.models import Locale

from .datasets import ExportContext
from .export import render_csv, render_json


def export_context(home, language, as_of=None, request=None):
    locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
    return ExportContext(home=home, locale=locale, as_of=as_of, request=request)


def build_file(dataset, fmt, ctx, language, licence):
    """The bytes of one download; shared by the view and the snapshot command."""
    with translation.override(language):
        rows = dataset.build(ctx)
        if fmt == "csv":
            return render_csv(dataset.columns, rows)
        return render_json(dataset, dataset.columns, rows, language=language, as_of=ctx.as_of, licence=licence)
