"""The caller's own notifications: list them, mark them read."""

from __future__ import annotations

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.api.filters import FlagFilter
from factcheck.api.pagination import Pagination
from factcheck.api.serializers import CountSerializer, MarkReadSerializer, NotificationSerializer
from factcheck.api.views.base import valid
from factcheck.claims.models import Notification
from factcheck.claims.services import notifications_mark_read


class NotificationFilter(django_filters.FilterSet):
    unread = FlagFilter(method="filter_unread", help_text="true: only unread; false: only read.")

    def filter_unread(self, qs, name: str, value: bool | None):
        if value is None:
            return qs
        return qs.filter(read_at__isnull=value)


class NotificationListView(ListAPIView):
    pagination_class = Pagination
    filter_backends = [DjangoFilterBackend]
    filterset_class = NotificationFilter
    serializer_class = NotificationSerializer
    queryset = Notification.objects.none()  # for the schema: get_queryset needs a real request

    def get_queryset(self):
        # Only ever the caller's own: nobody reads another member's notifications.
        return Notification.objects.filter(recipient=self.request.user).order_by("-created_at", "-id")

    @extend_schema(operation_id="notifications_list", summary="Your notifications, newest first",
                   tags=["notifications"])
    def get(self, request: Request) -> Response:
        return self.list(request)


class NotificationReadView(APIView):
    @extend_schema(
        operation_id="notifications_read",
        summary="Mark your notifications read",
        description="Give `ids` to mark those (ids that are not yours or already read are ignored), or leave it "
        "out to mark all. `count` is how many changed.",
        request=MarkReadSerializer,
        responses={200: CountSerializer},
        tags=["notifications"],
    )
    def post(self, request: Request) -> Response:
        data = valid(MarkReadSerializer, request.data)
        count = notifications_mark_read(actor=request.user, ids=data["ids"])
        return Response(CountSerializer({"count": count}).data)
