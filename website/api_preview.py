"""Draft preview for headless front ends: ``/api/v2/preview/<page id>/?token=…``.

An editor opens *Headless preview* on a page in the admin and gets a signed token
(``django.core.signing.TimestampSigner``) that is bound to that one page and expires
after ``API_PREVIEW_TOKEN_MAX_AGE`` seconds. With it, a front end fetches the page's
latest revision — the draft, unpublished changes included — in the same JSON shape as
``/api/v2/pages/<id>/``. No session or cookie is needed, so the token is the secret:
it is never written to a log by this code and expires quickly.

Errors: no token → 400; forged, expired or another page's token → 403; unknown page → 404.
"""

from rest_framework import status
from rest_framework.response import Response

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.urls import path

from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from website import converters  # noqa: F401  (registers the <id:…> URL converter)
from website.api_base import SitePagesAPIViewSet

TOKEN_SALT = "flensburg-digital.api-preview"  # noqa: S105 - a namespace for the signer, not a secret


class PreviewTokenError(Exception):
    pass


def _signer():
    return signing.TimestampSigner(salt=TOKEN_SALT)


def make_preview_token(page):
    return _signer().sign_object({"page": page.pk})


def preview_api_path(page):
    return f"/api/v2/preview/{page.pk}/?token={make_preview_token(page)}"


def check_preview_token(token, page_id, max_age=None):
    """The page id the token was made for, if it is genuine, fresh and for this page."""
    max_age = settings.API_PREVIEW_TOKEN_MAX_AGE if max_age is None else max_age
    try:
        data = _signer().unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise PreviewTokenError("the preview token has expired; get a new one in the admin") from error
    except (signing.BadSignature, ValueError, TypeError, UnicodeError) as error:
        raise PreviewTokenError("the preview token is not valid") from error
    if not isinstance(data, dict) or data.get("page") != page_id:
        raise PreviewTokenError("the preview token was made for another page")
    return page_id


class PagePreviewAPIViewSet(SitePagesAPIViewSet):
    """The latest revision of one page, for whoever holds a valid preview token."""

    name = "preview"
    known_query_parameters = frozenset(["token", "fields", "rich_text_format", "format"])

    @classmethod
    def get_urlpatterns(cls):
        return [path("<id:pk>/", cls.as_view({"get": "detail_view"}), name="detail")]

    def get_object(self):
        if hasattr(self, "_cached_object"):
            return self._cached_object
        token = self.request.GET.get("token")
        if not token:
            raise BadRequestError("token is required")
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                f"query parameter is not an operation or a recognised field: {', '.join(sorted(unknown))}"
            )
        page_id = check_preview_token(token, self.kwargs["pk"])
        page = Page.objects.filter(pk=page_id, depth__gt=1).first()
        if page is None:
            raise Http404("not found")
        page = page.specific
        revision = page.latest_revision
        self._cached_object = revision.as_object() if revision is not None else page
        return self._cached_object

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def handle_exception(self, exc):
        if isinstance(exc, PreviewTokenError):
            return Response({"message": str(exc), "token": [str(exc)]}, status=status.HTTP_403_FORBIDDEN)
        return super().handle_exception(exc)
