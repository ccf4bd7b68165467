"""Shared serializer pieces: the error shape (for the schema), username and blank-as-null fields, quantities, limits."""

from __future__ import annotations

import copy

from django.conf import settings
from django.utils.functional import Promise
from rest_framework import serializers

# --- errors (for the schema; the handler in exceptions.py builds them) ---------------------


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable machine-readable code, e.g. invalid, forbidden, wrong_state.")
    message = serializers.CharField(help_text="A sentence for people; for 409 it names the current state.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per-field messages for invalid input (dotted paths for nested fields).",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


# --- shared bits -----------------------------------------------------------------------------

# Declaration arguments a field only reads: shared by the copies instead of deep-copied.
_READ_ONLY_ARGUMENTS = (str, int, float, bool, type(None), Promise)


def _fresh_copy(field: serializers.Field) -> serializers.Field:
    """What ``copy.deepcopy(field)`` gives (Field.__deepcopy__: a new field from its declaration's
    arguments), without deep-copying arguments that are only read: texts, numbers, lazy texts, and
    ``choices``, which ChoiceField reads into dicts of its own. Anything else is deep-copied as DRF does."""
    for value in field._args:
        if not isinstance(value, _READ_ONLY_ARGUMENTS):
            return copy.deepcopy(field)
    for key, value in field._kwargs.items():
        if key in ("validators", "regex"):
            continue  # DRF shares these too
        if key == "choices" and isinstance(field, serializers.ChoiceField) and isinstance(value, list | tuple) \
                and all(isinstance(c, tuple) and all(isinstance(x, _READ_ONLY_ARGUMENTS) for x in c) for c in value):
            continue
        if not isinstance(value, _READ_ONLY_ARGUMENTS):
            return copy.deepcopy(field)
    return field.__class__(*field._args, **field._kwargs)


class FreshFieldsSerializer(serializers.Serializer):
    """A Serializer whose fields are made anew for each instance without deep-copying lazy texts.

    DRF deep-copies the declared fields for every serializer it builds; for a small input (a claim
    action's body) that copy, mostly of the choices' lazy labels, was most of the validation's cost
    (bench/verdict_cpu.py). Each field is still a new instance built from its declaration, as in DRF.
    """

    def get_fields(self):
        return {name: _fresh_copy(field) for name, field in self._declared_fields.items()}


class UsernameField(serializers.CharField):
    """A user rendered as their username (null when unset)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value.username


class BlankAsNullChoiceField(serializers.ChoiceField):
    """Renders the empty string of an unset choice as null."""

    def __init__(self, choices, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(choices, **kwargs)

    def to_representation(self, value):
        return value or None


class BlankAsNullCharField(serializers.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


class TextField(serializers.CharField):
    """Text input that is text: DRF's CharField turns `0` or `1.5` into "0" and "1.5" silently."""

    default_error_messages = {"not_text": "Must be text (a JSON string)."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("not_text")
        return super().to_internal_value(data)


class QuantitySerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, help_text="The number, or null when it could not be read.")
    qualifier = serializers.CharField(help_text="exact, about, more_than, less_than, at_least, up_to ...")
    unit = serializers.CharField(allow_null=True, help_text="percent, people, GBP ..., or null.")
    text = serializers.CharField(help_text="The figure as written in the text.", allow_blank=True)


class QuantityInSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, required=False)
    qualifier = TextField(required=False, max_length=20, allow_blank=True)
    unit = TextField(required=False, allow_null=True, max_length=40, allow_blank=True)
    text = TextField(required=False, max_length=200, allow_blank=True)


# Bounds that keep every number a database can compare: ids are 64-bit, versions and offsets 32-bit.
MAX_ID = 2**63 - 1
MAX_INT = 2**31 - 1
STALE_HELP = "The version you read; 409 if the claim changed since."


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


