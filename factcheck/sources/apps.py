from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "factcheck.sources"
    label = "sources"

    def ready(self) -> None:
        # Claims sit below sources and never import them: the claims services receive
        # the evidence gate and the claim-opened lookups from here.
        from factcheck.claims.services.common import receive_claim_opened, receive_evidence_counter
        from factcheck.sources.selectors import counting_evidence
        from factcheck.sources.services import lookups_on_claim_open

        receive_evidence_counter(counting_evidence)
        receive_claim_opened(lookups_on_claim_open)
