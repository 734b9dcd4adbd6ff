"""Staff passwords: argon2id hashes (argon2-cffi) and a strength check (zxcvbn).

argon2-cffi is the maintained binding of the Password Hashing Competition's
winner; its default parameters follow RFC 9106's recommendation and move
with new releases, which is why `needs_rehash` exists: a hash made with older
parameters is replaced at the next successful sign-in. zxcvbn estimates how
many guesses a password takes (dictionaries, names, keyboard patterns, dates,
l33t) rather than counting character classes, so "Makkah2026!" is refused and
a long passphrase is not.

`verify` always spends one hash computation, also for a user that does not
exist (against a dummy hash with the same parameters), so the time a failed
sign-in takes does not tell whether the username exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from storage.errors import WeakPassword

DEFAULT_HASHER = PasswordHasher()
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 128
MIN_SCORE = 3  # zxcvbn: 0 too guessable .. 4 very unguessable; 3 = safely unguessable
# Words a guesser tries first against this desk, beside the person's own names.
SITE_WORDS = ("labbaik", "makkah", "mecca", "municipality", "amanah", "baladiya", "940", "desk")


def check_strength(password: str, *, user_inputs: Iterable[str] = ()) -> None:
    """Refuse a weak password with `WeakPassword` (a code and a reason to show)."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_CHARS:
        raise WeakPassword(
            "too_short", f"use at least {MIN_PASSWORD_CHARS} characters; a few words are easiest"
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise WeakPassword("too_long", f"use at most {MAX_PASSWORD_CHARS} characters")
    # imported here: its dictionaries cost every process ~70 ms and some MB at start-up, and
    # only a password being set needs them
    from zxcvbn import zxcvbn

    words = [w for w in (*SITE_WORDS, *user_inputs) if w]
    result = zxcvbn(password, user_inputs=words, max_length=MAX_PASSWORD_CHARS)
    if result["score"] < MIN_SCORE:
        feedback = result.get("feedback") or {}
        reason = feedback.get("warning") or "it is too easy to guess"
        raise WeakPassword(
            "too_guessable", reason.rstrip("."), tuple(feedback.get("suggestions") or ())
        )


def hash_password(password: str, *, hasher: PasswordHasher = DEFAULT_HASHER) -> str:
    return hasher.hash(password)


@lru_cache(maxsize=8)
def _dummy_hash(
    time_cost: int, memory_cost: int, parallelism: int, hash_len: int, salt_len: int
) -> str:
    hasher = PasswordHasher(time_cost, memory_cost, parallelism, hash_len, salt_len)
    return hasher.hash("not anyone's password")


def verify(
    password_hash: str | None, password: str, *, hasher: PasswordHasher = DEFAULT_HASHER
) -> bool:
    """Whether `password` matches; with no hash (no such user), a dummy is checked instead."""
    if password_hash is None:
        password_hash = _dummy_hash(
            hasher.time_cost,
            hasher.memory_cost,
            hasher.parallelism,
            hasher.hash_len,
            hasher.salt_len,
        )
        _check(hasher, password_hash, password)
        return False
    return _check(hasher, password_hash, password)


def _check(hasher: PasswordHasher, password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str, *, hasher: PasswordHasher = DEFAULT_HASHER) -> bool:
    """True when the hash was made with other parameters than `hasher`'s."""
    try:
        return hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True
