"""The fuzz corpus: hostile requests for every public endpoint, built from a `random.Random`.

One generator serves both users: the test suite drives it with hypothesis
(`st.randoms()`, so failures shrink and replay; tests/fuzz/), the standalone
runner with a seeded `Random` (bench/fuzz.py, `make fuzz`). Each builder
starts from a request the endpoint takes and then, most of the time, breaks
it: a field replaced by a hostile value (NUL, lone surrogates, over-long,
superscript digits, unparseable URLs, numbers for strings, objects for
numbers), a field dropped or doubled, the body replaced by hostile bytes
(`[` × 5000, invalid UTF-8), a wrong content type, a missing or wrong
signature. Webhooks are signed correctly most of the time (the signature
proves the bytes, not the fields), and sometimes not at all.

The personal data in the corpus is made up and marked (`PHONES`, `TEXTS`,
`NAMES`, `CLIENT_IDS`): the log test searches the captured log for each.

Adding an endpoint (the desk's login, say) is one line in `ENDPOINTS`:

    "desk_login": form_endpoint("/desk/login", ("username", "password", "csrf_token")),
"""

from __future__ import annotations

import json
import string
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from random import Random
from typing import Any
from urllib.parse import quote, urlencode

from twilio.request_validator import RequestValidator

PHONES = ("+966500000101", "+966511112222", "+923001234567", "+628123456789", "+989121234567")
TEXTS = (
    "Leaking pipe fuzzmarker-alpha near gate 3",
    "حاوية النفايات fuzzmarker-beta ممتلئة",
    "گلی میں کچرا fuzzmarker-gamma ہے",
    "Jalan berlubang fuzzmarker-delta di sini",
)
NAMES = ("Fuzzname Aqila", "Fuzzname Bashir")
CLIENT_IDS = tuple(f"fuzzclient{n:02d}{'x' * 12}" for n in range(8))
HOSTILE = (
    "",
    " ",
    "a\x00b",
    "\x00",
    "a\ud800b",
    "\udfff",
    "bell\x07",
    "x" * 5000,
    "y" * 129,
    "²",
    "١٢٣",
    "-1",
    "99999999999999999999999",
    "1e400",
    "NaN",
    "http://[::1",
    "http://127.0.0.1:99999/",
    "http://☃/",
    "file:///etc/passwd",
    "http://169.254.169.254/latest/meta-data/",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u202eevil",
    "%00",
    "{{7*7}}",
    "whatsapp:+" + "9" * 40,
)
HOSTILE_BODIES = (
    b"",
    b"[" * 5000,
    b"{" * 5000,
    b'{"a":' * 3000,
    b"\xff\xfe\x00",
    b'{"x": "\\ud800"}',
    b"null",
    b"[]",
    b'"text"',
    b'{"update_id": 1e400}',
    b"A" * 70_000,
)
JSON_NOISE: tuple[object, ...] = (None, True, 0, -1, 2**70, 1.5, [], {}, [[["deep"]]], {"a": {}})
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


@dataclass(frozen=True)
class Target:
    """What the corpus needs to know of the app under test to sign and aim its requests."""

    telegram_secret: str
    twilio_token: str
    twilio_account: str
    public_url: str
    media_url: str  # a MediaUrl on an allowed media host
    desk_cookie: str = ""  # a supervisor's desk session ("labbaik_desk=…"); else signed out


@dataclass(frozen=True)
class FuzzRequest:
    endpoint: str
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)  # values: latin-1, one char a byte
    body: bytes = b""

    def raw_headers(self) -> list[tuple[bytes, bytes]]:
        return [(k.encode(), v.encode("latin-1")) for k, v in self.headers.items()]


_NOT_IN_HEADERS = bytes([*range(0x20), 0x7F])


def header_value(value: str) -> str:
    """Any text as a header value can carry it: its UTF-8 bytes without control characters
    (HTTP refuses them; the client would not even send them) and trimmed."""
    raw = value.encode("utf-8", "surrogatepass").translate(None, _NOT_IN_HEADERS)
    return raw.strip().decode("latin-1")


Builder = Callable[[Random, Target], FuzzRequest]


# ---- values ------------------------------------------------------------------------


def hostile(rng: Random) -> str:
    if rng.random() < 0.2:
        alphabet = string.printable + "ب٣😀\u0301"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
    return rng.choice(HOSTILE)


def maybe(rng: Random, good: str, *, p: float = 0.3) -> str:
    """`good`, or (with probability p) a hostile value instead."""
    return hostile(rng) if rng.random() < p else good


def _mutate_json(rng: Random, body: dict[str, Any]) -> dict[str, Any]:
    body = dict(body)
    key = rng.choice(list(body))
    roll = rng.random()
    if roll < 0.4:
        body[key] = hostile(rng)
    elif roll < 0.7:
        body[key] = rng.choice(JSON_NOISE)
    elif roll < 0.85:
        del body[key]
    else:
        body[hostile(rng) or "extra"] = rng.choice(JSON_NOISE)
    return body


def _enc(value: str) -> bytes:
    """UTF-8, lone surrogates included (as a broken client would send them)."""
    return value.encode("utf-8", "surrogatepass")


def _json(
    rng: Random, endpoint: str, path: str, body: dict[str, Any], **headers: str
) -> FuzzRequest:
    if rng.random() < 0.15:
        content = rng.choice(HOSTILE_BODIES)
    else:
        if rng.random() < 0.6:
            body = _mutate_json(rng, body)
        content = _enc(json.dumps(body, ensure_ascii=rng.random() < 0.5))
    kind = "application/json" if rng.random() < 0.9 else rng.choice(("text/plain", "", "a/b"))
    return FuzzRequest(endpoint, "POST", path, {"content-type": kind, **headers}, content)


# ---- the web chat ------------------------------------------------------------------


def webchat_message(rng: Random, target: Target) -> FuzzRequest:
    kind = rng.choice(("text", "text", "choice", "location", "command"))
    content: Any = {
        "text": rng.choice(TEXTS),
        "choice": rng.choice(("menu:report", "flow:services_locate", "lang:ar", "x" * 101)),
        "location": {"lat": rng.uniform(-100, 100), "lon": rng.uniform(-200, 200)},
        "command": rng.choice(("start", "help", "status", "drop")),
    }[kind]
    body = {
        "client_id": rng.choice(CLIENT_IDS),
        "message_id": uuid.UUID(int=rng.getrandbits(128)).hex,
        "lang": rng.choice(("ar", "en", "ur", "xx")),
        kind: content,
    }
    return _json(rng, "webchat_message", "/webchat/api/messages", body)


def _multipart(rng: Random, fields: dict[str, str], photo: bytes) -> tuple[str, bytes]:
    boundary = "fuzz" + format(rng.getrandbits(64), "016x")
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        for name, value in fields.items()
    ]
    head = _enc("".join(parts))
    disposition = 'form-data; name="photo"; filename="p.png"'
    file_part = (
        (
            f"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: image/png\r\n\r\n"
        ).encode()
        + photo
        + f"\r\n--{boundary}--\r\n".encode()
    )
    body = head + file_part
    if rng.random() < 0.1:
        body = body[: rng.randint(0, len(body))]  # cut off mid-way
    return f"multipart/form-data; boundary={boundary}", body


def webchat_media(rng: Random, target: Target) -> FuzzRequest:
    fields = {
        "client_id": maybe(rng, rng.choice(CLIENT_IDS)),
        "message_id": maybe(rng, format(rng.getrandbits(64), "016x")),
        "lang": maybe(rng, "en"),
    }
    photo = rng.choice((PNG, PNG, b"", b"GIF89a" + b"\x00" * 64, b"%PDF-1.7", b"\xff" * 2048))
    kind, body = _multipart(rng, fields, photo)
    return FuzzRequest("webchat_media", "POST", "/webchat/api/media", {"content-type": kind}, body)


def query_endpoint(path: str, params: Sequence[str], good: Callable[[Random], str]) -> Builder:
    """A GET endpoint whose query `params` get good or hostile values (a desk page, say)."""
    name = path.strip("/").replace("/", "_") or "page"

    def build(rng: Random, target: Target) -> FuzzRequest:
        query = {p: maybe(rng, good(rng), p=0.5) for p in params if rng.random() < 0.9}
        encoded = "&".join(f"{quote(k)}={quote(_enc(v))}" for k, v in query.items())
        headers = {"accept-language": header_value(maybe(rng, "ur-PK,ur;q=0.9,en;q=0.5", p=0.5))}
        target_path = path + (f"?{encoded}" if encoded else "")
        return FuzzRequest(name, "GET", target_path, headers)

    return build


def desk_endpoint(path: str, params: Sequence[str]) -> Builder:
    """A desk page's GET (the queue, the reports, their CSV), as a signed-in supervisor when
    the target has a desk session: a few filters, each a value it takes, a value of another
    filter, or a hostile one."""
    name = path.strip("/").replace("/", "_").replace(".", "_")

    def build(rng: Random, target: Target) -> FuzzRequest:
        chosen = rng.sample(list(params), k=min(len(params), rng.choice((0, 1, 1, 2, 3, 5))))
        pairs = []
        for param in chosen:
            good = rng.choice(DESK_VALUES.get(param, ("1",)))
            other = rng.choice([v for values in DESK_VALUES.values() for v in values])
            pairs.append((param, maybe(rng, rng.choice((good, good, other)), p=0.2)))
        if rng.random() < 0.1:
            pairs.append((hostile(rng) or "x", hostile(rng)))
        encoded = "&".join(f"{quote(_enc(k))}={quote(_enc(v))}" for k, v in pairs)
        headers = {"cookie": target.desk_cookie} if target.desk_cookie else {}
        return FuzzRequest(name, "GET", path + (f"?{encoded}" if encoded else ""), headers)

    return build


CHAT_IDS = ("1", "2", "0", "-1", "007", "1e3", "99999999999999999999", "abc", "١", "1/../2")


def desk_chat_endpoint(suffix: str, params: Sequence[str]) -> Builder:
    """A live chat's page or its lines fragment (`/desk/chats/<id><suffix>`), as a signed-in
    supervisor when the target has one: the id as typed, guessed or hostile."""
    name = "desk_chat" + suffix.replace("/", "_")
    query = desk_endpoint("/desk/chats/x" + suffix, params)

    def build(rng: Random, target: Target) -> FuzzRequest:
        chat_id = maybe(rng, rng.choice(CHAT_IDS), p=0.3) or "1"
        request = query(rng, target)
        path = request.path.replace("/desk/chats/x", f"/desk/chats/{quote(_enc(chat_id), safe='')}")
        return replace(request, endpoint=name, path=path)

    return build


DESK_VALUES: dict[str, tuple[str, ...]] = {
    "status": ("new", "assigned", "reopened"),
    "category": ("waste", "food_safety", "street_lighting"),
    "team": ("ajyad", "customer_service", "aziziyah"),
    "priority": ("urgent", "low"),
    "channel": ("telegram", "webchat"),
    "language": ("ur", "ar", "id"),
    "sla": ("overdue", "due_soon"),
    "q": ("MK-1234566", "gate 3", "٠٥٠"),
    "from": ("2026-11-20", "2026-12-01", "9999-12-31", "0001-01-01", "2026-02-30"),
    "to": ("2026-12-01", "2026-12-31", "2025-01-01"),
    "assigned": ("me", "none"),
    "sort": ("-created_at", "priority", "sla_due_at"),
    "page": ("1", "3", "999999"),
    "per_page": ("25", "200"),
    "after": ("0", "5", "-1", "99999999999999999999", "x"),
}
QUEUE_PARAMS = (
    "status", "category", "team", "priority", "channel", "language", "sla", "q", "from", "to",
    "assigned", "sort", "page", "per_page",
)  # fmt: skip
REPORT_PARAMS = ("from", "to", "team", "category")


def form_endpoint(path: str, fields: Sequence[str], method: str = "POST") -> Builder:
    """A form endpoint (the desk's login, its case forms) with good or hostile field values."""
    name = path.strip("/").replace("/", "_")

    def build(rng: Random, target: Target) -> FuzzRequest:
        values = {f: maybe(rng, rng.choice(NAMES + TEXTS), p=0.5) for f in fields}
        if rng.random() < 0.2:
            values[hostile(rng) or "x"] = hostile(rng)
        body = urlencode({_enc(k): _enc(v) for k, v in values.items()}).encode()
        headers = {"content-type": "application/x-www-form-urlencoded"}
        return FuzzRequest(name, method, path, headers, body)

    return build


def static_file(rng: Random, target: Target) -> FuzzRequest:
    name = rng.choice(("chat.js", "chat.css", "../templates/chat.html", "%2e%2e/x", hostile(rng)))
    return FuzzRequest("static", "GET", "/static/webchat/" + quote(_enc(name), safe="/%"))


def stray(rng: Random, target: Target) -> FuzzRequest:
    """A method or a path nobody serves."""
    method = rng.choice(("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"))
    paths = ("/webhooks/telegram", "/webchat/api/messages", "/admin", "/.env", "/healthz")
    path = rng.choice(paths)
    return FuzzRequest("stray", method, path)


# ---- the webhooks ------------------------------------------------------------------


def _telegram_update(rng: Random) -> dict[str, Any]:
    chat_id = rng.randint(1, 2**40)
    user = {"id": chat_id, "is_bot": False, "first_name": rng.choice(NAMES), "language_code": "en"}
    message: dict[str, Any] = {
        "message_id": rng.randint(1, 10**6),
        "date": 1_748_592_011,
        "chat": {"id": chat_id, "type": "private"},
        "from": user,
    }
    content = rng.choice(("text", "location", "contact", "photo", "callback"))
    update: dict[str, Any] = {"update_id": rng.randint(1, 2**31)}
    if content == "callback":
        update["callback_query"] = {
            "id": str(rng.getrandbits(60)),
            "from": user,
            "chat_instance": "1",
            "data": rng.choice(("menu:report", "lang:ur")),
            "message": {**message, "text": "menu"},
        }
        return update
    contents: dict[str, dict[str, Any]] = {
        "text": {"text": rng.choice(TEXTS)},
        "location": {"location": {"latitude": 21.42, "longitude": 39.82}},
        "contact": {"contact": {"phone_number": rng.choice(PHONES).lstrip("+")}},
        "photo": {"photo": [{"file_id": "Ag", "file_unique_id": "u", "width": 1, "height": 1}]},
    }
    message.update(contents[content])
    update["message"] = message
    return update


def _break(rng: Random, node: dict[str, Any]) -> None:
    """Replace one value somewhere in a nested update by a hostile one."""
    key = rng.choice(list(node))
    value = node[key]
    if isinstance(value, dict) and value and rng.random() < 0.7:
        _break(rng, value)
        return
    node[key] = hostile(rng) if rng.random() < 0.5 else rng.choice(JSON_NOISE)


def telegram_webhook(rng: Random, target: Target) -> FuzzRequest:
    update = _telegram_update(rng)
    if rng.random() < 0.6:
        _break(rng, update)
    roll = rng.random()
    secret = target.telegram_secret if roll < 0.8 else ("" if roll < 0.9 else "wrong")
    headers = {"x-telegram-bot-api-secret-token": secret} if secret else {}
    if rng.random() < 0.15:
        body = rng.choice(HOSTILE_BODIES)
        return FuzzRequest("telegram", "POST", "/webhooks/telegram", headers, body)
    return _json(rng, "telegram", "/webhooks/telegram", update, **headers)


def _twilio_form(rng: Random, target: Target) -> dict[str, str]:
    sid = "SM" + format(rng.getrandbits(128), "032x")
    phone = rng.choice(PHONES)
    form = {
        "MessageSid": sid,
        "SmsMessageSid": sid,
        "AccountSid": target.twilio_account,
        "From": f"whatsapp:{phone}",
        "To": "whatsapp:+14155238886",
        "WaId": phone.lstrip("+"),
        "ProfileName": rng.choice(NAMES),
        "NumMedia": "0",
        "MessageType": "text",
        "Body": rng.choice(TEXTS),
    }
    kind = rng.random()
    if kind < 0.2:
        form.update(NumMedia="1", MessageType="image", MediaContentType0="image/png")
        form["MediaUrl0"] = target.media_url
    elif kind < 0.35:
        form.update(MessageType="location", Body="", Latitude="21.4225", Longitude="39.8262")
    return form


def whatsapp_webhook(rng: Random, target: Target) -> FuzzRequest:
    form = _twilio_form(rng, target)
    roll = rng.random()
    if roll < 0.5:
        form[rng.choice(list(form))] = hostile(rng)
    elif roll < 0.6:
        form.pop(rng.choice(list(form)))
    elif roll < 0.7:  # the signature trick: MessageType moved into MessageSid
        form["MessageSid"] += "MessageType" + form.pop("MessageType")
    url = target.public_url.rstrip("/") + "/webhooks/whatsapp"
    signing = {k: _enc(v).decode("utf-8", "replace") for k, v in form.items()}
    signature = RequestValidator(target.twilio_token).compute_signature(url, signing)
    sign_roll = rng.random()
    headers = {"content-type": "application/x-www-form-urlencoded"}
    if sign_roll < 0.8:
        headers["x-twilio-signature"] = signature
    elif sign_roll < 0.9:
        headers["x-twilio-signature"] = "bm90IGEgc2lnbmF0dXJl"
    body = "&".join(f"{quote(k)}={quote(_enc(v))}" for k, v in form.items()).encode()
    if rng.random() < 0.05:
        body = rng.choice(HOSTILE_BODIES)
    return FuzzRequest("whatsapp", "POST", "/webhooks/whatsapp", headers, body)


def _lang(rng: Random) -> str:
    return rng.choice(("ar", "en", "id", "ur", "fa"))


ENDPOINTS: dict[str, Builder] = {
    "webchat_message": webchat_message,
    "webchat_media": webchat_media,
    "webchat_history": query_endpoint(
        "/webchat/api/history", ("client_id",), lambda rng: rng.choice(CLIENT_IDS)
    ),
    "webchat_strings": query_endpoint("/webchat/api/strings", ("lang",), _lang),
    "page": query_endpoint("/", ("lang",), _lang),
    "chat_page": query_endpoint("/chat", ("lang",), _lang),
    "healthz": query_endpoint("/healthz", ("verbose",), lambda rng: "1"),
    "metrics": query_endpoint("/metrics", ("name",), lambda rng: "x"),
    "static": static_file,
    "stray": stray,
    "telegram": telegram_webhook,
    "whatsapp": whatsapp_webhook,
    "open311_discovery": query_endpoint("/open311/discovery.json", ("locale",), _lang),
    "open311_services": query_endpoint("/open311/v2/services.xml", ("locale",), _lang),
    "open311_service": query_endpoint("/open311/v2/services/waste.json", ("locale",), _lang),
    "open311_requests": query_endpoint(
        "/open311/v2/requests.json",
        ("service_request_id", "service_code", "start_date", "end_date", "status"),
        lambda rng: rng.choice(("MK-1234566", "waste", "2026-12-01T00:00:00+03:00", "open")),
    ),
    "open311_request": query_endpoint("/open311/v2/requests/MK-1234566.xml", ("locale",), _lang),
    "desk_cases": desk_endpoint("/desk/cases", QUEUE_PARAMS),
    "desk_cases_csv": desk_endpoint("/desk/cases.csv", QUEUE_PARAMS),
    "desk_reports": desk_endpoint("/desk/reports", REPORT_PARAMS),
    "desk_reports_csv": desk_endpoint("/desk/reports.csv", REPORT_PARAMS),
    "desk_chats": desk_endpoint("/desk/chats", ()),
    "desk_chats_list": desk_endpoint("/desk/chats/list", ()),
    "desk_chat": desk_chat_endpoint("", ()),
    "desk_chat_lines": desk_chat_endpoint("/lines", ("after",)),
    "open311_post": form_endpoint(
        "/open311/v2/requests.json",
        ("api_key", "service_code", "lat", "long", "address_string", "description", "media_url"),
    ),
}


def build(rng: Random, target: Target, endpoint: str | None = None) -> FuzzRequest:
    """One request, for `endpoint` or one chosen at random."""
    name = endpoint or rng.choice(sorted(ENDPOINTS))
    return replace(ENDPOINTS[name](rng, target), endpoint=name)
