"""Token login and the member list."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework.authtoken.models import Token
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from factcheck.accounts.models import User
from factcheck.api.pagination import Pagination
from factcheck.api.permissions import IsEditor
from factcheck.api.serializers import MemberSerializer, TokenInSerializer, TokenOutSerializer
from factcheck.api.throttles import LoginRateThrottle
from factcheck.api.views.base import valid
from factcheck.core.errors import InvalidInput


class TokenView(APIView):
    """Exchange a username and password for the member's API token."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [LoginRateThrottle]
    public = True

    @extend_schema(
        operation_id="auth_token",
        summary="Get an API token",
        description="Failed attempts count towards a lockout (429) of the username from your address; "
        "attempts are also rate-limited per address.",
        request=TokenInSerializer,
        responses={200: TokenOutSerializer},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        data = valid(TokenInSerializer, request.data)
        # Through django.contrib.auth so django-axes counts failures and locks
        # the account; it needs the Django request, not DRF's wrapper, to flag a lockout.
        user = authenticate(request=request._request, username=data["username"], password=data["password"])
        if user is None or not user.is_member:
            raise InvalidInput(gettext("Wrong username or password."), code="invalid_credentials")
        # The token is rest_framework.authtoken's own row, created on first login.
        token, _ = Token.objects.get_or_create(user=user)
        return Response(TokenOutSerializer({"token": token.key}).data)


class MemberListView(ListAPIView):
    """Newsroom members and their roles, so a client can pick a reviewer."""

    permission_classes = [IsEditor]
    pagination_class = Pagination
    serializer_class = MemberSerializer

    def get_queryset(self):
        return User.objects.filter(is_active=True).order_by("username")

    @extend_schema(operation_id="members_list", summary="List members (editors only)", tags=["members"])
    def get(self, request: Request) -> Response:
        return self.list(request)

