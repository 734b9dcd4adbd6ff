"""Exceptions storage raises for bad input, each with a message saying what is wrong."""

from __future__ import annotations


class StorageError(Exception):
    """Base class: something the caller asked of storage cannot be done."""


class InvalidValue(StorageError, ValueError):
    """An argument is not one of the values storage accepts (unknown status, kind, ...)."""


class CaseNotFound(StorageError, LookupError):
    """No case has this ticket id."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(f"no case with ticket id {ticket_id!r}")
        self.ticket_id = ticket_id


class InvalidTransition(StorageError):
    """A case status change the workflow does not allow."""

    def __init__(self, ticket_id: str, current: str, wanted: str, allowed: tuple[str, ...]) -> None:
        allowed_text = ", ".join(allowed) if allowed else "none (the case is final)"
        super().__init__(
            f"case {ticket_id}: cannot change status from {current!r} to {wanted!r}; "
            f"allowed from {current!r}: {allowed_text}"
        )
        self.ticket_id = ticket_id
        self.current = current
        self.wanted = wanted
        self.allowed = allowed


class ConversationConflict(StorageError):
    """The conversation changed since it was read (its version moved on); re-read and retry."""


class TicketIdExhausted(StorageError):
    """No free ticket id was found after several tries (should never happen in practice)."""


class OutboxStateError(StorageError):
    """An outbox item is not in a state that allows this change (e.g. marking a sent item)."""
