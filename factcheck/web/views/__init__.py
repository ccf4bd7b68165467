"""Browser pages (thin: parse, check permission, call a service or selector, render).

Every POST calls one service function. A refusal (DomainError) is rendered by
web/errors.py with the same status and message the API gives. Successful posts
redirect (post/redirect/get); htmx forms swap the part of the page they name
with `hx-select`, so the same views serve both. One module per area, mirroring
``api/views/``.
"""

from factcheck.web.views import articles, claims, dashboard, health, sources

__all__ = ["articles", "claims", "dashboard", "health", "sources"]
