from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings


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
