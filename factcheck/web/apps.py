from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "factcheck.web"
    label = "web"
