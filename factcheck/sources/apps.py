from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "factcheck.sources"
    label = "sources"
