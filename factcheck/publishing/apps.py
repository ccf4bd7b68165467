from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "factcheck.publishing"
    label = "publishing"

    def ready(self) -> None:
        # Claims sit below publishing and never import it: the claims services receive the
        # hook that turns a reopened or re-resolved claim into report state and corrections.
        from factcheck.claims.services.common import receive_event_hook
        from factcheck.publishing.services import on_claim_event

        receive_event_hook(on_claim_event)
