from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from fazhi.core import api, views

admin.site.site_header = _("Fazhi administration")
admin.site.site_title = _("Fazhi administration")
admin.site.index_title = _("System administration")

handler400 = views.bad_request

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("search/", views.search, name="search"),
    path("favicon.ico", views.favicon),
    path("accounts/", include("fazhi.core.auth_urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("ledgers/", include("fazhi.core.ledger_urls")),
    path("api/v1/", include(api.router_urls())),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    path(
        "api/v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema"),
        name="api-docs",
    ),
    *views.app_urlpatterns(),
]
