"""Input and output serializers of the API, kept apart on purpose.

Input serializers only check the shape of what a client sent; the services
decide whether it makes sense (state, role, version). Output serializers only
render rows. No serializer saves anything.
"""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.accounts.models import Role
from factcheck.claims.models import ClaimStatus, ClaimType, EventKind, Priority, Verdict
from factcheck.sources.models import LookupKind, LookupStatus, Stance

# --- errors (for the schema; the handler in exceptions.py builds them) ---------------------


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable machine-readable code, e.g. invalid, forbidden, wrong_state.")
    message = serializers.CharField(help_text="A sentence for people; for 409 it names the current state.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per-field messages for invalid input (dotted paths for nested fields).",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


# --- shared bits -----------------------------------------------------------------------------


class UsernameField(serializers.CharField):
    """A user rendered as their username (null when unset)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value.username


class BlankAsNullChoiceField(serializers.ChoiceField):
    """Renders the empty string of an unset choice as null."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(choices, **kwargs)

    def to_representation(self, value):
        return value or None


class BlankAsNullCharField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class QuantitySerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, help_text="The number, or null when it could not be read.")
    qualifier = serializers.CharField(help_text="exact, about, more_than, less_than, at_least, up_to ...")
    unit = serializers.CharField(allow_null=True, help_text="percent, people, GBP ..., or null.")
    text = serializers.CharField(help_text="The figure as written in the text.", allow_blank=True)


class QuantityInSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, required=False)
    qualifier = serializers.CharField(required=False, max_length=20, allow_blank=True)
    unit = serializers.CharField(required=False, allow_null=True, max_length=40, allow_blank=True)
    text = serializers.CharField(required=False, max_length=200, allow_blank=True)


# Bounds that keep every number a database can compare: ids are 64-bit, versions and offsets 32-bit.
MAX_ID = 2**63 - 1
MAX_INT = 2**31 - 1
STALE_HELP = "The version you read; 409 if the claim changed since."


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


# --- members and auth --------------------------------------------------------------------------


class TokenInSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, trim_whitespace=False)
    password = serializers.CharField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})


class TokenOutSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`.")


class MemberSerializer(serializers.Serializer):
    username = serializers.CharField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)


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
    revision = serializers.IntegerField(
        source="current_revision.number", read_only=True, allow_null=True, help_text="Number of the current text revision."
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


class ArticleCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    text = serializers.CharField(trim_whitespace=False, help_text="Plain text; the limit is ARTICLE_MAX_CHARS.")
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True, default="")
    author = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    published_at = serializers.DateField(required=False, allow_null=True, default=None)


class ArticleUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_INT, help_text="The version you read; a different current version answers 409."
    )
    title = serializers.CharField(max_length=300, required=False)
    text = serializers.CharField(
        required=False, trim_whitespace=False, help_text="New text: saved as a new revision and every claim is re-anchored."
    )
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    outlet = serializers.CharField(max_length=200, required=False, allow_blank=True)
    url = serializers.URLField(max_length=2000, required=False, allow_blank=True)
    author = serializers.CharField(max_length=200, required=False, allow_blank=True)
    published_at = serializers.DateField(required=False, allow_null=True)


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
    quote = serializers.CharField(
        required=False, trim_whitespace=False, max_length=20000, help_text="Instead of start/end, when it occurs once."
    )
    text = serializers.CharField(required=False, max_length=5000, allow_blank=True)
    types = serializers.ListField(child=serializers.ChoiceField(choices=ClaimType.choices), required=False, max_length=20)
    quantities = QuantityInSerializer(many=True, required=False, max_length=50)
    attributed_to = serializers.CharField(required=False, max_length=300, allow_blank=True, default="")

    def validate(self, data):
        has_span = "start" in data or "end" in data
        if has_span and not ("start" in data and "end" in data):
            raise serializers.ValidationError({"end" if "start" in data else "start": ["Give both start and end."]})
        if not has_span and not data.get("quote"):
            raise serializers.ValidationError({"quote": ["Give start and end, or a quote that occurs once."]})
        return data


class ClaimUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)
    text = serializers.CharField(required=False, max_length=5000)
    types = serializers.ListField(child=serializers.ChoiceField(choices=ClaimType.choices), required=False, max_length=20)
    quantities = QuantityInSerializer(many=True, required=False, max_length=50)
    attributed_to = serializers.CharField(required=False, max_length=300, allow_blank=True)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    due = serializers.DateField(required=False)


class VersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_INT, help_text="The version you read; 409 if the claim changed since."
    )


class RejectSerializer(VersionSerializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class AssignSerializer(VersionSerializer):
    reviewer = serializers.CharField(max_length=150, help_text="Username of a reviewer or editor (see /api/members/).")
    due = serializers.DateField(required=False, allow_null=True, default=None)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, allow_null=True, default=None)


class SecondReviewSerializer(VersionSerializer):
    reviewer = serializers.CharField(max_length=150, help_text="Username of the second reviewer.")


class VerdictSerializer(serializers.Serializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    rationale = serializers.CharField(max_length=20000)
    rating = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=64,
        help_text="One of the newsroom's rating scale (RATING_SCALE), or empty.",
    )
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)


class ReopenSerializer(VersionSerializer):
    reason = serializers.CharField(max_length=2000)


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField(read_only=True, help_text="How many rows the action changed.")


class MergeSerializer(serializers.Serializer):
    claims = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), min_length=2, max_length=100,
        help_text="Ids of suggested or open claims of one article text; the earliest in the text is kept.",
    )
    text = serializers.CharField(
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
    reviewer = serializers.CharField(max_length=150, help_text="Username of a reviewer or editor (see /api/members/).")
    due = serializers.DateField(required=False, allow_null=True, default=None)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False, allow_null=True, default=None)


class LinkSerializer(serializers.Serializer):
    earlier = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID,
        help_text="The earlier claim (not needed for relation `none`).",
    )
    relation = serializers.ChoiceField(
        choices=[("same", "same claim"), ("related", "related, figure differs"), ("none", "remove the link")],
        default="same",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=300, default="")


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
    body = serializers.CharField(max_length=10000)


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


# --- suggestions -------------------------------------------------------------------------------


class SuggestTextSerializer(serializers.Serializer):
    text = serializers.CharField(
        allow_blank=True, trim_whitespace=False, help_text="Article text; the limit is ARTICLE_MAX_CHARS characters."
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


# --- sources and lookups --------------------------------------------------------------------------


class SourceBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.CharField(read_only=True)
    filename = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    publisher = serializers.CharField(read_only=True)
    independent = serializers.BooleanField(read_only=True, allow_null=True, help_text="null until judged.")
    independence_reason = serializers.CharField(read_only=True)


class PassageSerializer(serializers.Serializer):
    start = serializers.IntegerField(source="passage_start")
    end = serializers.IntegerField(source="passage_end")
    quote = serializers.CharField(source="passage_quote")
    snapshot = serializers.IntegerField(source="snapshot_id", allow_null=True)


class EvidenceSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    claim = serializers.IntegerField(source="claim_id", read_only=True)
    source = SourceBriefSerializer(read_only=True)
    stance = serializers.ChoiceField(choices=Stance.choices, read_only=True)
    note = serializers.CharField(read_only=True)
    passage = serializers.SerializerMethodField(help_text="The pinned passage of the snapshot, or null.")
    added_by = UsernameField()
    created_at = serializers.DateTimeField(read_only=True)

    @extend_schema_field(PassageSerializer(allow_null=True))
    def get_passage(self, obj):
        if obj.passage_start is None or obj.passage_end is None:
            return None
        return PassageSerializer(obj).data


class SourceLinkSerializer(serializers.Serializer):
    """Attach a web page or online document (JSON)."""

    url = serializers.URLField(max_length=2000, help_text="A web page or document to snapshot.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, default=Stance.CONTEXT)


class SourceUploadSerializer(serializers.Serializer):
    """Attach an uploaded document (multipart/form-data)."""

    file = serializers.FileField(help_text="PDF, HTML or text; at most UPLOAD_MAX_BYTES.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, default=Stance.CONTEXT)


class SourceAttachSerializer(serializers.Serializer):
    """What the view validates: a url or a file, whichever encoding carried it."""

    url = serializers.URLField(max_length=2000, required=False)
    file = serializers.FileField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, default=Stance.CONTEXT)

    def validate(self, data):
        if bool(data.get("url")) == bool(data.get("file")):
            raise serializers.ValidationError({"url": ["Give either a url or a file, not both."]})
        return data


class SnapshotSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    fetched_at = serializers.DateTimeField(read_only=True)
    final_url = serializers.CharField(read_only=True)
    status_code = serializers.IntegerField(read_only=True, allow_null=True)
    content_type = serializers.CharField(read_only=True)
    sha256 = serializers.CharField(read_only=True)
    title = serializers.CharField(read_only=True)
    publisher = serializers.CharField(read_only=True)
    author = serializers.CharField(read_only=True)
    published = serializers.CharField(read_only=True)
    text = serializers.CharField(read_only=True)
    changed = serializers.BooleanField(read_only=True)


class LookupSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    kind = serializers.ChoiceField(choices=LookupKind.choices, read_only=True)
    status = serializers.ChoiceField(choices=LookupStatus.choices, read_only=True)
    claim = serializers.IntegerField(source="claim_id", read_only=True, allow_null=True)
    source = serializers.IntegerField(source="source_id", read_only=True, allow_null=True)
    url = serializers.CharField(read_only=True, help_text="For an import: the page being read (else empty).")
    attempts = serializers.IntegerField(read_only=True)
    error = serializers.CharField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    started_at = serializers.DateTimeField(read_only=True, allow_null=True)
    finished_at = serializers.DateTimeField(read_only=True, allow_null=True)
    deadline = serializers.DateTimeField(read_only=True, allow_null=True)
    result = serializers.JSONField(read_only=True, help_text="What the lookup found; its shape depends on the kind.")


class SourceSerializer(SourceBriefSerializer):
    author = serializers.CharField(read_only=True)
    published = serializers.CharField(read_only=True)
    added_by = UsernameField()
    created_at = serializers.DateTimeField(read_only=True)
    snapshot = serializers.SerializerMethodField(help_text="The latest snapshot, or null before the first fetch.")
    fetch = serializers.SerializerMethodField(help_text="The latest fetch of this source, or null.")

    @extend_schema_field(SnapshotSerializer(allow_null=True))
    def get_snapshot(self, obj):
        snaps = getattr(obj, "api_snapshots", None)
        snap = snaps[0] if snaps else None
        return SnapshotSerializer(snap).data if snap else None

    @extend_schema_field(LookupSerializer(allow_null=True))
    def get_fetch(self, obj):
        fetches = getattr(obj, "api_fetches", None)
        lookup = fetches[0] if fetches else None
        return LookupSerializer(lookup).data if lookup else None


class LookupRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[(k, label) for k, label in LookupKind.choices if k != LookupKind.IMPORT],
        help_text="Which lookup to run again for this claim.",
    )
    source = serializers.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, help_text="For a fetch: the source to fetch again."
    )


class ImportSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=2000, help_text="The article's web page (http or https).")
