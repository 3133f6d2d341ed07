"""Swagger UI for the API at ``/api/docs/``, served from local files (drf-spectacular-sidecar).

The split view loads its start-up script as a separate file, so the page runs under
the site's strict Content Security Policy: no CDN, no inline script; the one inline
style carries the request's nonce.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "website/api_docs.html"
    title = "Flensburg digital API"
