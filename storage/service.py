"""The one way the bot and the agent desk read and write data (like Zulip's do_* actions).

Every function takes the SQLAlchemy `Session` first and keyword-only
arguments after it, and flushes but never commits: the caller owns the
transaction (`Database.transaction()`), so a message, a state change, a case
change and its notification are committed together or not at all. Bad input
raises a `storage.errors.StorageError` subclass with a message saying what
is wrong. See each module for the rules: `people`, `conversations`, `cases`,
`outbox`.
"""

from __future__ import annotations

from storage.cases import (
    ALLOWED_TRANSITIONS,
    add_case_note,
    assign_case,
    change_case_status,
    create_case,
    default_team,
    get_case,
    list_cases_for_person,
    require_case,
    sla_due_at,
)
from storage.conversations import (
    find_conversation,
    find_inbound,
    lock_conversation,
    mark_message_sent,
    recent_messages,
    record_inbound,
    record_outbound,
    replies_to,
    save_conversation,
)
from storage.outbox import (
    claim_outbox,
    enqueue_outbox,
    mark_outbox_failed,
    mark_outbox_held,
    mark_outbox_retry,
    mark_outbox_sent,
    release_outbox,
)
from storage.people import find_person, get_or_create_person, set_person_language

__all__ = [
    "ALLOWED_TRANSITIONS",
    "add_case_note",
    "assign_case",
    "change_case_status",
    "claim_outbox",
    "create_case",
    "default_team",
    "enqueue_outbox",
    "find_conversation",
    "find_inbound",
    "find_person",
    "get_case",
    "get_or_create_person",
    "list_cases_for_person",
    "lock_conversation",
    "mark_message_sent",
    "mark_outbox_failed",
    "mark_outbox_held",
    "mark_outbox_retry",
    "mark_outbox_sent",
    "recent_messages",
    "record_inbound",
    "record_outbound",
    "release_outbox",
    "replies_to",
    "require_case",
    "save_conversation",
    "set_person_language",
    "sla_due_at",
]
