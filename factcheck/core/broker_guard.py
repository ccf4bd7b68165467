"""One back-off for everything this process sends to the task queue.

Lookups, notification emails and webhook deliveries are all saved as rows before they are sent,
and each has a sweeper that sends what was not sent. So when a send fails the row is safe, and the
only harm left is time: a hung Redis makes each send wait out the broker's connect and read
timeouts (about two seconds). A verdict sends up to three messages (the editor's email, webhook
deliveries, follow-up lookups); when each kept its own back-off, or none, every verdict during
an outage took two seconds or more. Here one failed send, of any kind, makes the whole process
skip the broker for BACKOFF_SECONDS. (/healthz does not read it: it asks the broker itself, so it
tells when Redis is back before this process tries again.)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

# Short enough that sends resume soon after Redis returns (the sweepers catch up on the rest).
BACKOFF_SECONDS = 10.0
_down_until = 0.0


def down() -> bool:
    """True while a send failed in the last BACKOFF_SECONDS in this process."""
    return time.monotonic() < _down_until


def reset() -> None:
    """Forget an earlier failure (the broker is known to be back, or a test starts afresh)."""
    global _down_until
    _down_until = 0.0


def publish(send: Callable[[], object], what: str) -> bool:
    """Run ``send`` unless the broker is backing off; False when skipped or failed (the row waits)."""
    global _down_until
    if down():
        log.info("skipped sending %s: the task queue failed less than %.0f s ago", what, BACKOFF_SECONDS)
        return False
    try:
        send()
        return True
    except Exception as exc:  # kombu and redis raise several unrelated types for "broker down or hung"
        log.warning("could not send %s to the task queue: %s: %s", what, exc.__class__.__name__, exc)
        _down_until = time.monotonic() + BACKOFF_SECONDS
        return False
