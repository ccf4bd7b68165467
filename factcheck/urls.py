"""Top-level URL map: browser pages, the API, published reports, admin."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/", include("factcheck.api.urls")),
    path("reports/", include("factcheck.publishing.urls")),
    # The interface's words for static/js (gettext() in the browser), in the request's language.
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["factcheck.web"]), name="javascript-catalog"),
    path("", include("factcheck.web.urls")),
]

# Under /api/ even Django's own error answers (bad Host, a bug's 500) use the API's JSON shape.
handler400 = "factcheck.api.exceptions.bad_request"
handler403 = "factcheck.api.exceptions.permission_denied"
handler404 = "factcheck.api.exceptions.page_not_found"
handler500 = "factcheck.api.exceptions.server_error"
