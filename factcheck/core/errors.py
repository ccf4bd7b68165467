"""Domain errors shared by every package.

A service raises one of these; the browser views and the API map each to one
HTTP status and one message (see web/errors.py and api/exceptions.py), so both
surfaces say the same thing about the same refusal.
"""

from __future__ import annotations

import datetime as dt

from django.utils import formats, timezone
from django.utils.translation import gettext


class DomainError(Exception):
    status = 400
    code = "invalid"

    def __init__(self, message: str, *, fields: dict[str, list[str]] | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        if code:
            self.code = code

    def as_dict(self) -> dict:
        body: dict = {"code": self.code, "message": self.message}
        if self.fields:
            body["fields"] = self.fields
        return {"error": body}


class InvalidInput(DomainError):
    status = 400
    code = "invalid"


class NotAllowed(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class WrongState(DomainError):
    """The object's current state does not allow the transition."""

    status = 409
    code = "wrong_state"


class StaleVersion(DomainError):
    """Someone else changed the object since the client read it."""

    status = 409
    code = "stale_version"


class EvidenceMissing(DomainError):
    status = 409
    code = "evidence_required"


class AlreadyDone(DomainError):
    """The same form was sent twice (Back, then Save again): the first one's result stands, and is named."""

    status = 409
    code = "already_done"

    def __init__(self, message: str, *, existing: object = None, **kwargs):
        super().__init__(message, **kwargs)
        self.existing = existing


class TooLarge(DomainError):
    status = 413
    code = "too_large"


def stale_message(what: str, user: object | None, when: dt.datetime | None) -> str:
    """What a refused stale edit says, for claims and articles alike (``user``: who changed it, if known)."""
    who = getattr(user, "display_name", None) or gettext("someone")
    # In the newsroom's time zone: a UTC clock time would read as the wrong hour.
    if when:
        local = timezone.localtime(when)
        stamp = gettext("%(time)s on %(date)s") % {"time": formats.time_format(local, "H:i:s"),
                                                  "date": formats.date_format(local, "d M Y")}
    else:
        stamp = gettext("an unknown time")
    return gettext("This %(what)s was changed by %(who)s at %(stamp)s since you opened it. "
                   "Reload to see the change; nothing was saved.") % {"what": what, "who": who, "stamp": stamp}


class LengthRequired(DomainError):
    """A request body of unknown length (chunked): refused rather than read as empty."""

    status = 411
    code = "length_required"
