"""Claims and what hangs off them: actions' inputs, comments, notifications, audit events."""

from __future__ import annotations

from django.conf import settings
from rest_framework import serializers

from factcheck.api.serializers.articles import (
    ArticleDetailSerializer,
)
from factcheck.api.serializers.common import (
    MAX_ID,
    MAX_INT,
    STALE_HELP,
    BlankAsNullCharField,
    BlankAsNullChoiceField,
    QuantityInSerializer,
    QuantitySerializer,
    TextField,
    UsernameField,
    _absolute,
)
from factcheck.claims.models import ClaimStatus, ClaimType, EventKind, Priority, Verdict

# --- claims ------------------------------------------------------------------------------------


class ClaimSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    article = serializers.IntegerField(source="article_id", read_only=True)
    start = serializers.IntegerField(read_only=True, help_text="Offset of the quote in the article's current text.")
    end = serializers.IntegerField(read_only=True)
    quote = serializers.CharField(read_only=True, help_text="The passage as it appears in the article.")
    text = serializers.CharField(read_only=True, help_text="The editor's wording of the claim.")
    types = serializers.ListField(child=serializers.ChoiceField(choices=ClaimType.choices), read_only=True)
    quantities = QuantitySerializer(many=True, read_only=True)
    attributed_to = serializers.CharField(read_only=True)
    score = serializers.FloatField(read_only=True)
    suggested = serializers.BooleanField(read_only=True, help_text="Proposed by the suggestion engine.")
    status = serializers.ChoiceField(choices=ClaimStatus.choices, read_only=True)
    verdict = BlankAsNullChoiceField(choices=Verdict.choices)
    rating = BlankAsNullCharField()
    rationale = serializers.CharField(read_only=True)
    assignee = UsernameField()
    second_reviewer = UsernameField()
    due = serializers.DateField(read_only=True, allow_null=True)
    overdue = serializers.BooleanField(source="is_overdue", read_only=True)
    priority = serializers.ChoiceField(choices=Priority.choices, read_only=True)
    version = serializers.IntegerField(read_only=True, help_text="Send back with changes to refuse stale ones.")
    orphaned = serializers.BooleanField(read_only=True, help_text="The quote is no longer found in the text.")
    needs_rereview = serializers.BooleanField(read_only=True)
    needs_settlement = serializers.BooleanField(read_only=True, help_text="Two reviewers disagree; an editor decides.")
    same_as = serializers.IntegerField(
        source="same_as_id", read_only=True, allow_null=True, help_text="An earlier check of the same claim."
    )
    related_note = serializers.CharField(read_only=True, help_text="How a related earlier claim differs, or empty.")
    created_at = serializers.DateTimeField(read_only=True)
    updated_at = serializers.DateTimeField(read_only=True)
    resolved_at = serializers.DateTimeField(read_only=True, allow_null=True)
    url = serializers.SerializerMethodField(help_text="The claim's page in the browser UI.")

    def get_url(self, obj) -> str:
        return _absolute(obj.get_absolute_url())


class ArticleRevisedSerializer(ArticleDetailSerializer):
    orphaned_claims = ClaimSerializer(many=True, read_only=True, help_text="Claims whose quote is gone from the new text.")
    rereview_claims = ClaimSerializer(
        many=True, read_only=True, help_text="Claims whose wording changed after review began: look again."
    )


class ClaimCreateSerializer(serializers.Serializer):
    article = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    start = serializers.IntegerField(required=False, min_value=0, max_value=MAX_INT)
    end = serializers.IntegerField(required=False, min_value=0, max_value=MAX_INT)
    quote = TextField(
        required=False, trim_whitespace=False, max_length=20000, help_text="Instead of start/end, when it occurs once."
    )
    text = TextField(required=False, max_length=5000, allow_blank=True)
    types = serializers.ListField(child=serializers.ChoiceField(choices=ClaimType.choices), required=False, max_length=20)
    quantities = QuantityInSerializer(many=True, required=False, max_length=50)
    attributed_to = TextField(required=False, max_length=300, allow_blank=True, default="")

    def validate(self, data):
        has_span = "start" in data or "end" in data
        if has_span and not ("start" in data and "end" in data):
            raise serializers.ValidationError({"end" if "start" in data else "start": ["Give both start and end."]})
        if not has_span and not data.get("quote"):
            raise serializers.ValidationError({"quote": ["Give start and end, or a quote that occurs once."]})
        return data


class ClaimUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)
    text = TextField(required=False, max_length=5000)
    types = serializers.ListField(child=serializers.ChoiceField(choices=ClaimType.choices), required=False, max_length=20)
    quantities = QuantityInSerializer(many=True, required=False, max_length=50)
    attributed_to = TextField(required=False, max_length=300, allow_blank=True)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    due = serializers.DateField(required=False)


class VersionSerializer(serializers.Serializer):
    # Required: without it the last writer would silently win over a change the client never saw.
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)


class RejectSerializer(VersionSerializer):
    reason = TextField(required=False, allow_blank=True, max_length=2000, default="")


class AssignSerializer(VersionSerializer):
    reviewer = TextField(max_length=150, help_text="Username of a reviewer or editor (see /api/members/).")
    due = serializers.DateField(required=False, allow_null=True, default=None)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, allow_null=True, default=None)


class SecondReviewSerializer(VersionSerializer):
    reviewer = TextField(max_length=150, help_text="Username of the second reviewer.")


class RatingField(serializers.ChoiceField):
    """One of the newsroom's RATING_SCALE, or empty. Choices are read when the field is made,
    so the schema documents the scale in force (an enum) and a setting change is followed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("help_text", "One of the newsroom's rating scale (RATING_SCALE), or empty.")
        super().__init__(choices=[(r, r) for r in settings.RATING_SCALE], **kwargs)


class VerdictSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    rationale = TextField(max_length=20000)
    rating = RatingField()
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)


class ReopenSerializer(VersionSerializer):
    reason = TextField(max_length=2000)


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField(read_only=True, help_text="How many rows the action changed.")


class MergeSerializer(serializers.Serializer):
    claims = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), min_length=2, max_length=100,
        help_text="Ids of suggested or open claims of one article text; the earliest in the text is kept.",
    )
    text = TextField(
        required=False, allow_blank=True, max_length=5000, help_text="Wording of the merged claim (default: joined)."
    )


class SplitSerializer(VersionSerializer):
    at = serializers.IntegerField(
        min_value=0, max_value=MAX_INT, help_text="Offset in the article text, strictly inside the claim's span."
    )


class BulkAssignSerializer(serializers.Serializer):
    claims = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), min_length=1, max_length=200,
        help_text="Ids of open, assigned or in-review claims; all are assigned or none.",
    )
    reviewer = TextField(max_length=150, help_text="Username of a reviewer or editor (see /api/members/).")
    due = serializers.DateField(required=False, allow_null=True, default=None)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, allow_null=True, default=None)


class LinkSerializer(serializers.Serializer):
    # Optional here (linking had no version before; clients that send one get the stale check).
    version = serializers.IntegerField(required=False, min_value=1, max_value=MAX_INT, help_text=STALE_HELP)
    earlier = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID,
        help_text="The earlier claim (not needed for relation `none`).",
    )
    relation = serializers.ChoiceField(
        choices=[("same", "same claim"), ("related", "related, figure differs"), ("none", "remove the link")],
        default="same",
    )
    note = TextField(required=False, allow_blank=True, max_length=300, default="")


class SpanSerializer(serializers.Serializer):
    start = serializers.IntegerField(min_value=0, max_value=MAX_INT)
    end = serializers.IntegerField(min_value=0, max_value=MAX_INT)


class ReanchorSerializer(SpanSerializer, VersionSerializer):
    """New offsets of the claim in the article's current text."""


class PinSerializer(SpanSerializer):
    """Offsets in the snapshot text of the source."""

    snapshot = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID,
        help_text="Which snapshot of the source (default: the latest).",
    )


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    claim = serializers.IntegerField(source="claim_id", read_only=True)
    author = UsernameField()
    body = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class CommentInSerializer(serializers.Serializer):
    body = TextField(max_length=10000)


class NotificationSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.CharField(read_only=True, help_text="assigned, verdict, reopened, ...")
    message = serializers.CharField(read_only=True)
    claim = serializers.IntegerField(source="claim_id", read_only=True, allow_null=True)
    created_at = serializers.DateTimeField(read_only=True)
    read_at = serializers.DateTimeField(read_only=True, allow_null=True)


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), required=False, allow_null=True, default=None,
        max_length=1000, help_text="Notifications to mark read; leave out to mark all of yours read.",
    )


class EventSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    at = serializers.DateTimeField(read_only=True)
    kind = serializers.ChoiceField(choices=EventKind.choices, read_only=True)
    actor = UsernameField()
    from_status = BlankAsNullChoiceField(choices=ClaimStatus.choices)
    to_status = BlankAsNullChoiceField(choices=ClaimStatus.choices)
    verdict = BlankAsNullChoiceField(choices=Verdict.choices)
    note = serializers.CharField(read_only=True)
    data = serializers.DictField(read_only=True)


