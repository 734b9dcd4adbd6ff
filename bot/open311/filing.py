"""POST requests: the form read and checked, then the case filed like any other.

`read_request` turns the form (application/x-www-form-urlencoded, as the spec
says) into a `NewRequest` or raises the spec's error naming the parameter.
`file_case` is the one place an API request becomes a case: through
`bot.core.cases.open_case`, the function the bot's and the desk's cases go
through too, so an API case is routed (an outreach service's team, else the
team of the sub-municipality of a pin, else the default team) and given its
priority and SLA by the same `routing:` settings.

The reporter: the client system itself (a person on the `open311` channel,
`client:<id>`), so status changes are queued for it like for any reporter and
"delivered" by the client reading the request back (`Open311Sender`). When the
client gives a WhatsApp number (`whatsapp_number`) or a Telegram chat id
(`telegram_id`) and its key has the matching `notify_*` scope, that person is
the reporter instead, and hears of every status change in their language
(`locale`) through the outbox, as if they had reported it through the bot.
The spec's reporter fields (names, email, account and device ids) and the
answers to a service's attributes are kept on the case (`extra`), private.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from bot.core.cases import open_case
from bot.core.content import Content
from bot.core.settings import RoutingSettings
from bot.municipal.content import MunicipalData
from bot.municipal.effects import team_at
from bot.municipal.phone import normalize_phone
from bot.open311 import params
from bot.open311.errors import bad_request, forbidden, not_found
from bot.open311.services import BY_CODE, Service, attribute_slots
from dialogs.flowset import SlotSpec
from storage import service as store
from storage.models import ApiClient, Case, Person

API_CHANNEL = "open311"
MAX_DESCRIPTION = 4000  # the spec's limit
_ATTRIBUTE = re.compile(r"^attribute\[([A-Za-z0-9_]{1,64})\](\[\])?$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,63}$")
_TELEGRAM_ID = re.compile(r"^[1-9][0-9]{0,14}$")
NOTIFY_SCOPES = {"whatsapp": "notify_whatsapp", "telegram": "notify_telegram"}


@dataclass(frozen=True)
class NewRequest:
    service: Service
    language: str
    lat: float | None = None
    lon: float | None = None
    address: str | None = None
    description: str = ""
    media_url: str | None = None
    phone: str | None = None
    reporter: Mapping[str, str] = field(default_factory=dict)
    attributes: Mapping[str, str] = field(default_factory=dict)
    notify: tuple[str, str] | None = None  # (channel, user id) of the person to tell


def _service(form: Mapping[str, str]) -> Service:
    code = params.text(form, "service_code", max_chars=64)
    if code is None:
        raise bad_request("service_code was not provided")
    service = BY_CODE.get(code)
    if service is None:
        raise not_found(f"service_code {code!r} not found; GET services.xml lists them")
    return service


def _location(form: Mapping[str, str]) -> tuple[float | None, float | None, str | None]:
    lat = params.coordinate(form, "lat", 90)
    lon = params.coordinate(form, "long", 180)
    address = params.text(form, "address_string", max_chars=300)
    if (lat is None) != (lon is None):
        raise bad_request("lat and long are sent together (both, or neither)")
    if lat is None and address is None:
        if params.optional(form, "address_id"):
            raise bad_request(
                "address_id is not known here (no address repository); send lat and long "
                "or address_string"
            )
        raise bad_request("a location is required: lat and long, or address_string")
    return lat, lon, address


def _media_url(form: Mapping[str, str]) -> str | None:
    url = params.text(form, "media_url", max_chars=1000)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        _ = parts.port  # a port out of range raises ValueError
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        ok = False
    if not ok or any(c.isspace() for c in url):
        raise bad_request(f"media_url must be an http(s) URL, got {url[:80]!r}")
    return url


def _phone(form: Mapping[str, str], name: str) -> str | None:
    value = params.text(form, name, max_chars=40)
    if value is None:
        return None
    number = normalize_phone(value)
    if number is None:
        raise bad_request(f"{name} is not a valid phone number (e.g. +966501234567), got {value!r}")
    return number


def _reporter(form: Mapping[str, str]) -> dict[str, str]:
    fields = {
        name: params.text(form, name, max_chars=limit)
        for name, limit in (
            ("first_name", 100),
            ("last_name", 100),
            ("email", 254),
            ("account_id", 64),
            ("device_id", 64),
        )
    }
    email = fields.get("email")
    if email is not None and not _EMAIL.match(email):
        raise bad_request(f"email is not an e-mail address, got {email[:80]!r}")
    return {k: v for k, v in fields.items() if v is not None}


def _notify(form: Mapping[str, str], client: ApiClient) -> tuple[str, str] | None:
    whatsapp = _phone(form, "whatsapp_number")
    telegram = params.text(form, "telegram_id", max_chars=20)
    if whatsapp and telegram:
        raise bad_request("give whatsapp_number or telegram_id, not both")
    if telegram is not None and not _TELEGRAM_ID.match(telegram):
        raise bad_request(f"telegram_id must be a Telegram chat id (digits), got {telegram!r}")
    wanted = ("whatsapp", f"whatsapp:{whatsapp}") if whatsapp else None
    wanted = ("telegram", telegram) if telegram else wanted
    if wanted is not None and not store.has_scope(client, NOTIFY_SCOPES[wanted[0]]):
        raise forbidden(
            f"this api_key may not notify reporters on {wanted[0]} "
            f"(it lacks the {NOTIFY_SCOPES[wanted[0]]} scope)"
        )
    return wanted


def _answer(service: Service, slot: SlotSpec, values: list[str]) -> str:
    name = f"attribute[{slot.id}]"
    if len(values) != 1:
        raise bad_request(f"{name} takes one value")
    value = params.text({name: values[0]}, name, max_chars=slot.max_length)
    if value is None:
        raise bad_request(f"{name} must not be empty")
    if slot.type == "choice":
        keys = [c.id for c in slot.choices]
        if value not in keys:
            raise bad_request(f"{name} must be one of {', '.join(keys)}, got {value[:40]!r}")
    elif len(value) < slot.min_length:
        raise bad_request(f"{name} needs at least {slot.min_length} characters")
    return value


def _attributes(
    content: Content, service: Service, items: Sequence[tuple[str, str]]
) -> dict[str, str]:
    given: dict[str, list[str]] = {}
    for key, value in items:
        match = _ATTRIBUTE.match(key)
        if match:
            given.setdefault(match.group(1), []).append(value)
        elif key.startswith("attribute"):
            raise bad_request(f"{key[:80]!r}: attributes are sent as attribute[code]=value")
    slots = {s.id: s for s in attribute_slots(content, service)}
    unknown = sorted(set(given) - set(slots))
    if unknown:
        raise bad_request(f"service {service.code} has no attribute {unknown[0]!r}")
    answers = {}
    for slot in slots.values():
        values = [v for v in given.get(slot.id, []) if v.strip()]
        if values:
            answers[slot.id] = _answer(service, slot, values)
        elif not slot.optional:
            raise bad_request(f"attribute[{slot.id}] is required for service {service.code}")
    return answers


def read_request(
    content: Content,
    client: ApiClient,
    items: Sequence[tuple[str, str]],
    *,
    languages: tuple[str, ...],
    default_language: str,
) -> NewRequest:
    """The POSTed form as a request to file, every parameter checked."""
    form = dict(items)
    service = _service(form)
    lat, lon, address = _location(form)
    notify = _notify(form, client)
    whatsapp = notify[1].removeprefix("whatsapp:") if notify and notify[0] == "whatsapp" else None
    phone = _phone(form, "phone") or whatsapp
    if phone is None and _needs_phone(content, service):
        raise bad_request(f"phone is required for service {service.code}: our employee calls")
    return NewRequest(
        service=service,
        language=params.locale(form, languages, default_language),
        lat=lat,
        lon=lon,
        address=address,
        description=params.text(form, "description", max_chars=MAX_DESCRIPTION) or "",
        media_url=_media_url(form),
        phone=phone,
        reporter=_reporter(form),
        attributes=_attributes(content, service, items),
        notify=notify,
    )


def _needs_phone(content: Content, service: Service) -> bool:
    """Whether the service's flow insists on a phone number (the outreach services do)."""
    flow = content.flows.get(service.flow)
    return flow is not None and any(s.type == "phone" and not s.optional for s in flow.slots)


def _reporter_person(session: Session, client: ApiClient, request: NewRequest) -> Person:
    if request.notify is not None:
        channel, user_id = request.notify
        return store.get_or_create_person(
            session, channel=channel, user_id=user_id, language=request.language
        )
    return store.get_or_create_person(
        session, channel=API_CHANNEL, user_id=f"client:{client.id}", language=request.language
    )


def _sub_municipality(content: Content, request: NewRequest) -> str | None:
    """The id of the sub-municipality a pin is in, for the desk's reports and map."""
    if request.lat is None or request.lon is None:
        return None
    sub = content.part(MunicipalData).boundaries.locate(request.lat, request.lon)
    return sub.id if sub else None


def _extra(request: NewRequest) -> dict[str, Any]:
    extra: dict[str, Any] = dict(request.attributes)
    if request.reporter:
        extra["reporter"] = dict(request.reporter)
    if request.media_url:
        extra["media_url"] = request.media_url
    return extra


def file_case(
    session: Session,
    *,
    content: Content,
    routing: RoutingSettings,
    client: ApiClient,
    request: NewRequest,
    now: datetime,
) -> Case:
    """The one place an API request becomes a case (routed, its SLA set, a "created" event)."""
    reporter = _reporter_person(session, client, request)
    return open_case(
        session,
        routing=routing,
        reporter=reporter,
        kind=request.service.kind,
        category=request.service.category,
        description=request.description,
        channel=reporter.channel,
        language=request.language,
        now=now,
        team_for=lambda lat, lon: team_at(content, lat, lon),
        location_lat=request.lat,
        location_lon=request.lon,
        location_text=request.address,
        contact_phone=request.phone,
        extra=_extra(request),
        sub_municipality=_sub_municipality(content, request),
        api_client=client,
        actor=client.actor,
    )
