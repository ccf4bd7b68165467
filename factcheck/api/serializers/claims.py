"""Claims and what hangs off them: actions' inputs, comments, notifications, audit events."""

from __future__ import annotations

import re
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
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
    FreshFieldsSerializer,
    QuantityInSerializer,
    QuantitySerializer,
    TextField,
    UsernameField,
    _absolute,
)
from factcheck.claims.models import Claim, ClaimStatus, ClaimType, EventKind, Priority, Verdict

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
    needs_settlement = serializers.BooleanField(read_only=True,
        help_text="Two reviewers disagree; an editor decides.")
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

    def to_representation(self, instance) -> dict:
        # The fields above are the contract (and the OpenAPI schema); this writes the same
        # dict directly. DRF's field-by-field path took ~0.5 ms a claim, most of a list
        # request; tests/api/test_claim_representation.py checks both give the same output.
        return claim_representation(instance)


def _iso(value) -> str | None:
    """A datetime as DRF's DateTimeField renders it: in the current time zone, UTC as Z."""
    if value is None:
        return None
    text = timezone.localtime(value).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _text(value) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=8)
def _claim_url_template(prefix: str) -> str:
    marker = 987654321
    return _absolute(reverse("claim_detail", args=[marker])).replace(str(marker), "{}")


# The columns claim_representation needs, for lists that read rows with .values() instead of
# building model instances (claims.selectors.claim_list_values).
CLAIM_VALUES = (
    "id", "article_id", "start", "end", "quote", "text", "types", "quantities", "attributed_to", "score", "suggested",
    "status", "verdict", "rating", "rationale", "assignee__username", "second_reviewer__username", "due", "priority",
    "version", "orphaned", "needs_rereview", "needs_settlement", "same_as_id", "related_note", "created_at",
    "updated_at", "resolved_at",
)


def _values_of(c) -> dict:
    values = {name: getattr(c, name) for name in CLAIM_VALUES if "__" not in name}
    values["assignee__username"] = c.assignee.username if c.assignee_id else None
    values["second_reviewer__username"] = c.second_reviewer.username if c.second_reviewer_id else None
    return values


def claim_representation(c) -> dict:
    """The API representation of a claim (the fields of ClaimSerializer, in order).

    Takes a Claim, or a row of CLAIM_VALUES (a dict) as the list endpoint reads them.
    """
    v = c if isinstance(c, dict) else _values_of(c)
    due = v["due"]
    return {
        "id": v["id"],
        "article": v["article_id"],
        "start": v["start"],
        "end": v["end"],
        "quote": v["quote"],
        "text": v["text"],
        "types": list(v["types"]),
        "quantities": [
            {
                "value": None if q.get("value") is None else float(q["value"]),
                "qualifier": _text(q["qualifier"]),
                "unit": _text(q["unit"]),
                "text": _text(q["text"]),
            }
            for q in v["quantities"]
        ],
        "attributed_to": v["attributed_to"],
        "score": float(v["score"]),
        "suggested": bool(v["suggested"]),
        "status": v["status"],
        "verdict": v["verdict"] or None,
        "rating": v["rating"] or None,
        "rationale": v["rationale"],
        "assignee": v["assignee__username"],
        "second_reviewer": v["second_reviewer__username"],
        "due": due.isoformat() if due is not None else None,
        "overdue": Claim.overdue(v["status"], due),
        "priority": v["priority"],
        "version": v["version"],
        "orphaned": bool(v["orphaned"]),
        "needs_rereview": bool(v["needs_rereview"]),
        "needs_settlement": bool(v["needs_settlement"]),
        "same_as": v["same_as_id"],
        "related_note": v["related_note"],
        "created_at": _iso(v["created_at"]),
        "updated_at": _iso(v["updated_at"]),
        "resolved_at": _iso(v["resolved_at"]),
        "url": _claim_url_template(get_script_prefix()).format(v["id"]),
    }


class ArticleRevisedSerializer(ArticleDetailSerializer):
    orphaned_claims = ClaimSerializer(many=True, read_only=True,
        help_text="Claims whose quote is gone from the new text.")
    rereview_claims = ClaimSerializer(
        many=True, read_only=True, help_text="Claims whose wording changed after review began: look again."
    )


class ClaimCreateSerializer(serializers.Serializer):
    article = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    start = serializers.IntegerField(required=False, min_value=0, max_value=MAX_INT)
    end = serializers.IntegerField(required=False, min_value=0, max_value=MAX_INT)
    quote = TextField(
        required=False, trim_whitespace=False, max_length=20000,
        help_text="Instead of start/end, when it occurs once."
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


class VersionSerializer(FreshFieldsSerializer):
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


class VerdictSerializer(FreshFieldsSerializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    rationale = TextField(max_length=20000)
    rating = RatingField()
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)

    @staticmethod
    def plain_input(data) -> dict | None:
        """The validated data of a well-formed JSON body, without building the serializer; None for
        anything else, which the serializer then judges (and words the 400 of).

        A verdict is the desk's most frequent write, and building and running the four fields cost
        about as much as its three database round trips' Python. Each test below is the field's own
        (tests/api/test_verdict_input.py compares both on generated bodies): a verdict among the
        choices; a rationale that is text, stripped, not blank, at most 20,000 characters, without
        NUL or surrogates; a rating absent, empty or on the scale; a version an integer (not a
        boolean) from 1 to MAX_INT. Other keys are ignored, as by the serializer.
        """
        if type(data) is not dict:
            return None
        verdict, rationale, version = data.get("verdict"), data.get("rationale"), data.get("version")
        rating = data.get("rating", "")
        if type(verdict) is not str or verdict not in _VERDICTS or type(rationale) is not str:
            return None
        if type(version) is not int or not 1 <= version <= MAX_INT or type(rating) is not str:
            return None
        rationale = rationale.strip()
        if not rationale or len(rationale) > 20000 or "\x00" in rationale or _SURROGATE.search(rationale):
            return None
        if rating and rating not in settings.RATING_SCALE:
            return None
        return {"verdict": verdict, "rationale": rationale, "rating": rating, "version": version}


_VERDICTS = frozenset(Verdict.values)
_SURROGATE = re.compile("[\ud800-\udfff]")


class ReopenSerializer(VersionSerializer):
    reason = TextField(max_length=2000)


class ConfirmVerdictSerializer(VersionSerializer):
    note = TextField(max_length=2000, help_text="Why the verdict still holds for the claim's new words.")


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField(read_only=True, help_text="How many rows the action changed.")


class MergeSerializer(serializers.Serializer):
    claims = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), min_length=2, max_length=100,
        help_text="Ids of suggested or open claims of one article text; the earliest in the text is kept.",
    )
    text = TextField(
        required=False, allow_blank=True, max_length=5000,
        help_text="Wording of the merged claim (default: joined)."
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
    version = serializers.IntegerField(min_value=1, max_value=MAX_INT, help_text=STALE_HELP)
    earlier = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1, max_value=MAX_ID,
        help_text="The earlier claim (not needed for relation `none`).",
    )
    relation = serializers.ChoiceField(
        choices=[("same", gettext_lazy("same claim")), ("related", gettext_lazy("related, figure differs")), ("none",
            gettext_lazy("remove the link"))],
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


