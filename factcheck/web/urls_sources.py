"""Browser routes for sources, evidence and lookups (owned with the sources package's UI)."""

urlpatterns: list = []
