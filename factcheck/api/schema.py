"""OpenAPI generation: every operation documents the errors it can answer with.

The error body is always `ErrorSerializer`. Which statuses an operation lists
follows from what it is (a body can be malformed or too large, a path with an id
can miss, a state change can conflict); a view may name extra ones with
`api_errors`.
"""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import is_patched_serializer
from rest_framework.generics import ListAPIView

from factcheck.api.serializers import ErrorSerializer

DESCRIPTIONS = {
    "400": "Invalid input or malformed JSON; `fields` names the problems.",
    "401": "No credentials, or a bad token. Send `Authorization: Token <token>`.",
    "403": "Your role may not do this (or the CSRF check of a session request failed).",
    "404": "No such object.",
    "409": "Conflict: the object changed since you read it (stale `version`), or its current state does not allow "
    "this; the message says the current state.",
    "413": "The request body (or the article text) is over the limit.",
    "429": "Too many requests (throttled), or too many failed logins for this account.",
}


class FactcheckAutoSchema(AutoSchema):
    def _error_codes(self) -> list[str]:
        view = self.view
        codes = set(getattr(view, "api_errors", ()) or ())
        if not getattr(view, "public", False):
            codes |= {401, 403}
        codes.add(429)
        if self.method in ("POST", "PUT", "PATCH"):
            codes |= {400, 413}
        if self.method == "GET":
            codes.discard(409)  # reads never conflict
            if isinstance(view, ListAPIView):
                codes |= {400, 404}  # a bad filter; a page past the end
        if "{" in self.path:
            codes.add(404)
        return sorted(str(c) for c in codes)

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
                responses[code]["description"] = DESCRIPTIONS.get(code, "Error.")
        return responses

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if is_patched_serializer(serializer, direction):
            # drf-spectacular assumes PATCH validates partially and drops every `required`; our
            # PATCH views validate the whole serializer (api/views/base.valid), so a field such
            # as `version` is required there too and the schema must say so.
            required = [
                name for name, field in serializer.fields.items()
                if field.required and not field.read_only and name in schema.get("properties", {})
            ]
            if required:
                schema["required"] = required
        return schema
