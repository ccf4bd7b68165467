"""Small helpers shared by the API views."""

from __future__ import annotations

from rest_framework import serializers


def valid(serializer_class: type[serializers.Serializer], data, **kwargs) -> dict:
    """Validated input or a 400 naming the fields (see api/exceptions.py)."""
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
