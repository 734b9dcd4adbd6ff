"""JSON request bodies read safely: within a size, a nesting depth, valid Unicode, no NaN.

Python's `json` module recurses once per nesting level, so `[` × 5000 ends in
a RecursionError, and it takes lone surrogates ("\\ud800") and NaN. The body
is parsed by pydantic's parser instead (jiter: iterative up to its own limit
of 200 levels, refusing invalid Unicode escapes), without NaN or Infinity,
and then held to `MAX_DEPTH`, far more than any message of ours needs.
Every refusal is a `BadBody` with a 4xx status and a sentence that names no
value from the body.
"""

from __future__ import annotations

import pydantic_core
from starlette.requests import Request

MAX_DEPTH = 16


class BadBody(ValueError):
    """The body is not JSON we take; `status` is 400 or 413, `code` a stable name."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail


def depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deep `value` nests (a scalar is 0), counting no further than `limit` + 1."""
    if isinstance(value, dict):
        children: list[object] = list(value.values())
    elif isinstance(value, list):
        children = value
    else:
        return 0
    if limit < 0:
        return 1
    return 1 + max((depth(child, limit - 1) for child in children), default=0)


def parse_json(body: bytes, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> object:
    """The JSON value of `body`, or `BadBody` saying what is wrong with it."""
    if len(body) > max_bytes:
        raise BadBody(413, "too_large", f"the request body is larger than {max_bytes} bytes")
    try:
        value = pydantic_core.from_json(body, allow_inf_nan=False)
    except ValueError as exc:  # the parser's words name a position, never the content
        raise BadBody(400, "bad_json", f"the body is not JSON we can read: {exc}") from None
    if depth(value, max_depth) > max_depth:
        raise BadBody(400, "bad_json", f"the JSON nests deeper than {max_depth} levels")
    return value


async def read_json(request: Request, *, max_bytes: int, max_depth: int = MAX_DEPTH) -> object:
    """`parse_json` of the request's body (cap the route's body size before it is read)."""
    return parse_json(await request.body(), max_bytes=max_bytes, max_depth=max_depth)
