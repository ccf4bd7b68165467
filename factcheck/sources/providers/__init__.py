"""The lookup providers, one class per lookup kind, in one registry.

A provider does one kind of background lookup in two steps, so the generic task
in ``sources/tasks.py`` can keep slow work out of transactions:

* ``gather(lookup)`` does the slow part (network, parsing, scoring) with no
  transaction open and returns plain data, or raises :class:`LookupProblem`;
* ``store(lookup, data)`` runs inside the transaction that also marks the
  lookup done: it writes rows (snapshots, follow-up lookups) and returns the
  JSON result kept on the lookup row.

Which providers exist is a setting: ``LOOKUP_PROVIDERS`` maps a kind to a
dotted class path and is merged over :data:`DEFAULT_PROVIDERS`, so a newsroom
adds its own (say an internal archive search that runs when a claim opens) by
writing one class and one settings line. ``LOOKUP_DISABLED`` switches kinds off.
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string
from django.utils.translation import ngettext

DEFAULT_PROVIDERS: dict[str, str] = {
    "fetch": "factcheck.sources.providers.snapshot.FetchProvider",
    "figure_check": "factcheck.sources.providers.figure_check.FigureCheckProvider",
    "similar": "factcheck.sources.providers.similar.SimilarClaimsProvider",
    "external": "factcheck.sources.providers.external.FactCheckToolsProvider",
    "import": "factcheck.sources.providers.article_import.ArticleImportProvider",
}


class LookupProblem(Exception):
    """A lookup that cannot succeed; ``message`` is shown to the reviewer as is."""

    def __init__(self, message: str, *, blocked: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.blocked = blocked


class Provider:
    kind: ClassVar[str] = ""
    label: ClassVar[str] = ""
    # When the services queue this kind on their own: "claim_open" (a claim enters the
    # check), "source_attached" (a URL source with no snapshot yet is attached to a claim), "snapshot" (a new snapshot
    # exists for a source a claim uses). Empty: only when someone asks.
    triggers: ClassVar[frozenset[str]] = frozenset()
    needs_claim: ClassVar[bool] = False
    needs_source: ClassVar[bool] = False

    @classmethod
    def enabled(cls) -> bool:
        return cls.kind not in set(getattr(settings, "LOOKUP_DISABLED", ()))

    def gather(self, lookup) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def store(self, lookup, data: Any) -> dict:
        return data if isinstance(data, dict) else {"value": data}

    @classmethod
    def summary(cls, result: dict) -> str:
        """One line for the claim page; kinds with their own panel section leave it empty."""
        hits = result.get("hits") if isinstance(result, dict) else None
        if not isinstance(hits, list):
            return ""
        return ngettext("%(n)s result", "%(n)s results", len(hits)) % {"n": len(hits)}


@cache
def _registry() -> dict[str, type[Provider]]:
    paths = {**DEFAULT_PROVIDERS, **getattr(settings, "LOOKUP_PROVIDERS", {})}
    registry: dict[str, type[Provider]] = {}
    for kind, path in paths.items():
        if not path:
            continue
        cls = import_string(path)
        if cls.kind != kind:
            raise ValueError(f"LOOKUP_PROVIDERS[{kind!r}] is {path}, whose kind is {cls.kind!r}")
        registry[kind] = cls
    return registry


@receiver(setting_changed)
def _reload(*, setting: str, **_kwargs) -> None:
    if setting in ("LOOKUP_PROVIDERS", "LOOKUP_DISABLED"):
        _registry.cache_clear()


def registry() -> dict[str, type[Provider]]:
    return dict(_registry())


def get(kind: str) -> type[Provider] | None:
    return _registry().get(kind)


def enabled(kind: str) -> bool:
    cls = get(kind)
    return bool(cls and cls.enabled())


def triggered_by(event: str) -> list[type[Provider]]:
    return [cls for cls in _registry().values() if event in cls.triggers and cls.enabled()]


def label(kind: str) -> str:
    cls = get(kind)
    return str(cls.label if cls else "") or kind.replace("_", " ").capitalize()
