"""The headless API v2 router: every endpoint is registered here, in one place.

The viewsets live with their apps (`agenda/api.py`, `projects/api.py`); the site's own
pages, images, documents and public snippets use the strict base viewsets of
`website/api_base.py`. `website/api_preview.py` adds the draft preview for headless
front ends.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from agenda.api import MeasuresAPIViewSet, TopicFieldsAPIViewSet
from projects.api import AdministrativeServicesAPIViewSet, ProjectPagesAPIViewSet
from projects.models import FundingProgramme, Organisation
from website.api_base import (
    SiteDocumentsAPIViewSet,
    SiteImagesAPIViewSet,
    SitePagesAPIViewSet,
    SnippetsAPIViewSet,
)
from website.api_preview import PagePreviewAPIViewSet
from website.models import ContactPerson

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", SiteImagesAPIViewSet)
api_router.register_endpoint("documents", SiteDocumentsAPIViewSet)
api_router.register_endpoint("measures", MeasuresAPIViewSet)
api_router.register_endpoint("topic_fields", TopicFieldsAPIViewSet)
api_router.register_endpoint("projects", ProjectPagesAPIViewSet)
api_router.register_endpoint("ozg-services", AdministrativeServicesAPIViewSet)
api_router.register_endpoint(
    "contacts", SnippetsAPIViewSet.for_model(ContactPerson, "contacts", ["name", "role", "unit"], ["photo"])
)
api_router.register_endpoint(
    "funding-programmes",
    SnippetsAPIViewSet.for_model(FundingProgramme, "funding-programmes", ["name", "funder", "period_start"]),
)
api_router.register_endpoint(
    "partners", SnippetsAPIViewSet.for_model(Organisation, "partners", ["name", "kind", "country"])
)
api_router.register_endpoint("preview", PagePreviewAPIViewSet)
