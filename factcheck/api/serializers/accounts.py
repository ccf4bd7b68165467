"""Members and API tokens."""

from __future__ import annotations

from rest_framework import serializers

from factcheck.accounts.models import Role
from factcheck.api.serializers.common import TextField

# --- members and auth --------------------------------------------------------------------------


class TokenInSerializer(serializers.Serializer):
    username = TextField(max_length=150, trim_whitespace=False)
    password = TextField(max_length=4096, trim_whitespace=False, style={"input_type": "password"})


class TokenOutSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`.")


class MemberSerializer(serializers.Serializer):
    username = serializers.CharField(read_only=True)
    name = serializers.CharField(source="display_name", read_only=True)
    role = serializers.ChoiceField(choices=Role.choices, read_only=True)


