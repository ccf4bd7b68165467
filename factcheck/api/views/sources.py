"""Sources attached to claims, their snapshots and fetch state, and lookups."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.accounts.permissions import is_editor, require
from factcheck.api.parsers import JSONParser, MultiPartParser
from factcheck.api.permissions import IsEditor
from factcheck.api.serializers import (
    EvidenceSerializer,
    ImportSerializer,
    LookupRequestSerializer,
    LookupSerializer,
    PinSerializer,
    SourceAttachSerializer,
    SourceLinkSerializer,
    SourceSerializer,
    SourceUploadSerializer,
)
from factcheck.api.views.base import valid
from factcheck.api.views.claims import claim_or_404
from factcheck.core.errors import NotFound
from factcheck.sources.models import Evidence, Lookup, LookupKind, Snapshot, Source
from factcheck.sources.services import (
    article_import_request,
    evidence_detach,
    evidence_pin_passage,
    lookup_request,
    source_attach,
)


def _evidence(claim_id: int):
    return Evidence.objects.filter(claim_id=claim_id).select_related("source", "added_by").order_by("created_at", "id")


def _attachment(claim_id: int, source_id: int) -> int:
    """The evidence row that attaches the source to the claim (a path names the claim and the source)."""
    claim_or_404(claim_id)
    evidence_id = Evidence.objects.filter(claim_id=claim_id, source_id=source_id).values_list("pk", flat=True).first()
    if evidence_id is None:
        raise NotFound(gettext("Source %(source_id)s is not attached to claim %(claim_id)s.") % {"source_id": source_id,
            "claim_id": claim_id})
    return evidence_id


class ClaimSourcesView(APIView):
    parser_classes = [JSONParser, MultiPartParser]
    api_errors = (409,)

    @extend_schema(
        operation_id="claims_sources_list",
        summary="Sources attached to a claim, with stance and pinned passage",
        responses={200: EvidenceSerializer(many=True)},
        tags=["sources"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        return Response(EvidenceSerializer(_evidence(pk), many=True).data)

    @extend_schema(
        operation_id="claims_sources_create",
        summary="Attach a source by URL or file upload (the claim's reviewers and editors)",
        description="A URL is snapshotted in the background: follow `GET /api/sources/{id}/` for the fetch state.",
        request={"application/json": SourceLinkSerializer, "multipart/form-data": SourceUploadSerializer},
        responses={201: EvidenceSerializer},
        tags=["sources"],
    )
    def post(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        data = valid(SourceAttachSerializer, request.data)
        evidence = source_attach(
            actor=request.user,
            claim_id=pk,
            url=data.get("url") or None,
            upload=data.get("file"),
            note=data.get("note", ""),
            stance=data.get("stance"),
        )
        row = _evidence(pk).get(pk=evidence.pk)
        return Response(EvidenceSerializer(row).data, status=status.HTTP_201_CREATED)


class ClaimSourceView(APIView):
    api_errors = (409,)

    @extend_schema(
        operation_id="claims_sources_destroy",
        summary="Detach a source from a claim (the claim's reviewers and editors)",
        description="Only while the claim is being checked. The source and its snapshots stay for other claims.",
        responses={204: None},
        tags=["sources"],
    )
    def delete(self, request: Request, pk: int, source_id: int) -> Response:
        evidence_detach(actor=request.user, evidence_id=_attachment(pk, source_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class ClaimSourcePinView(APIView):
    api_errors = (409,)

    @extend_schema(
        operation_id="claims_sources_pin",
        summary="Pin a passage of the source's snapshot as the claim's evidence (the claim's reviewers and editors)",
        description="`start` and `end` are offsets in the snapshot's `text` (see `GET /api/sources/{id}/`); "
        "surrounding whitespace is trimmed. 409 while the source has no snapshot yet.",
        request=PinSerializer,
        responses={200: EvidenceSerializer},
        tags=["sources"],
    )
    def post(self, request: Request, pk: int, source_id: int) -> Response:
        evidence_id = _attachment(pk, source_id)
        data = valid(PinSerializer, request.data)
        evidence_pin_passage(actor=request.user, evidence_id=evidence_id, start=data["start"], end=data["end"],
                             snapshot_id=data["snapshot"])
        return Response(EvidenceSerializer(_evidence(pk).get(pk=evidence_id)).data)


class SourceDetailView(APIView):
    @extend_schema(
        operation_id="sources_retrieve",
        summary="A source with its latest snapshot and fetch state",
        responses={200: SourceSerializer},
        tags=["sources"],
    )
    def get(self, request: Request, pk: int) -> Response:
        source = Source.objects.select_related("added_by").filter(pk=pk).first()
        if source is None:
            raise NotFound(gettext("Source %(pk)s does not exist.") % {"pk": pk})
        source.api_snapshots = list(Snapshot.objects.filter(source=source).order_by("-fetched_at", "-id")[:1])
        source.api_fetches = list(
            Lookup.objects.filter(source=source, kind=LookupKind.FETCH).order_by("-created_at", "-id")[:1]
        )
        return Response(SourceSerializer(source).data)


class ClaimLookupsView(APIView):
    api_errors = (409,)

    @extend_schema(
        operation_id="claims_lookups_list",
        summary="Lookups of a claim and of its sources, newest first",
        responses={200: LookupSerializer(many=True)},
        tags=["sources"],
    )
    def get(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        lookups = (
            Lookup.objects.filter(Q(claim_id=pk) | Q(source__evidence__claim_id=pk))
            .distinct()
            .order_by("-created_at", "-id")
        )
        return Response(LookupSerializer(lookups, many=True).data)

    @extend_schema(
        operation_id="claims_lookups_create",
        summary="Run one kind of lookup again (the claim's reviewers and editors)",
        description="Queues the lookup and answers 202 at once; poll the list for its status.",
        request=LookupRequestSerializer,
        responses={202: LookupSerializer},
        tags=["sources"],
    )
    def post(self, request: Request, pk: int) -> Response:
        claim_or_404(pk)
        data = valid(LookupRequestSerializer, request.data)
        lookup = lookup_request(actor=request.user, kind=data["kind"], claim_id=pk, source_id=data.get("source"))
        return Response(LookupSerializer(lookup).data, status=status.HTTP_202_ACCEPTED)


class ArticleImportView(APIView):
    permission_classes = [IsEditor]
    api_errors = (409,)

    @extend_schema(
        operation_id="articles_import",
        summary="Read an article from its web page (editors)",
        description="Queues an import lookup and answers 202 at once. Poll `GET /api/lookups/{id}/`: when its "
        "`status` is `done`, `result` holds the draft (`title`, `text`, `outlet`, `author`, `url`, `published`); "
        "check it and create the article with `POST /api/articles/`. 409 when import is disabled in this newsroom.",
        request=ImportSerializer,
        responses={202: LookupSerializer},
        tags=["articles"],
    )
    def post(self, request: Request) -> Response:
        data = valid(ImportSerializer, request.data)
        lookup = article_import_request(actor=request.user, url=data["url"])
        return Response(LookupSerializer(lookup).data, status=status.HTTP_202_ACCEPTED)


class LookupDetailView(APIView):
    @extend_schema(
        operation_id="lookups_retrieve",
        summary="One lookup: its state, error and result",
        description="An article import is readable by editors and whoever asked for it.",
        responses={200: LookupSerializer},
        tags=["sources"],
    )
    def get(self, request: Request, pk: int) -> Response:
        lookup = Lookup.objects.filter(pk=pk).first()
        if lookup is None:
            raise NotFound(gettext("Lookup %(pk)s does not exist.") % {"pk": pk})
        if lookup.kind == LookupKind.IMPORT:
            # The same rule as the import page: a draft is the requesting editor's work in progress.
            require(is_editor(request.user) or lookup.requested_by_id == request.user.pk,
                    gettext("Only editors can read article imports."))
        return Response(LookupSerializer(lookup).data)
