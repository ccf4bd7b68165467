from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "factcheck.publishing"
    label = "publishing"
