import logging

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: Seconds a client should wait before trying again while the database is away.
RETRY_AFTER_SECONDS = 5
#: SQLSTATE classes and codes of a database that is away, not of a bad statement:
#: 08 connection exception, 57P01-57P03 shutdown / crash recovery / cannot connect now,
#: 53300 too many connections.
UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "53300")
#: Messages of the same situation where the driver gives no SQLSTATE.
UNAVAILABLE_MESSAGES = (
    "server closed the connection",
    "connection refused",
    "connection to server",
    "terminating connection",
    "the database system is",
    "connection already closed",
    "the connection is closed",
    "connection is lost",
    "consuming input failed",
    "database is locked",
    "ssl syscall error",
    "could not receive data",
    "could not send data",
)


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


def database_unavailable(error):
    """True for errors of a database that is away (dropped connection, restart, lock), not of a bad query."""
    if not isinstance(error, (OperationalError, InterfaceError)):
        return False
    if isinstance(error, InterfaceError):
        return True
    cause = error.__cause__ or error
    sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None) or ""
    if sqlstate and sqlstate.startswith(UNAVAILABLE_SQLSTATES):
        return True
    message = str(error).lower()
    return any(text in message for text in UNAVAILABLE_MESSAGES)


def service_unavailable(request):
    """The 503 answer: JSON on the APIs, a translated page elsewhere; rendered without the database."""
    if request.path_info.startswith(("/api/", "/open-data/")):
        response = JsonResponse(
            {"message": _("The service is briefly unavailable. Please try again in a few seconds.")}, status=503
        )
    else:
        body = render_to_string(
            "503.html", {"language_code": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)}
        )
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A database blip is a 503 with Retry-After, not a 500.

    Django turns an exception into a response at every middleware boundary, so what reaches
    ``process_exception`` is what views raise (the lazy session and user lookups included).
    Only errors of a database that is away are answered here; a bad query is
    still a 500 (a bug to fix). The connection is closed so the next request opens a new
    one (and ``CONN_HEALTH_CHECKS`` checks reused ones).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            return self._answer(request, exception)
        return None

    def _answer(self, request, error):
        logger.warning("Database unavailable on %s %s: %s", request.method, request.path, error)
        for connection in connections.all(initialized_only=True):
            try:
                connection.close_if_unusable_or_obsolete()
            except DatabaseError:
                logger.debug("Closing the broken connection failed", exc_info=True)
        return service_unavailable(request)
