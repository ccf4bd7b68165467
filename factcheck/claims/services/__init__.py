"""Every state change of a claim, one function each.

Each function runs in a transaction, locks the claim row, checks the state it
expects, the actor's role and the version the client read, writes the change,
appends a ClaimEvent, and enqueues follow-up work on commit. Pages, API views,
admin actions and tasks all call these.

The functions live in one module per sub-domain (triage, review, conversation,
placement; helpers in common); this package re-exports them so callers import
``from factcheck.claims.services import claim_assign`` whichever module holds it.
"""

from factcheck.claims.services.common import ACTIVE, MAX_CLAIM_TEXT, REREVIEW, notify
from factcheck.claims.services.conversation import comment_add, notifications_mark_read
from factcheck.claims.services.placement import claim_reanchor, claims_reanchor
from factcheck.claims.services.review import (
    claim_assign,
    claim_confirm_verdict,
    claim_link,
    claim_reopen,
    claim_request_second_review,
    claim_start,
    claims_assign_bulk,
    counting_evidence,
    verdict_record,
)
from factcheck.claims.services.triage import (
    claim_accept,
    claim_create,
    claim_edit,
    claim_reject,
    claim_restore,
    claim_split,
    claims_accept_all,
    claims_merge,
    claims_reject_all,
    claims_suggest,
)

# The old name of claim_reanchor (one name per action: service, URL name and API path say "reanchor").
claim_reanchor_manual = claim_reanchor

__all__ = [
    "ACTIVE",
    "MAX_CLAIM_TEXT",
    "REREVIEW",
    "claim_accept",
    "claim_assign",
    "claim_confirm_verdict",
    "claim_create",
    "claim_edit",
    "claim_link",
    "claim_reanchor",
    "claim_reanchor_manual",
    "claim_reject",
    "claim_reopen",
    "claim_request_second_review",
    "claim_restore",
    "claim_split",
    "claim_start",
    "claims_accept_all",
    "claims_assign_bulk",
    "claims_merge",
    "claims_reanchor",
    "claims_reject_all",
    "claims_suggest",
    "comment_add",
    "counting_evidence",
    "notifications_mark_read",
    "notify",
    "verdict_record",
]
