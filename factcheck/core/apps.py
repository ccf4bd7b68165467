from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "factcheck.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from factcheck.core import cache, stamps

        # Every connection's writes replace the change stamps that cached answers are checked against.
        connection_created.connect(stamps.install, dispatch_uid="factcheck.core.stamps")
        cache.ON_RECOVERY.append(lambda: stamps.replace(stamps.KEYS))
