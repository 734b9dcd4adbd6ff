"""The spec's error format: `<errors><error><code/><description/></error></errors>` / `[{…}]`.

`ApiError` carries the HTTP status and one or more (code, description) pairs;
the routes turn it into the error document in the format asked for. As the
spec says: 404 for what does not exist, 403 for a missing or wrong api_key (or
a key whose scope does not allow the request), 400 for any other request that
cannot be fulfilled. The code in the body is the HTTP status, the description
names the parameter and what was expected. Descriptions are English: they are
read by the developers of the client systems, like the rest of the API's names.
"""

from __future__ import annotations

from bot.open311.document import Document, Items, Value


class ApiError(Exception):
    def __init__(self, status: int, description: str, *more: str) -> None:
        super().__init__(description)
        self.status = status
        self.descriptions = (description, *more)

    def document(self) -> Document:
        errors: list[Value] = [{"code": self.status, "description": d} for d in self.descriptions]
        return Document("errors", Items("error", errors))


def bad_request(description: str) -> ApiError:
    return ApiError(400, description)


def not_found(description: str) -> ApiError:
    return ApiError(404, description)


def forbidden(description: str) -> ApiError:
    return ApiError(403, description)
