"""Request parsers that refuse oversized bodies with 413 before reading them, and JSON nested too deep.

Django enforces DATA_UPLOAD_MAX_MEMORY_SIZE only when it parses forms itself;
DRF's JSON parser reads the raw stream, so without this check a client could
send a body of any size. JSON nested a thousand levels deep (2 KB, no credentials
needed) made Python's parser raise RecursionError: a 500 and a logged traceback
per request. No body of this API nests deeper than a few levels.
"""

from __future__ import annotations

import io
import re

from django.conf import settings
from django.utils.translation import gettext
from rest_framework import exceptions, parsers

from factcheck.api.exceptions import RequestTooLarge


def _limit_for(media_type: str) -> int:
    if media_type.startswith("multipart/"):
        # A file upload may be as large as the upload limit, plus the form around it.
        return max(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, settings.UPLOAD_MAX_BYTES + 65536)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def check_length(parser_context: dict | None, media_type: str) -> None:
    request = (parser_context or {}).get("request")
    if request is None:
        return
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = _limit_for(media_type or "")
    if length > limit:
        raise RequestTooLarge(f"The request body is {length:,} bytes; the limit is {limit:,}.")


MAX_JSON_DEPTH = 32
# JSON strings (with escapes) are skipped, so brackets inside text do not count.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(rb"[\[\]{}]")


def check_depth(data: bytes, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON whose arrays and objects nest deeper than `limit`, before any recursive parser sees it."""
    depth = 0
    for match in _BRACKETS.finditer(_STRING.sub(b"", data)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                raise exceptions.ParseError(gettext("JSON nested more than %(limit)s levels deep.") % {"limit": limit})
        else:
            depth -= 1


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        check_length(parser_context, self.media_type)
        if stream is not None:
            # A chunked body has no length header: read one byte past the limit and refuse.
            limit = _limit_for(self.media_type)
            data = stream.read(limit + 1)
            if len(data) > limit:
                raise RequestTooLarge(f"The request body is over the limit of {limit:,} bytes.")
            check_depth(data)
            stream = io.BytesIO(data)
        return super().parse(stream, media_type, parser_context)


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        check_length(parser_context, self.media_type)
        return super().parse(stream, media_type, parser_context)


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        check_length(parser_context, self.media_type)
        return super().parse(stream, media_type, parser_context)
