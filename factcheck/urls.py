"""Top-level URL map: browser pages, the API, published reports, admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include("factcheck.api.urls")),
    path("reports/", include("factcheck.publishing.urls")),
    path("", include("factcheck.web.urls")),
]
