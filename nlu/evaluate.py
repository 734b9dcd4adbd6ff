"""Held-out evaluation of the NLU model: `labbaik nlu evaluate`.

The cases come from `nlu/eval/*.yml`, which training never reads. Each case is
parsed through the real server with the bot's own `NluClient`, so the figures
are what the bot gets: intent accuracy and macro-F1 per language (Urdu also
split into Urdu-script and Roman-Urdu rows, each held to the same targets),
category value accuracy, ticket-id extraction per digit form, language
identification, and the confusion pairs that hurt most.
Exit code 0 when every target is met, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlu import project
from nlu.client import NluClient, Normalisers
from nlu.language import detect_language
from nlu.result import Parse as NluResult
from nlu.server import ServerError, nlu_server
from nlu.settings import NluSettings


def languages_of(cases: Sequence[Case]) -> tuple[str, ...]:
    """The languages the held-out set has cases for, in first-seen order."""
    return tuple(dict.fromkeys(c.language for c in cases))


INTENT_TARGET = 0.92
MAX_GAP_TO_ENGLISH = 0.05
CATEGORY_TARGET = 0.90


@dataclass(frozen=True)
class Case:
    language: str  # ar, en, id, ur, fa
    variant: str  # the language, or "ur_script" / "ur_roman" for the two ways to write Urdu
    text: str
    intent: str
    category: str | None = None
    ticket_id: str | None = None
    digit_form: str | None = None


def _cases_from_block(lang: str, variant: str, block: dict) -> Iterable[Case]:
    for intent, texts in (block.get("intents") or {}).items():
        for text in texts:
            yield Case(lang, variant, str(text), intent)
    for category, texts in (block.get("categories") or {}).items():
        for text in texts:
            yield Case(lang, variant, str(text), "report_issue", category=category)


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)


def _variant(lang: str, text: str) -> str:
    if lang != "ur":
        return lang
    return "ur_roman" if _is_latin(text) else "ur_script"


def load_cases(eval_dir: Path = project.EVAL_DIR) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(eval_dir.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem == "tickets":
            for item in doc:
                lang = item["language"]
                variant = _variant(lang, item["text"])
                cases.append(
                    Case(
                        lang,
                        variant,
                        item["text"],
                        "check_status",
                        ticket_id=item["ticket_id"],
                        digit_form=item["form"],
                    )
                )
            continue
        lang = doc["language"]
        cases.extend(_cases_from_block(lang, "ur_script" if lang == "ur" else lang, doc))
        if "roman" in doc:
            cases.extend(_cases_from_block(lang, "ur_roman", doc["roman"]))
    return cases


@dataclass
class Report:
    rows: dict[str, dict[str, float]] = field(default_factory=dict)  # per language / variant
    category: dict[str, tuple[int, int]] = field(default_factory=dict)  # lang -> (ok, n)
    tickets: dict[str, tuple[int, int]] = field(default_factory=dict)  # digit form -> (ok, n)
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # targets not met
    unanswered: int = 0
    languages: tuple[str, ...] = ()  # of the cases, in the order of the eval files


def _macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    gold_classes = {g for g, _ in pairs}
    f1s = []
    for c in gold_classes:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s) if f1s else 0.0


def score(cases: Sequence[Case], results: Sequence[NluResult | None]) -> Report:
    """Figures and target checks from cases and the bot-side parse results."""
    languages = languages_of(cases)
    report = Report(languages=languages)
    by_group: dict[str, list[tuple[Case, NluResult | None]]] = defaultdict(list)
    for case, res in zip(cases, results, strict=True):
        by_group[case.language].append((case, res))
        if case.variant != case.language:
            by_group[case.variant].append((case, res))
        report.unanswered += res is None
    confusions: Counter[tuple[str, str]] = Counter()
    for group, items in sorted(by_group.items()):
        pairs = [(c.intent, r.intent if r else "<none>") for c, r in items]
        lang_ok = sum(1 for c, _ in items if detect_language(c.text).language == c.language)
        report.rows[group] = {
            "n": len(items),
            "accuracy": sum(g == p for g, p in pairs) / len(pairs),
            "macro_f1": _macro_f1(pairs),
            "language_id": lang_ok / len(items),
        }
        if group in languages:
            confusions.update((g, p) for g, p in pairs if g != p)
            cat = [(c, r) for c, r in items if c.category]
            ok = sum(1 for c, r in cat if r and r.entity("category") == c.category)
            report.category[group] = (ok, len(cat))
    forms: dict[str, list[bool]] = defaultdict(list)
    for case, res in zip(cases, results, strict=True):
        if case.ticket_id and case.digit_form:
            forms[case.digit_form].append(bool(res and res.entity("ticket_id") == case.ticket_id))
    report.tickets = {f: (sum(v), len(v)) for f, v in sorted(forms.items())}
    report.confusions = [(g, p, n) for (g, p), n in confusions.most_common(10)]
    _check_targets(report)
    return report


def _check_targets(report: Report) -> None:
    english = report.rows.get("en", {}).get("accuracy", 0.0)
    for group, row in report.rows.items():
        if row["accuracy"] < INTENT_TARGET:
            report.failures.append(f"{group}: intent accuracy {row['accuracy']:.3f} < 0.92")
        if english - row["accuracy"] > MAX_GAP_TO_ENGLISH + 1e-9:
            report.failures.append(f"{group}: more than 5 points below English")
    ok = sum(o for o, _ in report.category.values())
    n = sum(t for _, t in report.category.values())
    if n and ok / n < CATEGORY_TARGET:
        report.failures.append(f"category value accuracy {ok / n:.3f} < 0.90")
    for form, (good, total) in report.tickets.items():
        if good < total:
            report.failures.append(f"ticket ids ({form} digits): {good}/{total} extracted")


def format_report(report: Report) -> str:
    lines = ["intent classification (held-out set nlu/eval/)", ""]
    lines.append(f"{'language':<10}{'n':>5}{'accuracy':>10}{'macro-F1':>10}{'lang-id':>9}")
    order = [*report.languages, "ur_script", "ur_roman"]
    for group in sorted(report.rows, key=lambda g: order.index(g) if g in order else 99):
        r = report.rows[group]
        lines.append(
            f"{group:<10}{int(r['n']):>5}{r['accuracy']:>10.3f}"
            f"{r['macro_f1']:>10.3f}{r['language_id']:>9.3f}"
        )
    ok = sum(o for o, _ in report.category.values())
    n = sum(t for _, t in report.category.values())
    lines += ["", f"category value accuracy: {ok / n if n else 0:.3f} ({ok}/{n})"]
    lines.append(
        "  " + "  ".join(f"{lang} {o}/{t}" for lang, (o, t) in sorted(report.category.items()))
    )
    lines += ["", "ticket-id extraction by digit form:"]
    for form, (good, total) in report.tickets.items():
        lines.append(f"  {form:<13}{good}/{total}")
    lines += ["", "worst confusions (expected -> predicted: count):"]
    lines += [f"  {g} -> {p}: {c}" for g, p, c in report.confusions] or ["  none"]
    if report.unanswered:
        lines.append(f"\n{report.unanswered} messages got no answer from the server")
    lines.append("")
    if report.failures:
        lines.append("targets NOT met:")
        lines += [f"  {f}" for f in report.failures]
    else:
        lines.append(
            "targets met: intent accuracy >= 0.92 in every language and <= 5 points below "
            "English, category >= 0.90, ticket ids in every digit form"
        )
    return "\n".join(lines)


async def parse_all(
    url: str, cases: Sequence[Case], concurrency: int = 4, normalisers: Normalisers | None = None
) -> list[NluResult | None]:
    """Every case through the client, with the normalisers the bot uses (see nlu/client.py)."""
    sem = asyncio.Semaphore(concurrency)
    async with NluClient(url=url, timeout=60.0, normalisers=normalisers) as client:

        async def one(text: str) -> NluResult | None:
            async with sem:
                return await client.parse(text)

        return list(await asyncio.gather(*(one(c.text) for c in cases)))


def evaluate(
    url: str, eval_dir: Path = project.EVAL_DIR, normalisers: Normalisers | None = None
) -> Report:
    cases = load_cases(eval_dir)
    return score(cases, asyncio.run(parse_all(url, cases, normalisers=normalisers)))


def main(settings: NluSettings, normalisers: Normalisers | None = None) -> int:
    """`labbaik nlu evaluate` (bot/app/commands/nlu.py passes the settings and normalisers)."""
    cases = load_cases()  # before starting anything: a broken eval file fails fast
    try:
        with nlu_server(settings) as url:
            report = score(cases, asyncio.run(parse_all(url, cases, normalisers=normalisers)))
    except (ServerError, project.TrainingError) as exc:
        print(f"labbaik nlu evaluate: {exc}", file=sys.stderr)
        return 2
    print(format_report(report))
    return 0 if not report.failures else 1
