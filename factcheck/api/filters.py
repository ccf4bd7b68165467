"""Query-string filters of the claim list (django-filter)."""

from __future__ import annotations

import json

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from factcheck.claims.models import ClaimStatus, ClaimType, Verdict


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


@extend_schema_field(OpenApiTypes.BOOL)
class FlagFilter(django_filters.BooleanFilter):
    pass


class ClaimFilter(django_filters.FilterSet):
    article = IdFilter(field_name="article_id", min_value=1, max_value=2**63 - 1, help_text="Claims of this article id.")
    status = django_filters.ChoiceFilter(choices=ClaimStatus.choices)
    verdict = django_filters.ChoiceFilter(choices=Verdict.choices)
    assignee = django_filters.CharFilter(
        field_name="assignee__username", help_text="Username of the assigned reviewer."
    )
    type = django_filters.ChoiceFilter(
        choices=ClaimType.choices, method="filter_type", help_text="Claims whose types include this one."
    )
    overdue = FlagFilter(
        method="filter_overdue", help_text="true: still being checked and past due; false: everything else."
    )

    def filter_type(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return qs
        # `types` is a JSON list of names. A substring match on the quoted name
        # works alike on SQLite's text JSON and PostgreSQL's jsonb, and the
        # quotes stop "other" matching inside a longer name.
        return qs.filter(types__icontains=json.dumps(value))

    def filter_overdue(self, qs: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return qs
        late = Q(status__in=ClaimStatus.ACTIVE, due__lt=timezone.localdate())
        return qs.filter(late) if value else qs.exclude(late)
