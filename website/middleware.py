from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Strict policy for the public site, a relaxed one for the admin.

    The Wagtail admin (and Django's) still ships inline scripts and styles, so it
    cannot run under the public site's nonce-only policy.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.CSP_RELAXED_PATH_PREFIXES):
            return PolicyParts(settings.ADMIN_CONTENT_SECURITY_POLICY, None, None, None)
        return parts


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware without the 404 redirect outside the public site.

    Django redirects a 404 without a language prefix to `/de/<path>` when that path
    resolves — and Wagtail's catch-all route makes every path resolve. So an unknown
    API object or admin URL would turn into a redirect to an HTML page instead of a 404.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(settings.UNPREFIXED_PATH_PREFIXES):
            return response
        return super().process_response(request, response)
