"""Pagination of the top-level collections (articles, claims, members).

`?page=N` (the contract: count, next, previous, results) stays the default. Two things keep it
fast on a large archive:

- a page's rows are found with a lean query of their ids (only the joins the ordering needs),
  then loaded with their joins: the deep-page OFFSET walks an index, not fully joined rows;
- `?cursor=` (empty for the first page, then follow `next`) pages by position instead of OFFSET
  and without a COUNT: as fast on page 2,000 as on page 1. It orders by id, or by one of
  `CURSOR_ORDERINGS` given as `ordering`.
"""

from __future__ import annotations

from functools import cached_property, partial

from django.core.paginator import Paginator as DjangoPaginator
from rest_framework.pagination import CursorPagination, PageNumberPagination

from factcheck.api import page_index

CURSOR_ORDERINGS = ("id", "created_at", "updated_at")


class DeferredJoinPaginator(DjangoPaginator):
    """Count and find the page's ids on the plain queryset; load the rows by id (``rows`` if given).

    With ``indexed``, the count and the first rows of deep pages are kept under the change
    stamps (api/page_index.py): what the page shows is the same, it is only found sooner.
    """

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, rows=None, indexed=False):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.rows = rows
        self.indexed = indexed and hasattr(object_list, "values_list") and page_index.enabled()
        self._index: tuple | None = None

    def _mark(self) -> int | None:
        """``committed_below`` once per request: the count and a deep page both begin after it."""
        if not hasattr(self, "_committed_below"):
            self._committed_below = page_index.committed_below(self.object_list)
        return self._committed_below

    def _lookup(self, offset: int | None, size: int | None = None) -> tuple:
        if self._index is None:
            self._index = page_index.lookup(self.object_list, offset, size)
        return self._index

    @cached_property
    def count(self) -> int:
        if not self.indexed:
            return super().count
        found = self._lookup(None)
        count = found.count
        if count is None:
            # Kept with its mark and tail, so that after new rows only those need counting.
            kept = page_index.recount(self.object_list, found.grown, self._mark)
            page_index.store(found.count_stamp, {page_index.count_key(found.key): kept})
            count = kept[0]
        return count

    def page(self, number):
        qs = self.object_list
        if not hasattr(qs, "values_list"):
            return super().page(number)
        if not self.indexed:
            return self._page(qs, number, None)
        # The count (when not kept) and the ids are its queries worth planning.
        with page_index.serial(qs):
            return self._page(qs, number, page_index.order_terms(qs))

    def _page(self, qs, number, terms):
        if terms is not None:
            # Read the count and the page's first row (when known) in one round trip.
            try:
                wanted = (int(number) - 1) * self.per_page
            except (TypeError, ValueError):
                wanted = None
            self._lookup(wanted if wanted is not None and wanted >= page_index.SEEK_FROM else None, self.per_page)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if terms is not None and bottom >= page_index.SEEK_FROM:
            ids = self._deep_ids(qs, terms, bottom, top)
        else:
            ids = list(qs.values_list("pk", flat=True)[bottom:top])
        loaded = self.rows(ids) if self.rows is not None else qs.order_by().filter(pk__in=ids)
        # Model instances or .values() rows, whichever the loader gives, or its own {id: row}.
        found = loaded if isinstance(loaded, dict) else {
            (obj["id"] if isinstance(obj, dict) else obj.pk): obj for obj in loaded
        }
        return self._get_page([found[pk] for pk in ids if pk in found], number, self)

    def _deep_ids(self, qs, terms, bottom: int, top: int) -> list[int]:
        """The ids of rows bottom..top, from the page's known first row or by OFFSET; notes the next page's."""
        found = self._lookup(bottom)
        rows, entries = page_index.deep_page(qs, terms, bottom, top - bottom, found, self._mark, self.count)
        page_index.store(found.seek_stamp, entries)
        return [row[0] for row in rows[:top - bottom]]


class Cursor(CursorPagination):
    page_size_query_param = "page_size"
    max_page_size = 200
    ordering = ("id",)

    def get_ordering(self, request, queryset, view):
        wanted = request.query_params.get("ordering", "").split(",")[0].strip()
        if wanted.lstrip("-") in CURSOR_ORDERINGS:
            # id breaks ties, so a page boundary never splits equal timestamps differently.
            return (wanted,) if wanted.lstrip("-") == "id" else (wanted, "-id" if wanted.startswith("-") else "id")
        return ("id",)


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200
    django_paginator_class = DeferredJoinPaginator

    def paginate_queryset(self, queryset, request, view=None):
        self.cursor = Cursor() if "cursor" in request.query_params else None
        if self.cursor is not None:
            return self.cursor.paginate_queryset(queryset, request, view)
        # A view may load a page's rows its own way (the claim list: .values() rows by id).
        rows = getattr(view, "page_rows", None)
        self.django_paginator_class = partial(DeferredJoinPaginator, rows=rows,
                                              indexed=getattr(view, "indexed_pages", False))
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        if self.cursor is not None:
            return self.cursor.get_paginated_response(data)
        return super().get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["required"] = ["results"]
        schema["properties"]["count"]["description"] = "Number of results (absent when paging with `cursor`)."
        return schema

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        params.append({
            "name": "cursor",
            "required": False,
            "in": "query",
            "description": "Page by position instead: give it empty for the first page, then follow `next`. "
            "No `count`; ordered by id (or `ordering` = created_at/updated_at, optionally with -).",
            "schema": {"type": "string"},
        })
        return params
