from drf_spectacular.views import SpectacularAPIView

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views
from search.api import SearchApiView
from website import views
from website.api import api_router
from website.api_docs import ApiDocsView
from website.sitemaps import AllLanguagesSitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/v1/search/", SearchApiView.as_view(), name="search_api"),
    path("api/v1/", include("participation.polls.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", ApiDocsView.as_view(url_name="api-schema"), name="api-docs"),
    path("open-data/", include("opendata.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": AllLanguagesSitemap}}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("accounts/me/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("polls/", include("participation.polls.urls")),
    path("ideas/", include("participation.dialogues.urls")),
    path("groups/", include("participation.groups.urls")),
    path("", include("agenda.report_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "website.views.server_error"
