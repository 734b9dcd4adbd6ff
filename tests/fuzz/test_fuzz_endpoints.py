"""Every public endpoint, fuzzed: no hostile request gets a 5xx, and none that is refused
leaves a row behind.

The requests come from bench/fuzz_corpus.py (the standalone runner's corpus),
driven by hypothesis's `randoms()`: a fixed seed, a bounded count, and a
failure that shrinks and replays. A request is "refused" when it is answered
4xx, or 200 with `ignored` (a Telegram update that can never be valid): then
no table may have grown.
"""

from __future__ import annotations

from random import Random

import pytest
from conftest import Fuzzed
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from bench.fuzz_corpus import ENDPOINTS, build

EXAMPLES = 30  # per endpoint and database

FUZZ = settings(
    max_examples=EXAMPLES,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def refused(status: int, body: bytes) -> bool:
    return status >= 400 or (status == 200 and b'"ignored"' in body)


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS))
@seed(20261201)
@FUZZ
@given(rng=st.randoms(use_true_random=False))
async def test_no_5xx_and_nothing_stored_from_a_refused_request(
    fuzzed: Fuzzed, endpoint: str, rng: Random
) -> None:
    request = build(rng, fuzzed.target, endpoint)
    before = fuzzed.rows()
    response = await fuzzed.send(request)
    assert response.status_code < 500, (request, response.text)
    if refused(response.status_code, response.content):
        assert fuzzed.rows() == before, (request, response.status_code, response.text)


@pytest.mark.parametrize("endpoint", [e for e in sorted(ENDPOINTS) if e.startswith("desk_")])
async def test_the_desk_pages_are_fuzzed_signed_in(fuzzed: Fuzzed, endpoint: str) -> None:
    """The desk's requests reach its filters (a page or a 400 naming the value), not the
    sign-in redirect."""
    statuses = set()
    for n in range(40):
        response = await fuzzed.send(build(Random(n), fuzzed.target, endpoint))
        statuses.add(response.status_code)
    if endpoint.startswith("desk_chat_") or endpoint == "desk_chat":
        # a live chat by id: the page, a 404 for an id that is no chat, a 400 for a bad `after`
        assert statuses and statuses <= {200, 400, 404}, statuses
    elif endpoint.startswith("desk_chats"):
        assert statuses == {200}, statuses  # no parameters: the page itself, signed in
    else:
        assert statuses == {200, 400}, statuses
