"""Which fine change stamps (core/stamps.py) a query's answer depends on, read from the query itself.

A list's count depends on which rows exist and on the columns its filter reads, not on the rest:
``?type=quantity`` counts by ``claims_claim.types``, so a verdict (status, verdict, version,
updated_by, updated_at) leaves it as it was. ``reads(qs)`` names, for a queryset:

- ``all`` (raw SQL, DDL, a cache that was away);
- ``rows:<table>`` and ``ins:<table>`` of every table the query reads (the base table and each
  join: new rows change an answer as much as deleted ones; api/page_index.py adds up only the
  base table's new rows);
- ``col:<table>.<column>`` of every column its WHERE reads, the columns each join is made on,
  and with ``terms`` (an ordering, api/page_index.py) the columns along each ordering path.

It answers None, and the caller falls back to the broad ``lists`` stamp, whenever it cannot be
sure: a subquery, raw SQL or ``extra()``, an annotation, DISTINCT or GROUP BY, a slice, a
filtered relation, a table whose writes replace no stamp (``NOT_LISTED``), an expression whose
value is not a function of the columns (``Now()``, ``Random()``), or a node it does not know.
"""

from __future__ import annotations

from django.db.models import Exists, Lookup, Model, QuerySet, Subquery
from django.db.models.expressions import BaseExpression, Col, RawSQL
from django.db.models.functions import Now, Random
from django.db.models.sql import Query
from django.db.models.sql.datastructures import Join
from django.db.models.sql.where import ExtraWhere, NothingNode, WhereNode

from factcheck.core import stamps

_UNSURE = (Query, Subquery, Exists, RawSQL, ExtraWhere, Now, Random, QuerySet)


def reads(qs: QuerySet, terms: list[tuple[str, bool]] | None = None) -> tuple[str, ...] | None:
    """The fine stamps ``qs``'s rows (and, with ``terms``, their order) depend on; None if unsure."""
    query = qs.query
    if (query.combinator or query.distinct or query.extra or query.extra_tables or query.annotations
            or query.group_by or query.low_mark or query.high_mark is not None):
        return None
    # The base table is in alias_map only once the query is compiled (or filtered): named here.
    base = qs.model._meta.db_table
    if not stamps.listed(base):
        return None
    names = {stamps.ALL, stamps.rows(base), stamps.inserted(base)}
    tables: dict[str, str] = {base: base}
    for alias, entry in query.alias_map.items():
        if not stamps.listed(entry.table_name):
            return None  # such a table's writes replace no stamp at all
        tables[alias] = entry.table_name
        names.update((stamps.rows(entry.table_name), stamps.inserted(entry.table_name)))
        if isinstance(entry, Join):
            if entry.filtered_relation is not None:
                return None
            parent = query.alias_map[entry.parent_alias].table_name
            for parent_column, own_column in entry.join_cols:
                names.update((stamps.column(parent, parent_column), stamps.column(entry.table_name, own_column)))
    columns: set[tuple[str, str]] = set()
    if not _columns(query.where, columns):
        return None
    for alias, name in columns:
        if alias not in tables:
            return None
        names.add(stamps.column(tables[alias], name))
    if terms is not None:
        for path, _ in terms:
            if not _along(qs.model, path, names):
                return None
    return tuple(sorted(names))


def _along(model: type[Model], path: str, names: set[str]) -> bool:
    """Add the columns (and joined tables' rows) an ordering path reads: ``article__created_at``."""
    parts = path.split("__")
    for i, part in enumerate(parts):
        meta = model._meta
        field = meta.pk if part == "pk" else meta.get_field(part)
        if getattr(field, "column", None) is None:
            return False  # a reverse relation or a many-to-many: not one column of this table
        names.add(stamps.column(meta.db_table, field.column))
        if i < len(parts) - 1:
            if not field.many_to_one:
                return False
            model = field.related_model
            if not stamps.listed(model._meta.db_table):
                return False
            names.update((stamps.rows(model._meta.db_table), stamps.inserted(model._meta.db_table)))
            names.add(stamps.column(model._meta.db_table, field.target_field.column))
    return True


def _columns(node: object, out: set[tuple[str, str]]) -> bool:
    """Collect the (alias, column) pairs a WHERE node reads; False if it reads something else too."""
    if isinstance(node, _UNSURE):
        return False
    if isinstance(node, Col):
        out.add((node.alias, node.target.column))
        return True
    if isinstance(node, WhereNode):
        return all(_columns(child, out) for child in node.children)
    if isinstance(node, NothingNode):
        return True
    if isinstance(node, Lookup):
        return _columns(node.lhs, out) and _columns(node.rhs, out)
    if isinstance(node, BaseExpression):
        return all(_columns(child, out) for child in node.get_source_expressions() if child is not None)
    if isinstance(node, (list, tuple, set, frozenset)):
        return all(_columns(item, out) for item in node)
    # An expression of a kind not known here is unsure; a plain value (text, a number, a date, a
    # model instance given for its key) reads nothing.
    return not (hasattr(node, "as_sql") or hasattr(node, "resolve_expression"))
