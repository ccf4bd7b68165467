"""Claims: list with filters, create, read, edit, workflow actions, audit trail."""

from __future__ import annotations

from contextlib import contextmanager

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.filters import OrderingFilter
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.accounts.models import User
from factcheck.api.filters import ClaimFilter
from factcheck.api.pagination import Pagination
from factcheck.api.serializers import (
    AssignSerializer,
    ClaimCreateSerializer,
    ClaimSerializer,
    ClaimUpdateSerializer,
    EventSerializer,
    RejectSerializer,
    ReopenSerializer,
    SecondReviewSerializer,
    VerdictSerializer,
    VersionSerializer,
)
from factcheck.api.views.base import valid
from factcheck.claims import services
from factcheck.claims.models import Claim, ClaimEvent, ClaimStatus, EventKind
from factcheck.claims.selectors import claim_history, claims_base
from factcheck.core.errors import NotFound, StaleVersion


def claim_or_404(pk: int) -> Claim:
    claim = claims_base().filter(pk=pk).first()
    if claim is None:
        raise NotFound(f"Claim {pk} does not exist.")
    return claim


def _render(pk: int) -> Response:
    return Response(ClaimSerializer(claim_or_404(pk)).data)


@contextmanager
def current_state_on_conflict(pk: int):
    """A client cannot "reload" like a page can: a stale-version 409 also says where the claim is now."""
    try:
        yield
    except StaleVersion as exc:
        claim = claim_or_404(pk)
        state = ClaimStatus(claim.status).label.lower()
        raise StaleVersion(f"{exc.message} The claim is now {state}, version {claim.version}.", fields=exc.fields) from exc


class ClaimListView(ListAPIView):
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_class = ClaimFilter
    ordering_fields = ["id", "start", "due", "priority", "status", "created_at", "updated_at", "score"]
    ordering = ["article", "start", "id"]
    serializer_class = ClaimSerializer

    def get_queryset(self):
        return claims_base()

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

    def perform(self, actor: User, claim_id: int, data: dict) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        data = dict(valid(self.input_serializer, request.data))
        with current_state_on_conflict(pk):
            self.perform(request.user, pk, data)
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

    @_action_schema("reject", "Reject a suggested or open claim (editors)", RejectSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_reject(actor=actor, claim_id=claim_id, **data)


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

    @_action_schema(
        "verdict", "Record a verdict (the assigned reviewer or an editor)", VerdictSerializer,
        "`verified` and `disputed` need at least one independent source attached (409 `evidence_required` "
        "otherwise). With a second reviewer the claim resolves when both agree; if they disagree an editor settles.",
    )
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.verdict_record(actor=actor, claim_id=claim_id, **data)


class ClaimReopenView(ClaimActionView):
    input_serializer = ReopenSerializer

    @_action_schema("reopen", "Reopen a resolved claim (editors)", ReopenSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_reopen(actor=actor, claim_id=claim_id, **data)


class ClaimSecondReviewView(ClaimActionView):
    input_serializer = SecondReviewSerializer

    @_action_schema("second_review", "Ask a second reviewer for a blind double review (editors)", SecondReviewSerializer)
    def post(self, request, pk):
        return super().post(request, pk)

    def perform(self, actor, claim_id, data):
        services.claim_request_second_review(actor=actor, claim_id=claim_id, **data)


def _blind(events: list[ClaimEvent], claim: Claim, user: User) -> list[ClaimEvent]:
    """Double review is blind: until the claim is settled, a reviewer must not read the other verdict here either."""
    if user.is_editor or claim.status == ClaimStatus.RESOLVED or claim.needs_settlement:
        return events
    for event in events:
        if event.kind == EventKind.REVIEWED and event.actor_id != user.pk:
            event.verdict, event.note = "", ""
    return events


class ClaimEventsView(APIView):
    @extend_schema(
        operation_id="claims_events",
        summary="The claim's audit trail, oldest first",
        responses={200: EventSerializer(many=True)},
        tags=["claims"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim = claim_or_404(pk)
        events = _blind(list(claim_history(claim)), claim, request.user)
        return Response(EventSerializer(events, many=True).data)
