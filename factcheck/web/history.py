"""What the history pages say about an assignment: the reviewer by name, the due date as a date.

Assignment events store the reviewer's login name and the due date as ISO text (machine-readable
for the API and exports); people read "to Ravi Okafor, due 4 Dec 2026", not "to reviewer, due
2026-12-04". One query names every reviewer of the page, however many events it lists.
"""

from __future__ import annotations

import datetime as dt

from factcheck.accounts.models import User
from factcheck.claims.models import ClaimEvent


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
