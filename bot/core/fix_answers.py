"""The pilgrim's answer to "is it fixed?", taken before the dialog engine sees the message.

The question is sent by the outbox when a case is resolved (bot/core/cases.py),
not as a reply in a dialog, so no flow is waiting for its answer, and the
pilgrim may be in the middle of another flow. Its answer arrives as:

- a button press (Telegram, the web chat): the choice id `fix:yes:MK-1234566`
  or `fix:no:MK-1234566` (`storage.cases.FIX_CHOICES`), always read as the
  answer for that ticket, if it is the pilgrim's own;
- a typed "1" / "2" (in any digit script) or the label's words ("yes", "نعم",
  "Ya, sudah", "ہاں", ...): WhatsApp shows the buttons as numbered options.
  A typed answer counts only while the question is the last thing the bot
  said to this person: once the bot has replied to anything since, "1" means
  the first option of what the bot asked last, as everywhere else.

A "no" reopens the case (back in its team's queue, SLA restarted), a "yes"
closes it; the pilgrim is thanked, and a flow they were in is asked again
where it stood (bot/core/conversation.py runs the hook).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from bot.core.cases import answer_fix
from bot.core.effects import EffectContext
from dialogs.matching import LabelResolver, by_label, match_choice, normalize
from dialogs.model import Output, UserInput
from storage import service as store
from storage.cases import FIX_QUESTION_KEY
from storage.models import Case

log = logging.getLogger(__name__)

_CHOICE = re.compile(r"^fix:(yes|no):(MK-\d{7})$")
RECENT = 30  # messages looked at to find the bot's last word


def _awaiting(case: Case) -> bool:
    return case.status == "resolved" and case.fix_asked_at is not None and case.fix_answer is None


def _question_is_last(ctx: EffectContext, case: Case) -> bool:
    """No reply of the bot's since the question was asked (the question itself aside)."""
    assert case.fix_asked_at is not None
    messages = store.recent_messages(ctx.session, person=ctx.person, limit=RECENT)
    said = [m for m in messages if m.direction == "out" and m.key != FIX_QUESTION_KEY]
    return not said or said[-1].created_at <= case.fix_asked_at


def _choices(yes: str, no: str) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The question's two buttons, and plain yes/no, with these ids."""
    shown = [{"id": yes, "key": "case-fix-yes"}, {"id": no, "key": "case-fix-no"}]
    plain = [{"id": yes, "key": "choice-yes"}, {"id": no, "key": "choice-no"}]
    return shown, plain


def _could_answer(text: str, labels: LabelResolver) -> bool:
    """Whether the text could be a typed answer at all, before any database work: an option's
    number, a label of the buttons or of yes/no, or a button's id. Most typed messages are
    none of these, and for them the person's cases and messages are never read."""
    shown, plain = _choices("fix:yes", "fix:no")
    if match_choice(text, shown, labels) or by_label(text, plain, labels):
        return True
    return normalize(text).startswith("fix:")


def _typed_answer(ctx: EffectContext, text: str) -> tuple[str, bool] | None:
    if ctx.content is None:
        return None
    labels = ctx.content.texts.labels(ctx.language, every_language=True)
    if not _could_answer(text, labels):
        return None
    cases = store.list_cases_for_person(ctx.session, person=ctx.person, limit=10)
    case = next((c for c in cases if _awaiting(c)), None)
    if case is None or not _question_is_last(ctx, case):
        return None
    yes, no = f"fix:yes:{case.ticket_id}", f"fix:no:{case.ticket_id}"
    shown, plain = _choices(yes, no)
    chosen = match_choice(text, shown, labels) or by_label(text, plain, labels)
    return (case.ticket_id, chosen == yes) if chosen else None


def _read(ctx: EffectContext, user_input: UserInput) -> tuple[str, bool] | None:
    """(ticket id, fixed?) when this input answers "is it fixed?"."""
    if user_input.choice:
        m = _CHOICE.match(user_input.choice)
        return (m.group(2), m.group(1) == "yes") if m else None
    if user_input.text and not user_input.command:
        return _typed_answer(ctx, user_input.text)
    return None


def answer_fix_question(
    ctx: EffectContext, dialog: Mapping[str, Any], user_input: UserInput
) -> list[Output] | None:
    """The bot's words when the input answers "is it fixed?" (recorded); else None."""
    found = _read(ctx, user_input)
    if found is None:
        return None
    ticket_id, fixed = found
    case = store.get_case(ctx.session, ticket_id=ticket_id)
    if case is None or case.reporter_id != ctx.person.id:
        return None  # not theirs: the engine says "please choose"
    if not _awaiting(case):
        return [Output(key="case-fix-too-late", args={"ticket_id": ticket_id})]
    answer_fix(
        ctx.session,
        routing=ctx.settings.routing,
        case=case,
        fixed=fixed,
        actor=f"person:{ctx.person.id}",
        now=ctx.now,
    )
    log.info("case %s: fix answer %s", ticket_id, "yes" if fixed else "no")
    key = "case-fix-thanks-yes" if fixed else "case-fix-thanks-no"
    return [Output(key=key, args={"ticket_id": ticket_id})]
