from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "factcheck.claims"
    label = "claims"

    def ready(self) -> None:
        # Articles sit below claims and never import them: the article service
        # receives the re-anchoring it runs after each revision from here.
        from factcheck.articles.services import receive_article_deleting, receive_reanchor
        from factcheck.claims.derived import article_deleting
        from factcheck.claims.services.placement import claims_reanchor

        receive_reanchor(claims_reanchor)
        receive_article_deleting(article_deleting)
