"""The OpenAPI schema and the Swagger UI, served from our own static files.

The site's CSP allows no inline script or style, so the UI is the "split"
variant (its start-up script is a separate request) with a template whose one
inline style block moved to a static file.
"""

from __future__ import annotations

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView


class SchemaView(SpectacularAPIView):
    pass


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/swagger_ui.html"
    url_name = "api-schema"
    title = "factcheck API"
