"""The service list: report categories and outreach services as GeoReport v2 services.

Service codes are the categories of the report flow (`waste`, `food_safety`, …,
`other`: a case of kind "report" with that category) and the two outreach
services a pilgrim can ask for (`home_visit`, Wajibna; `proxy_service`,
Mutma'innun: a case of that kind for its team). Names, descriptions, keywords
and groups are Fluent texts (locales/<lang>/open311.ftl, the categories' own
labels), in the language of `locale`.

A service's attributes are the questions its flow asks beyond the spec's own
fields (description, location, photo, phone): the outreach flows' choice and
text questions, read from the live content snapshot, so what the API asks is
what the bot asks. The report categories ask nothing more (`metadata: false`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.content import Content
from bot.open311.document import Document, Items, Record, Value
from dialogs.flowset import SlotSpec
from storage.models import REPORT_CATEGORIES

BIDI_MARKS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
ATTRIBUTE_TYPES = {"choice": "singlevaluelist", "text": "string"}


@dataclass(frozen=True)
class Service:
    code: str  # the service_code
    kind: str  # the case kind it files
    category: str | None  # the case category (reports)
    flow: str  # the flow whose extra questions are its attributes
    spec_slots: tuple[str, ...]  # the flow's questions the spec has fields for (not attributes)
    group: str  # open311-group-<group>

    @property
    def slug(self) -> str:
        return self.code.replace("_", "-")

    @property
    def name_key(self) -> str:
        return f"category-{self.slug}" if self.category else f"open311-name-{self.slug}"


SERVICES: tuple[Service, ...] = (
    *(
        Service(c, "report", c, "report_issue", ("category", "description"), "reports")
        for c in REPORT_CATEGORIES
    ),
    Service("home_visit", "home_visit", None, "services_wajibna", ("details",), "outreach"),
    Service(
        "proxy_service", "proxy_service", None, "services_mutmainnun", ("details",), "outreach"
    ),
)
BY_CODE: Mapping[str, Service] = {s.code: s for s in SERVICES}


def service_of(kind: str, category: str | None) -> Service | None:
    """The service a case belongs to (a complaint counts as a report of its category)."""
    code = category if kind in ("report", "complaint") else kind
    return BY_CODE.get(code or "")


def say(content: Content, lang: str, key: str, **args: str) -> str:
    """A Fluent text for the API: no bidi isolation marks (they are for chat bubbles)."""
    return content.texts.render(lang, key, args).translate(BIDI_MARKS)


def attribute_slots(content: Content, service: Service) -> list[SlotSpec]:
    """The flow's questions that are attributes: choice and text, beyond the spec's fields
    (the category is the service code, the description its own field)."""
    flow = content.flows.get(service.flow)
    if flow is None:
        return []
    return [s for s in flow.slots if s.type in ATTRIBUTE_TYPES and s.id not in service.spec_slots]


def service_record(content: Content, lang: str, service: Service) -> Record:
    return {
        "service_code": service.code,
        "service_name": say(content, lang, service.name_key),
        "description": say(content, lang, f"open311-description-{service.slug}"),
        "metadata": bool(attribute_slots(content, service)),
        "type": "realtime",
        "keywords": say(content, lang, f"open311-keywords-{service.slug}"),
        "group": say(content, lang, f"open311-group-{service.group}"),
    }


def service_list(content: Content, lang: str) -> Document:
    return Document(
        "services", Items("service", [service_record(content, lang, s) for s in SERVICES])
    )


def _attribute(content: Content, lang: str, slot: SlotSpec, order: int) -> Record:
    values = [{"key": c.id, "name": say(content, lang, c.label)} for c in slot.choices]
    record: dict[str, Value] = {
        "variable": True,
        "code": slot.id,
        "datatype": ATTRIBUTE_TYPES[slot.type],
        "required": not slot.optional,
        "datatype_description": None,
        "order": order,
        "description": say(content, lang, slot.ask),
    }
    if slot.type == "choice":
        record["values"] = Items("value", values)
    else:
        record["datatype_description"] = say(
            content,
            lang,
            "open311-datatype-text",
            min=str(slot.min_length),
            max=str(slot.max_length),
        )
    return record


def service_definition(content: Content, lang: str, service: Service) -> Document:
    slots = attribute_slots(content, service)
    attributes = [_attribute(content, lang, s, n) for n, s in enumerate(slots, start=1)]
    body: Record = {"service_code": service.code, "attributes": Items("attribute", attributes)}
    return Document("service_definition", body)
