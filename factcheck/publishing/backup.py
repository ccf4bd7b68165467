"""The whole newsroom as one JSON document, and back: for backups and for moving servers.

``newsroom_export()`` writes every row of factcheck's own tables — members, articles and their
revisions, claims, reviews, the audit trail, comments, notifications, sources, snapshots,
evidence, lookups, webhooks and their deliveries, and any model a factcheck app adds later —
field by field (``attname``: a foreign key is its id), keyed by ``app_label.model``, rows in id
order. ``newsroom_import()`` loads such a document into an **empty** database, keeping every id,
so links, report URLs and audit rows stay as they were. Export → import → export gives the same
bytes (``dumps`` sorts keys), on PostgreSQL and SQLite alike, so a dump moves between the two.

Secrets are left out unless asked for (``with_secrets``): a backup file travels further than a
database, and a leaked one must not hand out logins or webhook signing keys. Without them,
imported members have no usable password (set one with ``addmember`` or "forgot password") and
webhooks get a fresh secret. API tokens, sessions, login-failure records and Django's
groups/permissions (factcheck uses roles) are never exported. Uploaded files are referenced by
name, not embedded: copy ``MEDIA_ROOT`` alongside the document (their text is in the snapshots).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.db.models.fields.files import FieldFile

from factcheck.webhooks.models import new_secret

FORMAT = "factcheck-newsroom"
VERSION = 1
APP_LABELS = ("accounts", "articles", "claims", "sources", "publishing", "webhooks")
# Fields that are credentials: exported only with with_secrets.
SECRET_FIELDS = {"accounts.user": ("password",), "webhooks.webhook": ("secret",)}
BATCH = 1000


class ImportRefused(Exception):
    """The document or the target database is not one newsroom_import accepts."""


def newsroom_models() -> list[type[models.Model]]:
    """Every concrete model of factcheck's apps, in app order then definition order."""
    out = []
    for label in APP_LABELS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        out += [m for m in config.get_models() if not m._meta.proxy and m._meta.managed]
    return out


def _key(model: type[models.Model]) -> str:
    return model._meta.label_lower


def _fields(model: type[models.Model], *, with_secrets: bool) -> list[models.Field]:
    secret = () if with_secrets else SECRET_FIELDS.get(_key(model), ())
    return [f for f in model._meta.concrete_fields if f.name not in secret]


def _dump_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat() if value.tzinfo else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _rows(model: type[models.Model], fields: list[models.Field], using: str) -> Iterator[dict[str, Any]]:
    names = [f.attname for f in fields]
    qs = model._base_manager.using(using).order_by("pk").values_list(*names)
    for values in qs.iterator(chunk_size=BATCH):
        yield {name: _dump_value(v) for name, v in zip(names, values, strict=True)}


def newsroom_export(*, with_secrets: bool = False, using: str = "default") -> dict[str, Any]:
    tables = {}
    for model in newsroom_models():
        tables[_key(model)] = list(_rows(model, _fields(model, with_secrets=with_secrets), using))
    return {"format": FORMAT, "version": VERSION, "with_secrets": with_secrets, "tables": tables}


def dumps(document: dict[str, Any]) -> str:
    # Sorted keys and fixed separators: the same newsroom is the same text, whichever database held it.
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def _load_value(field: models.Field, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(field, models.DateTimeField | models.DateField | models.TimeField):
        return field.to_python(value)
    if isinstance(field, models.FileField):
        return value
    return value


def _fill_secrets(key: str, row: dict[str, Any]) -> None:
    if key == "accounts.user" and "password" not in row:
        row["password"] = make_password(None)  # unusable: the member sets a new one
    if key == "webhooks.webhook" and "secret" not in row:
        row["secret"] = new_secret()


def newsroom_import(document: dict[str, Any], *, using: str = "default") -> dict[str, int]:
    """Load a document into an empty database; returns rows per table. All or nothing."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportRefused(f"Not a factcheck newsroom document (expected format {FORMAT!r}).")
    if document.get("version") != VERSION:
        raise ImportRefused(f"Unsupported document version {document.get('version')!r} (this factcheck reads {VERSION}).")
    tables = document.get("tables") or {}
    by_key = {_key(m): m for m in newsroom_models()}
    unknown = sorted(set(tables) - set(by_key))
    if unknown:
        raise ImportRefused(f"The document has tables this factcheck does not know: {', '.join(unknown)}.")
    busy = [key for key, model in by_key.items() if model._base_manager.using(using).exists()]
    if busy:
        raise ImportRefused(f"The database is not empty ({', '.join(busy)} already have rows); import into a new one.")
    counts: dict[str, int] = {}
    connection = connections[using]
    with transaction.atomic(using=using):
        # Foreign keys are checked at commit (Django creates them deferrable on PostgreSQL and
        # SQLite), so tables load in any order and circular links (article ↔ current revision) hold.
        for key, model in by_key.items():
            rows = tables.get(key) or []
            fields = list(model._meta.concrete_fields)
            by_attname = {f.attname: f for f in fields}
            objs = []
            for raw in rows:
                row = dict(raw)
                _fill_secrets(key, row)
                extra = set(row) - set(by_attname)
                if extra:
                    raise ImportRefused(f"{key} has fields this factcheck does not know: {', '.join(sorted(extra))}.")
                obj = model(**{name: _load_value(by_attname[name], value) for name, value in row.items()})
                objs.append(obj)
            for start in range(0, len(objs), BATCH):
                # raw=True: values go in as written (no auto_now dates, no save() guards of append-only rows).
                model._base_manager.using(using)._insert(objs[start:start + BATCH], fields=fields, raw=True,
                                                         using=using)
            counts[key] = len(objs)
        sql = connection.ops.sequence_reset_sql(no_style(), list(by_key.values()))
        if sql:
            with connection.cursor() as cursor:
                for statement in sql:
                    cursor.execute(statement)
    return counts
