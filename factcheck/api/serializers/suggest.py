"""The suggestion endpoint's input and output."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.api.serializers.common import (
    QuantitySerializer,
    TextField,
)

# --- suggestions -------------------------------------------------------------------------------


class SuggestTextSerializer(serializers.Serializer):
    text = TextField(
        allow_blank=True, trim_whitespace=False,
        help_text="Article text; the limit is ARTICLE_MAX_CHARS characters."
    )


class SuggestionSerializer(serializers.Serializer):
    """Exactly one element of `manage.py suggest_claims --json`."""

    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    types = serializers.ListField(child=serializers.CharField())
    quantities = QuantitySerializer(many=True)
    attributed_to = serializers.CharField(allow_null=True)
    score = serializers.FloatField()
    wording = serializers.CharField(
        allow_null=True, help_text="A self-contained sentence for a quote that lacks its subject, or null."
    )


