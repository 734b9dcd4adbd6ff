"""`labbaik nlu ...`: train, parse, evaluate and serve the Rasa NLU model.

Each `*_main(args) -> int` is called by `bot.app.cli` with the parsed
arguments. The nlu package reads no configuration of the bot's: these
commands hand it its own `NluSettings` and the dialog contract's normalisers
(bot/core/nlu_contract.py). The NLU benchmark is `python -m bench.nlu`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterable

from bot.app.config import load_settings
from bot.core.nlu_contract import NORMALISERS
from bot.municipal import place_vocab
from nlu import evaluate, project, vocab
from nlu.client import NluClient
from nlu.result import Parse
from nlu.server import NluServer, ServerError, host_port, nlu_server
from storage.models import REPORT_CATEGORIES


def train_main(args: argparse.Namespace) -> int:
    unknown = vocab.unknown_categories(REPORT_CATEGORIES)
    if unknown:
        print(
            f"labbaik nlu train: {vocab.SOURCE} has category values the cases do not accept "
            f"(storage.models.REPORT_CATEGORIES): {', '.join(unknown)}",
            file=sys.stderr,
        )
        return 1
    place_vocab.write()  # the NLU's place names from bot/municipal/data (one home for them)
    try:
        result = project.train(force=bool(getattr(args, "force", False)))
    except project.TrainingError as exc:
        print(f"labbaik nlu train: {exc}", file=sys.stderr)
        return 1
    if result.trained:
        print(f"trained {result.model.relative_to(project.ROOT)} in {result.seconds:.1f} s")
    else:
        print(f"up to date: {result.model.relative_to(project.ROOT)} (use --force to retrain)")
    return 0


def result_json(text: str, result: Parse | None) -> dict[str, object]:
    """One line of `labbaik nlu parse` output."""
    if result is None:
        return {"text": text, "intent": None, "confidence": 0.0, "entities": [], "language": None}
    return {
        "text": text,
        "intent": result.intent,
        "confidence": round(result.confidence, 4),
        "entities": [
            {"entity": e.name, "value": e.value, "raw": e.raw} | ({"key": e.key} if e.key else {})
            for e in result.entities
        ],
        "language": result.language,
    }


async def _parse_lines(url: str, timeout: float, lines: Iterable[str]) -> int:
    failed = 0
    async with NluClient(url=url, timeout=timeout, normalisers=NORMALISERS) as client:
        for line in lines:
            text = line.rstrip("\r\n")
            if not text.strip():
                continue
            result = await client.parse(text)
            failed += result is None
            print(json.dumps(result_json(text, result), ensure_ascii=False), flush=True)
    return 1 if failed else 0


def parse_main(args: argparse.Namespace) -> int:
    settings = load_settings(getattr(args, "config", None))
    try:
        with nlu_server(settings.nlu) as url:
            # a generous timeout: this is a command, not a chat waiting for an answer
            return asyncio.run(
                _parse_lines(url, max(settings.nlu.timeout_seconds, 30.0), sys.stdin)
            )
    except (ServerError, project.TrainingError) as exc:
        print(f"labbaik nlu parse: {exc}", file=sys.stderr)
        return 1


def serve_main(args: argparse.Namespace) -> int:
    settings = load_settings(getattr(args, "config", None))
    host, port = host_port(settings.nlu.url)
    try:
        server = NluServer(project.ensure_model(), host=host, port=port)
        server.start()
    except (ServerError, project.TrainingError) as exc:
        print(f"labbaik nlu serve: {exc}", file=sys.stderr)
        return 1
    ready = f"NLU server ready at {server.url} (model {server.model.name}); Ctrl-C stops it"
    print(ready, flush=True)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        server.stop()


def evaluate_main(args: argparse.Namespace) -> int:
    settings = load_settings(getattr(args, "config", None))
    loo = bool(getattr(args, "leave_one_out", False))
    own = bool(getattr(args, "free_port", False))
    return evaluate.main(settings.nlu, normalisers=NORMALISERS, loo=loo, own_server=own)
