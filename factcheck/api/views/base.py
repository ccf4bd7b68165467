"""Small helpers shared by the API views."""

from __future__ import annotations

from rest_framework import serializers


def valid(serializer_class: type[serializers.Serializer], data, **kwargs) -> dict:
    """Validated input or a 400 naming the fields (see api/exceptions.py).

    A serializer may offer ``plain_input(data)``: the same validated data for the well-formed bodies
    it recognises without building itself (None otherwise, and the serializer judges).
    """
    plain = getattr(serializer_class, "plain_input", None)
    if plain is not None and not kwargs:
        found = plain(data)
        if found is not None:
            return found
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
