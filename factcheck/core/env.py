"""Strict readers for settings that come from the environment.

Every helper fails with one line naming the variable, so a typo in a deployment
stops start-up instead of silently running with a default.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class EnvError(ImproperlyConfigured):
    """A configuration value from the environment is missing or malformed."""


def env_str(name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    value = environ.get(name)
    if value is None:
        if default is None:
            raise EnvError(f"{name} must be set")
        return default
    return value


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise EnvError(f"{name}={raw!r} is not a boolean (use 1/0, true/false, yes/no, on/off)")


def env_int(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> int:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise EnvError(f"{name}={raw!r} is not a whole number") from None
    if minimum is not None and value < minimum:
        raise EnvError(f"{name}={value} must be at least {minimum}")
    return value


def env_float(name: str, default: float, *, environ: Mapping[str, str] | None = None) -> float:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw.strip())
    except ValueError:
        raise EnvError(f"{name}={raw!r} is not a number") from None


def env_list(name: str, default: list[str], *, environ: Mapping[str, str] | None = None) -> list[str]:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if raw is None:
        return list(default)
    return [part.strip() for part in raw.split(",") if part.strip()]


def env_int_list(name: str, default: list[int], *, environ: Mapping[str, str] | None = None) -> list[int]:
    environ = os.environ if environ is None else environ
    if environ.get(name) is None:
        return list(default)
    values = []
    for part in env_list(name, [], environ=environ):
        if not part.isdigit():
            raise EnvError(f"{name}: {part!r} is not a whole number")
        values.append(int(part))
    return values


def env_database(name: str, default: str, *, environ: Mapping[str, str] | None = None) -> dict:
    """Parse a database URL; only PostgreSQL and SQLite are supported."""
    import dj_database_url

    environ = os.environ if environ is None else environ
    raw = environ.get(name) or default
    scheme = raw.split(":", 1)[0].lower() if ":" in raw else ""
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise EnvError(f"{name}={raw!r} is not a postgres:// or sqlite:// URL")
    try:
        config = dj_database_url.parse(raw, conn_max_age=60 if scheme != "sqlite" else 0)
    except Exception as exc:  # dj_database_url raises several types
        raise EnvError(f"{name} could not be parsed: {exc}") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise EnvError(f"{name}={raw!r} names no database")
    return config


def env_redis_url(name: str, *, environ: Mapping[str, str] | None = None) -> str | None:
    environ = os.environ if environ is None else environ
    raw = environ.get(name)
    if not raw:
        return None
    if not raw.startswith(("redis://", "rediss://", "unix://")):
        raise EnvError(f"{name}={raw!r} is not a redis:// URL")
    return raw
