"""One data model for every answer, written as XML or JSON (the spec's Spark convention).

A `Document` is a root element name and a body: a `Record` (an object; XML child
elements in order) or `Items` (a container of one repeated element; a JSON
array). Values are text, numbers, booleans, None (JSON null, an empty XML
element), or a nested `Record` / `Items`. So `<service_requests><request>…`
and `[{…}]` come from the same `Document`, and a container with one child is
still an array in JSON (that is what Spark adds to Parker).

Text is made safe for both formats once, here: characters XML 1.0 cannot carry
(control characters, lone surrogates) become U+FFFD, so no stored string can
break an answer. XML is written with the standard library's ElementTree, which
escapes text; JSON with `json`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Union

XML_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'
CONTENT_TYPES = {"xml": "text/xml; charset=utf-8", "json": "application/json; charset=utf-8"}
MIME_TYPES = {"xml": "text/xml", "json": "application/json"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Items:
    """A container of repeated `item` elements: `<values><value>…</value></values>` / `[…]`."""

    item: str
    values: Sequence[Value]


Record = Mapping[str, "Value"]
Value = Union[str, int, float, bool, None, Record, Items]  # noqa: UP007 (a runtime alias)


@dataclass(frozen=True)
class Document:
    root: str
    body: Record | Items


def clean(text: str) -> str:
    """`text` with every character XML 1.0 (and UTF-8) cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def to_json_value(value: Value) -> object:
    if isinstance(value, Items):
        return [to_json_value(v) for v in value.values]
    if isinstance(value, Mapping):
        return {k: to_json_value(v) for k, v in value.items()}
    if isinstance(value, str):
        return clean(value)
    return value


def render_json(doc: Document) -> bytes:
    return json.dumps(to_json_value(doc.body), ensure_ascii=False, indent=2).encode("utf-8")


def _xml_text(value: str | int | float | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean(value) if isinstance(value, str) else str(value)


def _fill(element: ET.Element, value: Value) -> None:
    if isinstance(value, Items):
        for child in value.values:
            _fill(ET.SubElement(element, value.item), child)
    elif isinstance(value, Mapping):
        for name, child in value.items():
            _fill(ET.SubElement(element, name), child)
    elif value is not None:
        element.text = _xml_text(value)


def render_xml(doc: Document) -> bytes:
    root = ET.Element(doc.root)
    _fill(root, doc.body)
    ET.indent(root, space="  ")
    return XML_DECLARATION + ET.tostring(root, encoding="utf-8") + b"\n"


def render(doc: Document, fmt: str) -> bytes:
    """The document as `fmt` ("xml" or "json")."""
    return render_xml(doc) if fmt == "xml" else render_json(doc)
