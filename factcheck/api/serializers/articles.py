"""Articles: list, detail, create, update."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.api.serializers.common import (
    MAX_INT,
    TextField,
    UsernameField,
    _absolute,
)
from factcheck.articles.language import Language
from factcheck.publishing.selectors import public_report_url

LANGUAGE_HELP = "Language of the text (BCP-47): en, ar, he, or und (other or undetermined)."

# --- articles --------------------------------------------------------------------------------


class ClaimCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField(source="claims_total", help_text="Claims being checked or resolved.")
    resolved = serializers.IntegerField(source="claims_resolved")
    suggested = serializers.IntegerField(source="claims_suggested")
    disputed = serializers.IntegerField(source="claims_disputed")


class ArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    outlet = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True, help_text="Where the story is published (may be empty).")
    author = serializers.CharField(read_only=True)
    published_at = serializers.DateField(read_only=True, allow_null=True)
    language = serializers.ChoiceField(choices=Language.choices, read_only=True, help_text=LANGUAGE_HELP)
    revision = serializers.IntegerField(
        source="current_revision.number", read_only=True, allow_null=True,
        help_text="Number of the current text revision."
    )
    version = serializers.IntegerField(read_only=True, help_text="Send back with a PATCH to refuse stale edits.")
    created_by = UsernameField()
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    claims = ClaimCountsSerializer(source="*", read_only=True, help_text="Progress of the check.")
    report_published = serializers.BooleanField(
        source="published_report", read_only=True, help_text="The public report of the check is published."
    )
    page_url = serializers.SerializerMethodField(help_text="The article's page in the browser UI.")

    def get_page_url(self, obj) -> str:
        return _absolute(obj.get_absolute_url())


class ArticleDetailSerializer(ArticleSerializer):
    text = serializers.CharField(source="current_revision.text", read_only=True, allow_null=True)
    report_url = serializers.SerializerMethodField(
        help_text="The public report's address (published or withdrawn), or null before the first publication."
    )

    def get_report_url(self, obj) -> str | None:
        return public_report_url(obj)


class ArticleCreateSerializer(serializers.Serializer):
    title = TextField(max_length=300)
    text = TextField(trim_whitespace=False, help_text="Plain text; the limit is ARTICLE_MAX_CHARS.")
    outlet = TextField(max_length=200, required=False, allow_blank=True, default="")
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    author = TextField(max_length=200, required=False, allow_blank=True, default="")
    published_at = serializers.DateField(required=False, allow_null=True, default=None)
    language = serializers.ChoiceField(
        choices=Language.choices, required=False, help_text=LANGUAGE_HELP + " Left out, it is detected from the text."
    )


class ArticleUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_INT,
        help_text="The version you read; a different current version answers 409."
    )
    title = TextField(max_length=300, required=False)
    text = TextField(
        required=False, trim_whitespace=False,
        help_text="New text: saved as a new revision and every claim is re-anchored."
    )
    note = TextField(max_length=300, required=False, allow_blank=True, default="")
    outlet = TextField(max_length=200, required=False, allow_blank=True)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True)
    author = TextField(max_length=200, required=False, allow_blank=True)
    published_at = serializers.DateField(required=False, allow_null=True)
    language = serializers.ChoiceField(choices=Language.choices, required=False, help_text=LANGUAGE_HELP)


