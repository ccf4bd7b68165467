from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "factcheck.publishing"
    label = "publishing"

    def ready(self) -> None:
        # claims sits below publishing and must not import it: it calls the hook it was handed instead.
        from factcheck.claims.services import common
        from factcheck.publishing.services import on_claim_event

        if on_claim_event not in common.EVENT_HOOKS:
            common.EVENT_HOOKS.append(on_claim_event)
