"""After the fuzz corpus has run, the log holds no phone number, message text, name or client id.

The corpus (bench/fuzz_corpus.py) carries made-up personal data, marked; every
log record of every logger, at DEBUG, is captured while it runs through the
whole app, and searched twice: as the record's own message (what our code and
the libraries wrote) and as the logging set-up of `labbaik run` prints it
(bot/app/logs.py, exceptions included).
"""

from __future__ import annotations

import logging
import sys
from collections import Counter
from random import Random

from conftest import Fuzzed

from bench.fuzz_corpus import CLIENT_IDS, NAMES, PHONES, TEXTS, build
from bot.app.logs import PrivateFormatter
from bot.app.run import server_config

REQUESTS = 400


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _markers() -> list[str]:
    phones = [p for phone in PHONES for p in (phone, phone.lstrip("+"))]
    texts = [word for text in TEXTS for word in text.split() if word.startswith("fuzzmarker")]
    names = [name.split()[1] for name in NAMES]
    return [*phones, *texts, *names, *CLIENT_IDS]


async def test_the_log_of_a_fuzz_run_has_no_personal_data(fuzzed: Fuzzed) -> None:
    handler = _Records()
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    statuses: Counter[int] = Counter()
    try:
        rng = Random(14)
        for _ in range(REQUESTS):
            statuses[(await fuzzed.send(build(rng, fuzzed.target))).status_code] += 1
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    assert statuses[200] > 50 and sum(n for s, n in statuses.items() if s >= 400) > 50
    assert fuzzed.rows()["messages"] > 0  # personal data was handled, and stored
    formatter = PrivateFormatter()
    raw = "\n".join(r.getMessage() for r in handler.records)
    printed = "\n".join(formatter.format(r) for r in handler.records)
    assert len(handler.records) > REQUESTS  # the access log at least
    for marker in _markers():
        assert marker not in raw, marker
        assert marker not in printed, marker


def test_an_exception_is_printed_as_its_type_and_frames_only() -> None:
    """The frames show source lines (code, never data); the texts are left out."""
    database_said = f"Key (user_id)=(whatsapp:{PHONES[0]}) already exists"
    we_said = f"while storing {TEXTS[0]!r}"

    def store() -> None:
        raise RuntimeError(database_said)

    try:
        try:
            store()
        except RuntimeError as exc:
            raise ValueError(we_said) from exc
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    printed = PrivateFormatter().format(record)
    assert "builtins.RuntimeError" in printed and "builtins.ValueError" in printed
    assert "in store" in printed  # the frames are kept
    assert "966500000101" not in printed and "fuzzmarker" not in printed


def test_a_phone_number_in_a_line_is_masked() -> None:
    phone = ("whatsapp:+966 50 000 0101",)
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "to %s", phone, None)
    assert PrivateFormatter().format(record) == "to +<phone>"


def test_labbaik_run_serves_without_uvicorns_access_log_and_proxy_headers(fuzzed: Fuzzed) -> None:
    config = server_config(fuzzed.runtime, "127.0.0.1", 18999)
    assert (config.access_log, config.proxy_headers, config.log_config) == (False, False, None)
