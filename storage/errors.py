"""Exceptions storage raises for bad input, each with a message saying what is wrong."""

from __future__ import annotations


class StorageError(Exception):
    """Base class: something the caller asked of storage cannot be done."""


class InvalidValue(StorageError, ValueError):
    """An argument is not one of the values storage accepts (unknown status, kind, ...)."""


class NotFound(StorageError, LookupError):
    """The thing asked for does not exist, or the one asking may not see it.

    The access functions (`storage.access`) raise the same error, with the same
    message, in both cases, so guessing ids or tickets teaches nothing.
    """


class CaseNotFound(NotFound):
    """No case has this ticket id (or, from `access_case`, none this agent may see)."""

    def __init__(self, ticket_id: str) -> None:
        super().__init__(f"no case with ticket id {ticket_id!r}")
        self.ticket_id = ticket_id


class HandoffNotFound(NotFound):
    """No live chat has this id (or none this agent may see)."""

    def __init__(self, handoff_id: object) -> None:
        super().__init__(f"no chat with id {handoff_id!r}")
        self.handoff_id = handoff_id


class PhotoNotFound(NotFound):
    """No case or chat holds this media reference (or none this agent may see)."""

    def __init__(self, ref: str) -> None:
        super().__init__(f"no photo {ref!r}")
        self.ref = ref


class TeamNotFound(NotFound):
    """No team has this slug (or it is no longer active, where an active one is needed)."""

    def __init__(self, slug: str, *, inactive: bool = False) -> None:
        what = "active team" if inactive else "team"
        super().__init__(f"no {what} {slug!r}")
        self.slug = slug


class AgentNotFound(NotFound):
    """No agent has this username or id."""


class AlreadyExists(StorageError):
    """A unique name (username, team slug, API client name) is already taken."""


class WeakPassword(InvalidValue):
    """A password the strength check refuses.

    `code` is stable, for the desk to pick its own (translated) words:
    "too_short", "too_long", "too_guessable". `reason` and `suggestions` are
    English sentences worded for the person choosing the password (zxcvbn's
    feedback where it gave one), for the command line.
    """

    def __init__(self, code: str, reason: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(f"password refused: {reason}")
        self.code = code
        self.reason = reason
        self.suggestions = suggestions


class HandoffTaken(StorageError):
    """Another agent claimed this chat first (or it is no longer waiting)."""


class HandoffStateError(StorageError):
    """The chat is not in a state that allows this (e.g. replying to an ended chat)."""


class NotPermitted(StorageError):
    """The agent's role or team does not allow this change (e.g. assigning across teams)."""


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
