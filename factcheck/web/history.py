"""What the history pages say about an assignment: the reviewer by name, the due date as a date;
and about a claim: the wording it had at each step, not today's.

Assignment events store the reviewer's login name and the due date as ISO text (machine-readable
for the API and exports); people read "to Ravi Okafor, due 4 Dec 2026", not "to reviewer, due
2026-12-04". One query names every reviewer of the page, however many events it lists.
"""

from __future__ import annotations

import datetime as dt

from factcheck.accounts.models import User
from factcheck.claims.models import ClaimEvent, EventKind


def with_people(events: list[ClaimEvent]) -> list[ClaimEvent]:
    """Set ``assignee_name`` and ``due_date`` on each event whose data names an assignee or a due date."""
    usernames = {e.data["assignee"] for e in events if isinstance(e.data, dict) and e.data.get("assignee")}
    names = {}
    if usernames:
        for user in User.objects.filter(username__in=usernames).only("username", "first_name", "last_name"):
            names[user.username] = user.display_name
    for e in events:
        data = e.data if isinstance(e.data, dict) else {}
        if data.get("assignee"):
            e.assignee_name = names.get(data["assignee"], data["assignee"])
        if data.get("due"):
            try:
                e.due_date = dt.date.fromisoformat(str(data["due"]))
            except ValueError:
                e.due_date = None
    return events


def _wording_before(event: ClaimEvent) -> str | None:
    """The wording the claim had just before this event, where the event changed it and kept the old one."""
    data = event.data if isinstance(event.data, dict) else {}
    if event.kind == EventKind.EDITED:
        before = data.get("before") or {}
        return before.get("text") if "text" in before else None
    if event.kind == EventKind.REANCHORED:
        return ((data.get("changed") or {}).get("text") or {}).get("before")
    # Merges and splits write it since round 15; older rows have none, and the history then shows the
    # wording of the next step that kept one (or today's).
    return data.get("wording_before")


def with_wording_then(events: list[ClaimEvent]) -> list[ClaimEvent]:
    """Set ``wording_then`` on each event: the claim's wording right after it (an audit trail shows each
    step as it was; an edit at 14:59 must not rewrite what the 14:58 suggestion said).

    Walks each claim's events from the newest back, undoing every recorded change of wording from
    the claim's current text; needs ``event.claim`` loaded (the history selectors select it)."""
    current: dict[int, str] = {}
    for e in sorted(events, key=lambda e: (e.at, e.pk), reverse=True):
        wording = current.get(e.claim_id)
        if wording is None:
            wording = e.claim.text
        e.wording_then = wording
        before = _wording_before(e)
        current[e.claim_id] = before if before is not None else wording
    return events
