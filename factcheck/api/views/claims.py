"""Claims: list with filters, create, read, edit, workflow actions, audit trail."""

from __future__ import annotations

from contextlib import contextmanager

from django.utils.translation import gettext
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import APIException
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.accounts.models import User
from factcheck.api.claim_pages import Encoded, SplicingJSONRenderer, encoded_rows
from factcheck.api.filters import ClaimFilter, StrictOrderingFilter
from factcheck.api.pagination import Pagination
from factcheck.api.serializers import (
    AssignSerializer,
    BulkAssignSerializer,
    ClaimCreateSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    CommentInSerializer,
    CommentSerializer,
    ConfirmVerdictSerializer,
    EventSerializer,
    LinkSerializer,
    MergeSerializer,
    ReanchorSerializer,
    RejectSerializer,
    ReopenSerializer,
    SecondReviewSerializer,
    SplitSerializer,
    VerdictSerializer,
    VersionSerializer,
)
from factcheck.api.serializers.claims import CLAIM_VALUES, claim_representation
from factcheck.api.throttles import uncount_unjudged
from factcheck.api.views.base import valid
from factcheck.claims import services
from factcheck.claims.models import Claim, ClaimStatus, Comment
from factcheck.claims.selectors import claim_history, claim_list_base, claim_list_values, claims_base
from factcheck.core.errors import DomainError, NotFound, StaleVersion


def claim_or_404(pk: int) -> Claim:
    claim = claims_base().filter(pk=pk).first()
    if claim is None:
        raise NotFound(gettext("Claim %(pk)s does not exist.") % {"pk": pk})
    return claim


def claim_exists_or_404(pk: int) -> None:
    """The 404 of claim_or_404 without loading the claim (an action's service reads it under its lock)."""
    if not Claim.objects.filter(pk=pk).exists():
        raise NotFound(gettext("Claim %(pk)s does not exist.") % {"pk": pk})


def _render(pk: int) -> Response:
    # ClaimSerializer's output, from the list's .values() row (two joins, no model instances:
    # tests/api/test_claim_list_paging.py checks both give the same).
    row = claim_list_values(CLAIM_VALUES).filter(pk=pk).first()
    if row is None:
        raise NotFound(gettext("Claim %(pk)s does not exist.") % {"pk": pk})
    return Response(claim_representation(row))


@contextmanager
def current_state_on_conflict(pk: int):
    """A client cannot "reload" like a page can: a stale-version 409 also says where the claim is now."""
    try:
        yield
    except StaleVersion as exc:
        claim = claim_or_404(pk)
        state = ClaimStatus(claim.status).label.lower()
        raise StaleVersion(gettext("%(message)s The claim is now %(state)s, version %(version)s.")
                           % {"message": exc.message, "state": state, "version": claim.version},
                           fields=exc.fields) from exc


class ClaimListView(ListAPIView):
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = ClaimFilter
    ordering_fields = ["id", "start", "due", "priority", "status", "created_at", "updated_at", "score"]
    ordering = ["article", "start", "id"]
    serializer_class = ClaimSerializer
    # POST: the passage is already a claim (GET drops it: reads never conflict).
    api_errors = (409,)

    def get_queryset(self):
        # Filters, COUNT and the page's ids run on the plain table (no joins); page_rows then
        # loads the page. select_related serves the cursor mode, which loads rows itself.
        return claim_list_base()

    # A page's claims come as stored JSON (api/claim_pages.py), written into the page as they are.
    renderer_classes = [SplicingJSONRenderer]
    # The count and the deep pages' first rows are kept under the lists stamp (api/page_index.py).
    indexed_pages = True

    def page_rows(self, ids: list[int]) -> dict[int, bytes]:
        return encoded_rows(ids)

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        if all(isinstance(row, bytes) for row in page):
            return self.get_paginated_response(Encoded(page))
        # ?cursor= pages load model instances themselves.
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(operation_id="claims_list", summary="List claims", tags=["claims"])
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        operation_id="claims_create",
        summary="Mark a passage as a claim (editors)",
        description="Give `start` and `end` offsets in the current text, or a `quote` that occurs exactly once. "
        "The claim is created `open`.",
        request=ClaimCreateSerializer,
        responses={201: ClaimSerializer},
        tags=["claims"],
    )
    def post(self, request: Request) -> Response:
        data = dict(valid(ClaimCreateSerializer, request.data))
        claim = services.claim_create(
            actor=request.user,
            article_id=data["article"],
            start=data.get("start"),
            end=data.get("end"),
            quote=data.get("quote"),
            text=data.get("text") or None,
            types=data.get("types"),
            quantities=[dict(q) for q in data["quantities"]] if "quantities" in data else None,
            attributed_to=data.get("attributed_to", ""),
        )
        return Response(ClaimSerializer(claim_or_404(claim.pk)).data, status=status.HTTP_201_CREATED)


class ClaimDetailView(APIView):
    api_errors = (409,)

    @extend_schema(operation_id="claims_retrieve", summary="Read a claim", responses={200: ClaimSerializer}, tags=["claims"])
    def get(self, request: Request, pk: int) -> Response:
        return _render(pk)

    @extend_schema(
        operation_id="claims_partial_update",
        summary="Edit a claim's wording and metadata (editors)",
        request=ClaimUpdateSerializer,
        responses={200: ClaimSerializer},
        tags=["claims"],
    )
    def patch(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        data = dict(valid(ClaimUpdateSerializer, request.data))
        if "quantities" in data:
            data["quantities"] = [dict(q) for q in data["quantities"]]
        with current_state_on_conflict(pk):
            services.claim_edit(actor=request.user, claim_id=pk, **data)
        return _render(pk)


class ClaimActionView(APIView):
    """POST a small body, call one service, answer with the updated claim."""

    api_errors = (409,)
    input_serializer: type[serializers.Serializer] = VersionSerializer
    # Answer with the claim the service returns (its row as just written, reviewers loaded with the
    # lock) instead of reading it again: set where the service returns the claim it saved.
    answers_returned = False
    # The member's throttle counter is counted in the token's lookup (api/authentication.py).
    counts_with_token = True

    def initial(self, request: Request, *args, **kwargs) -> None:
        try:
            super().initial(request, *args, **kwargs)
        finally:
            uncount_unjudged(request)

    def perform(self, actor: User, claim_id: int, data: dict) -> Claim | None:  # pragma: no cover - abstract
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        # A missing claim is a 404 before any 400, 403 or 409: asked only when something was
        # refused (the service's lock finds the claim anyway), so a success costs no extra query.
        try:
            data = dict(valid(self.input_serializer, request.data))
            with current_state_on_conflict(pk):
                claim = self.perform(request.user, pk, data)
        except (DomainError, APIException):  # a refusal (not a database or server error)
            claim_exists_or_404(pk)
            raise
        if self.answers_returned and isinstance(claim, Claim):
            return Response(claim_representation(claim))
        return _render(pk)


def _action_schema(name: str, summary: str, serializer: type[serializers.Serializer], description: str = ""):
    return extend_schema(
        operation_id=f"claims_{name}",
        summary=summary,
        description=description,
        request=serializer,
        responses={200: ClaimSerializer},
        tags=["claims"],
    )


class ClaimAcceptView(ClaimActionView):
    @_action_schema("accept", "Accept a suggestion: suggested → open (editors)", VersionSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_accept(actor=actor, claim_id=claim_id, **data)


class ClaimRejectView(ClaimActionView):
    input_serializer = RejectSerializer

    @_action_schema(
        "reject", "Reject a claim (editors)", RejectSerializer,
        "A suggested or open claim, an orphaned one in any state, or one a reviewer has (assigned, in review): "
        "then `reason` is required and its reviewers are told. Restore it with `restore/`.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_reject(actor=actor, claim_id=claim_id, **data)


class ClaimRestoreView(ClaimActionView):
    input_serializer = VersionSerializer

    @_action_schema("restore", "Bring a rejected claim back into the check, open and unassigned (editors)",
                    VersionSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_restore(actor=actor, claim_id=claim_id, **data)


class ClaimAssignView(ClaimActionView):
    input_serializer = AssignSerializer

    @_action_schema(
        "assign", "Assign a reviewer, with a due date (editors)", AssignSerializer,
        "Works on open, assigned and in-review claims; the claim becomes `assigned`.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_assign(actor=actor, claim_id=claim_id, **data)


class ClaimStartView(ClaimActionView):
    @_action_schema("start", "Start the review: assigned → in review (the assigned reviewer or an editor)", VersionSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_start(actor=actor, claim_id=claim_id, **data)


class ClaimVerdictView(ClaimActionView):
    input_serializer = VerdictSerializer
    answers_returned = True

    @_action_schema(
        "verdict", "Record a verdict (the assigned reviewer or an editor)", VerdictSerializer,
        "`verified` and `disputed` need at least one independent source attached (409 `evidence_required` "
        "otherwise). With a second reviewer the claim resolves when both agree; if they disagree an editor settles.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        return services.verdict_record(actor=actor, claim_id=claim_id, **data)


class ClaimReopenView(ClaimActionView):
    input_serializer = ReopenSerializer

    @_action_schema("reopen", "Reopen a resolved claim (editors)", ReopenSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_reopen(actor=actor, claim_id=claim_id, **data)


class ClaimConfirmVerdictView(ClaimActionView):
    input_serializer = ConfirmVerdictSerializer

    @_action_schema(
        "confirm_verdict", "Confirm a resolved claim's verdict after an edit changed its words (editors, its reviewers)",
        ConfirmVerdictSerializer,
        "A resolved claim whose quoted words changed in an edit is flagged `needs_rereview`, which blocks the "
        "report. This clears the flag, keeping the verdict, with a note in the audit trail; to review it again, "
        "reopen it instead. 409 when the claim is not resolved or its words have not changed.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_confirm_verdict(actor=actor, claim_id=claim_id, **data)


class ClaimSecondReviewView(ClaimActionView):
    input_serializer = SecondReviewSerializer

    @_action_schema("second_review", "Ask a second reviewer for a blind double review (editors)", SecondReviewSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_request_second_review(actor=actor, claim_id=claim_id, **data)


class ClaimReanchorView(ClaimActionView):
    input_serializer = ReanchorSerializer

    @_action_schema(
        "reanchor", "Place a claim on the article's current text (editors)", ReanchorSerializer,
        "For a claim `orphaned` by an edit of the text (or placed on the wrong words): `start` and `end` are "
        "offsets in the current text. A reviewed claim whose quote changes is flagged `needs_rereview`.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_reanchor(actor=actor, claim_id=claim_id, **data)


class ClaimLinkView(ClaimActionView):
    input_serializer = LinkSerializer

    @_action_schema(
        "link", "Link a claim to an earlier check (editors)", LinkSerializer,
        "`same`: the earlier claim is the same claim (`same_as`); `related`: it is related but its figure differs "
        "(`related_note`); `none`: remove the link.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_link(actor=actor, claim_id=claim_id, earlier_id=data["earlier"], relation=data["relation"],
                            note=data["note"], version=data.get("version"))


class ClaimSplitView(APIView):
    api_errors = (409,)

    @extend_schema(
        operation_id="claims_split",
        summary="Split a suggested or open claim in two at an offset (editors)",
        description="Both parts become `open` claims with the quote as their wording. Answers the two claims in "
        "text order: the first keeps the claim's id, the second is new.",
        request=SplitSerializer,
        responses={200: ClaimSerializer(many=True)},
        tags=["claims"],
    )
    def post(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        data = valid(SplitSerializer, request.data)
        with current_state_on_conflict(pk):
            first, second = services.claim_split(actor=request.user, claim_id=pk, **data)
        claims = claims_base().filter(pk__in=[first.pk, second.pk]).order_by("start", "id")
        return Response(ClaimSerializer(claims, many=True).data)


class ClaimMergeView(APIView):
    api_errors = (404, 409)

    @extend_schema(
        operation_id="claims_merge",
        summary="Merge suggested or open claims of one article into one (editors)",
        description="The claim earliest in the text is kept, widened to cover all of them and made `open`; the "
        "others are closed as `rejected` with a note naming the kept claim. Answers the kept claim.",
        request=MergeSerializer,
        responses={200: ClaimSerializer},
        tags=["claims"],
    )
    def post(self, request: Request) -> Response:
        data = valid(MergeSerializer, request.data)
        kept = services.claims_merge(actor=request.user, claim_ids=data["claims"], text=data.get("text") or None)
        return _render(kept.pk)


class ClaimBulkAssignView(APIView):
    api_errors = (404, 409)

    @extend_schema(
        operation_id="claims_bulk_assign",
        summary="Assign several claims to one reviewer at once (editors)",
        description="All or nothing: if one claim cannot be assigned, none is. Answers the claims in id order.",
        request=BulkAssignSerializer,
        responses={200: ClaimSerializer(many=True)},
        tags=["claims"],
    )
    def post(self, request: Request) -> Response:
        data = valid(BulkAssignSerializer, request.data)
        assigned = services.claims_assign_bulk(
            actor=request.user, claim_ids=data["claims"], reviewer=data["reviewer"], due=data["due"],
            priority=data["priority"],
        )
        claims = claims_base().filter(pk__in=[c.pk for c in assigned]).order_by("id")
        return Response(ClaimSerializer(claims, many=True).data)


class ClaimCommentsView(APIView):
    @extend_schema(
        operation_id="claims_comments_list",
        summary="The claim's comments, oldest first",
        responses={200: CommentSerializer(many=True)},
        tags=["claims"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        comments = Comment.objects.filter(claim_id=pk).select_related("author").order_by("created_at", "id")
        return Response(CommentSerializer(comments, many=True).data)

    @extend_schema(
        operation_id="claims_comments_create",
        summary="Comment on a claim (the claim's reviewers and editors)",
        request=CommentInSerializer,
        responses={201: CommentSerializer},
        tags=["claims"],
    )
    def post(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        data = valid(CommentInSerializer, request.data)
        comment = services.comment_add(actor=request.user, claim_id=pk, body=data["body"])
        return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)


class ClaimEventsView(APIView):
    @extend_schema(
        operation_id="claims_events",
        summary="The claim's audit trail, oldest first",
        responses={200: EventSerializer(many=True)},
        tags=["claims"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim = claim_or_404(pk)
        events = claim_history(claim, request.user)
        return Response(EventSerializer(events, many=True).data)
