"""Sources, evidence, snapshots, lookups and article import."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from factcheck.api.serializers.common import (
    MAX_ID,
    TextField,
    UsernameField,
)
from factcheck.sources.models import LookupKind, LookupStatus, Stance

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
    note = TextField(required=False, allow_blank=True, max_length=5000, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, default=Stance.CONTEXT)


class SourceUploadSerializer(serializers.Serializer):
    """Attach an uploaded document (multipart/form-data)."""

    file = serializers.FileField(help_text="PDF, HTML or text; at most UPLOAD_MAX_BYTES.")
    note = TextField(required=False, allow_blank=True, max_length=5000, default="")
    stance = serializers.ChoiceField(choices=Stance.choices, required=False, default=Stance.CONTEXT)


class SourceAttachSerializer(serializers.Serializer):
    """What the view validates: a url or a file, whichever encoding carried it."""

    url = serializers.URLField(max_length=2000, required=False)
    file = serializers.FileField(required=False)
    note = TextField(required=False, allow_blank=True, max_length=5000, default="")
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
    result = serializers.JSONField(read_only=True,
        help_text="What the lookup found; its shape depends on the kind.")


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
    url = TextField(max_length=2000, help_text="The article's web page (http or https).")
