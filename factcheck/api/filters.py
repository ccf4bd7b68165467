"""Query-string filters of the API lists: the claim list's fields (django-filter) and a strict ordering."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import filters
from rest_framework.exceptions import ValidationError

from factcheck.claims.models import ClaimStatus, ClaimType, Verdict
from factcheck.claims.selectors import claim_search, claims_of_type


@extend_schema_field(OpenApiTypes.INT)
class IdFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class StrictBooleanField(forms.Field):
    """true/false (or 1/0); anything else is a 400, where Django's NullBooleanField quietly reads "maybe" as unset."""

    TRUE = ("true", "True", "1")
    FALSE = ("false", "False", "0")

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in self.TRUE:
            return True
        if value in self.FALSE:
            return False
        raise forms.ValidationError(gettext("Choose true or false."), code="invalid")

    def validate(self, value):
        pass


@extend_schema_field(OpenApiTypes.BOOL)
class FlagFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class ClaimFilter(django_filters.FilterSet):
    article = IdFilter(field_name="article_id", min_value=1, max_value=2**63 - 1,
        help_text="Claims of this article id.")
    status = django_filters.ChoiceFilter(choices=ClaimStatus.choices)
    verdict = django_filters.ChoiceFilter(choices=Verdict.choices)
    assignee = django_filters.CharFilter(
        field_name="assignee__username", help_text="Username of the assigned reviewer."
    )
    type = django_filters.ChoiceFilter(
        choices=ClaimType.choices, method="filter_type", help_text="Claims whose types include this one."
    )
    search = django_filters.CharFilter(
        method="filter_search",
        help_text="Claims whose wording contains these words (stemmed full-text search; \"a phrase\", -word, or).",
    )
    overdue = FlagFilter(
        method="filter_overdue", help_text="true: still being checked and past due; false: everything else."
    )
    due_after = django_filters.DateFilter(field_name="due", lookup_expr="gte",
        help_text="Due on or after this date.")
    due_before = django_filters.DateFilter(field_name="due", lookup_expr="lte",
        help_text="Due on or before this date.")
    q = django_filters.CharFilter(
        method="filter_q", max_length=200,
        help_text="Words in the claim's wording, its quote or its article's title."
    )

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        # The same search as the claims page (one selector, swappable for full-text search).
        return claim_search(qs, value)

    def filter_type(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return claims_of_type(qs, value) if value else qs

    def filter_search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return claim_search(qs, value)

    def filter_overdue(self, qs: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return qs
        late = Q(status__in=ClaimStatus.ACTIVE, due__lt=timezone.localdate())
        return qs.filter(late) if value else qs.exclude(late)


class StrictOrderingFilter(filters.OrderingFilter):
    """`ordering` by a field the view does not offer is a 400 naming the ones it does.

    DRF drops unknown terms silently, so `ordering=created_by__password` looked accepted
    (and a typo gave an unordered list without a word).
    """

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params:
            allowed = [name for name, _ in self.get_valid_fields(queryset, view, {"request": request})]
            terms = [term.strip() for term in params.split(",")]
            unknown = [t for t in terms if t and t.lstrip("-") not in allowed]
            if unknown:
                raise ValidationError(
                    {self.ordering_param: [
                        f"Cannot order by {', '.join(repr(t) for t in unknown)}; "
                        f"order by {', '.join(allowed)} (prefix - for descending)."
                    ]}
                )
        return super().get_ordering(request, queryset, view)
