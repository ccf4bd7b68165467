"""The OpenAPI schema and the Swagger UI, served from our own static files.

The site's CSP allows no inline script or style, so the UI is the "split"
variant (its start-up script is a separate request) with a template whose one
inline style block moved to a static file.
"""

from __future__ import annotations

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.renderers import JSONRenderer


class JsonErrors:
    """Errors in JSON like everywhere else, whatever the page itself is rendered as."""

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code >= 400:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


class SchemaView(JsonErrors, SpectacularAPIView):
    pass


class DocsView(JsonErrors, SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    url_name = "api-schema"
    title = "factcheck API"
