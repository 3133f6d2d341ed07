"""Swagger UI for the API at ``/api/docs/``, served from local files (drf-spectacular-sidecar).

The split view loads its start-up script as a separate file and the template keeps
its styles in a static file, so the page runs under the site's strict Content Security
Policy unchanged: no CDN, no inline script or style.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class ApiDocsView(SpectacularSwaggerSplitView):
    template_name = "website/api_docs.html"
    title = "Flensburg digital API"
