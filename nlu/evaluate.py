"""Evaluation of the NLU model: `labbaik nlu evaluate [--leave-one-out]`.

Two sets, both never read by training:

- the **held-out set** `nlu/eval/*.yml`, written beside the training data
  (too close to it to tell how the model generalises; its checks are shown as
  information);
- the **frozen set** `nlu/eval/frozen/<lang>.yml` of issue 11, written before
  any training change by someone who had not seen the training data, with a
  `style` per case (dialect, transliteration, code-mixing, long, typo) and
  `place` labels. Its figures decide the exit code.

Each case is parsed through a real server with the bot's own `NluClient`, so
the figures are what the bot gets: intent accuracy and macro-F1 per language
(and per style, and Urdu script / Roman Urdu on the held-out set), language
identification (`nlu.language`, no server), category value accuracy, ticket-id
extraction per digit form, place extraction when the model has a `place`
entity, and the worst confusions. `--leave-one-out` also trains one model per
language without that language's training files (`<lang>.yml`,
`<lang>_*.yml`; cached by content hash like the main model) and reports its
accuracy on that language's frozen cases: how well the model generalises
rather than memorises.

Exit code 0 only when the frozen set meets issue 11's targets (see `FROZEN`),
1 when it does not, 2 when the evaluation could not run.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from nlu import places, project, vocab
from nlu.client import NluClient, Normalisers
from nlu.language import detect_language
from nlu.result import Parse as NluResult
from nlu.server import NluServer, ServerError, free_port, nlu_server
from nlu.settings import NluSettings

FROZEN_DIR = project.EVAL_DIR / "frozen"
LOO_MODELS_DIR = project.MODELS_DIR / "leave-one-out"
LOO_WORK_DIR = project.NLU_DIR / ".cache" / "leave-one-out"
LOO_KEEP = 12  # models kept in LOO_MODELS_DIR: every language of two configs


@dataclass(frozen=True)
class Targets:
    """What a set must reach. `None` skips the check."""

    intent: float = 0.92  # every language
    gap_to_english: float = 0.05  # no language more than this below English
    category: float = 0.90  # all languages together
    language_id: float | None = None  # every language
    tickets: float = 1.0  # every digit form


HELD_OUT = Targets()  # the checks of the first evaluation (information only now)
FROZEN = Targets(gap_to_english=0.03, language_id=0.97)  # issue 11: these decide


@dataclass(frozen=True)
class Case:
    language: str  # ar, en, id, ur, fa
    variant: str  # the language, or "ur_script" / "ur_roman" for the two ways to write Urdu
    text: str
    intent: str
    category: str | None = None
    ticket_id: str | None = None
    digit_form: str | None = None
    style: str | None = None  # frozen set only
    place: str | None = None  # frozen set only: the place's words as written


def languages_of(cases: Sequence[Case]) -> tuple[str, ...]:
    """The languages the set has cases for, in first-seen order."""
    return tuple(dict.fromkeys(c.language for c in cases))


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


def digit_form(text: str) -> str:
    """Which digits a ticket number is typed in: arabic_indic, persian or ascii."""
    for ch in text:
        if ch.isdigit() and not ch.isascii():
            name = unicodedata.name(ch, "")
            return "persian" if "EXTENDED" in name else "arabic_indic"
    return "ascii"


def load_cases(eval_dir: Path = project.EVAL_DIR) -> list[Case]:
    """The held-out set (`nlu/eval/*.yml`, not the frozen subdirectory)."""
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


def load_frozen(frozen_dir: Path = FROZEN_DIR) -> list[Case]:
    """The frozen set (nlu/eval/frozen/README.md has its rules and labels)."""
    cases: list[Case] = []
    for path in sorted(frozen_dir.glob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = doc["language"]
        for item in doc["cases"]:
            text = str(item["text"])
            ticket = item.get("ticket_id")
            cases.append(
                Case(
                    lang,
                    lang,
                    text,
                    item["intent"],
                    category=item.get("category"),
                    ticket_id=ticket,
                    digit_form=digit_form(text) if ticket else None,
                    style=item["style"],
                    place=item.get("place"),
                )
            )
    return cases


@dataclass
class Report:
    title: str = ""
    rows: dict[str, dict[str, float]] = field(default_factory=dict)  # per language / variant
    styles: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # (ok, n)
    category: dict[str, tuple[int, int]] = field(default_factory=dict)  # lang -> (ok, n)
    tickets: dict[str, tuple[int, int]] = field(default_factory=dict)  # digit form -> (ok, n)
    places: tuple[int, int, int] | None = None  # (exact, overlapping, n); None: no place entity
    confusions: list[tuple[str, str, int]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # targets not met
    unanswered: int = 0
    languages: tuple[str, ...] = ()  # of the cases, in the order of the eval files

    def accuracy(self, group: str) -> float:
        return self.rows[group]["accuracy"]

    def category_accuracy(self) -> float | None:
        ok = sum(o for o, _ in self.category.values())
        n = sum(t for _, t in self.category.values())
        return ok / n if n else None

    def style_min(self, lang: str) -> tuple[str, float] | None:
        """The weakest style of a language: (style, accuracy)."""
        mine = [(s, ok / n) for (lg, s), (ok, n) in self.styles.items() if lg == lang and n]
        return min(mine, key=lambda x: x[1]) if mine else None


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Mean F1 over the gold classes of (gold, predicted) pairs."""
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


def _place_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def place_match(gold: str, found: Sequence[str]) -> str:
    """'exact' when a found place is the labelled words, 'overlap' when one shares
    words with them, else 'miss'."""
    want = _place_key(gold)
    keys = [_place_key(f) for f in found]
    if want in keys:
        return "exact"
    words = set(want.split())
    return "overlap" if any(words & set(k.split()) for k in keys) else "miss"


def score(
    cases: Sequence[Case],
    results: Sequence[NluResult | None],
    targets: Targets = HELD_OUT,
    *,
    title: str = "held-out set nlu/eval/",
    detect: Callable[[str], str | None] = lambda t: detect_language(t).language,
) -> Report:
    """Figures and target checks from cases and the bot-side parse results."""
    languages = languages_of(cases)
    report = Report(title=title, languages=languages)
    by_group: dict[str, list[tuple[Case, NluResult | None]]] = defaultdict(list)
    for case, res in zip(cases, results, strict=True):
        by_group[case.language].append((case, res))
        if case.variant != case.language:
            by_group[case.variant].append((case, res))
        report.unanswered += res is None
    confusions: Counter[tuple[str, str]] = Counter()
    for group, items in sorted(by_group.items()):
        pairs = [(c.intent, r.intent if r else "<none>") for c, r in items]
        lang_ok = sum(1 for c, _ in items if detect(c.text) == c.language)
        report.rows[group] = {
            "n": len(items),
            "accuracy": sum(g == p for g, p in pairs) / len(pairs),
            "macro_f1": macro_f1(pairs),
            "language_id": lang_ok / len(items),
        }
        if group in languages:
            confusions.update((g, p) for g, p in pairs if g != p)
            cat = [(c, r) for c, r in items if c.category]
            ok = sum(1 for c, r in cat if r and r.entity("category") == c.category)
            report.category[group] = (ok, len(cat))
    styles: dict[tuple[str, str], list[bool]] = defaultdict(list)
    forms: dict[str, list[bool]] = defaultdict(list)
    place_outcomes: list[str] = []
    has_place = any(r and any(e.name == "place" for e in r.entities) for r in results)
    for case, res in zip(cases, results, strict=True):
        if case.style:
            styles[(case.language, case.style)].append(bool(res and res.intent == case.intent))
        if case.ticket_id and case.digit_form:
            forms[case.digit_form].append(bool(res and res.entity("ticket_id") == case.ticket_id))
        if case.place and has_place:
            found = [e.raw or e.value for e in (res.entities if res else ()) if e.name == "place"]
            place_outcomes.append(place_match(case.place, found))
    report.styles = {k: (sum(v), len(v)) for k, v in sorted(styles.items())}
    report.tickets = {f: (sum(v), len(v)) for f, v in sorted(forms.items())}
    if has_place:
        report.places = (
            place_outcomes.count("exact"),
            place_outcomes.count("exact") + place_outcomes.count("overlap"),
            len(place_outcomes),
        )
    report.confusions = [(g, p, n) for (g, p), n in confusions.most_common(10)]
    report.failures = check_targets(report, targets)
    return report


def check_targets(report: Report, targets: Targets) -> list[str]:
    """The targets a report misses, one line each (empty: all met)."""
    failures = []
    english = report.rows.get("en", {}).get("accuracy")
    for group in report.languages:
        acc = report.accuracy(group)
        if acc < targets.intent - 1e-9:
            failures.append(f"{group}: intent accuracy {acc:.3f} < {targets.intent:.2f}")
        if english is not None and english - acc > targets.gap_to_english + 1e-9:
            failures.append(
                f"{group}: intent accuracy {acc:.3f} is {100 * (english - acc):.1f} points "
                f"below English (at most {100 * targets.gap_to_english:.0f})"
            )
        lid = report.rows[group]["language_id"]
        if targets.language_id is not None and lid < targets.language_id - 1e-9:
            failures.append(f"{group}: language id {lid:.3f} < {targets.language_id:.2f}")
    cat = report.category_accuracy()
    if cat is not None and cat < targets.category - 1e-9:
        failures.append(f"category value accuracy {cat:.3f} < {targets.category:.2f}")
    for form, (good, total) in report.tickets.items():
        if total and good / total < targets.tickets - 1e-9:
            failures.append(f"ticket ids ({form} digits): {good}/{total} extracted")
    return failures


def describe(targets: Targets) -> str:
    parts = [
        f"intent >= {targets.intent:.2f} in every language and <= "
        f"{100 * targets.gap_to_english:.0f} points below English",
        f"category >= {targets.category:.2f}",
    ]
    if targets.language_id is not None:
        parts.append(f"language id >= {targets.language_id:.2f} in every language")
    parts.append(f"ticket ids {targets.tickets:.2f} in every digit form")
    return ", ".join(parts)


def format_report(report: Report, targets: Targets = HELD_OUT, label: str = "targets") -> str:
    lines = [f"intent classification ({report.title})", ""]
    lines.append(f"{'language':<12}{'n':>5}{'accuracy':>10}{'macro-F1':>10}{'lang-id':>9}")
    order = [*report.languages, "ur_script", "ur_roman"]
    for group in sorted(report.rows, key=lambda g: order.index(g) if g in order else 99):
        r = report.rows[group]
        lines.append(
            f"{group:<12}{int(r['n']):>5}{r['accuracy']:>10.3f}"
            f"{r['macro_f1']:>10.3f}{r['language_id']:>9.3f}"
        )
    if report.styles:
        lines += ["", "intent accuracy per style:"]
        for lang in report.languages:
            cells = [
                f"{style} {ok / n:.2f} ({ok}/{n})"
                for (lg, style), (ok, n) in report.styles.items()
                if lg == lang
            ]
            lines.append(f"  {lang}: " + "  ".join(cells))
    cat = report.category_accuracy()
    ok = sum(o for o, _ in report.category.values())
    n = sum(t for _, t in report.category.values())
    lines += ["", f"category value accuracy: {cat or 0:.3f} ({ok}/{n})"]
    lines.append(
        "  " + "  ".join(f"{lang} {o}/{t}" for lang, (o, t) in sorted(report.category.items()))
    )
    lines += ["", "ticket-id extraction by digit form:"]
    for form, (good, total) in report.tickets.items():
        lines.append(f"  {form:<13}{good}/{total}")
    if report.places is not None:
        exact, overlap, total = report.places
        lines += [
            "",
            f"place extraction: {exact}/{total} exact, {overlap}/{total} overlapping the label",
        ]
    elif any(report.styles):
        lines += ["", "place extraction: not measured (the model has no `place` entity)"]
    lines += ["", "worst confusions (expected -> predicted: count):"]
    lines += [f"  {g} -> {p}: {c}" for g, p, c in report.confusions] or ["  none"]
    if report.unanswered:
        lines.append(f"\n{report.unanswered} messages got no answer from the server")
    lines.append("")
    if report.failures:
        lines.append(f"{label} NOT met:")
        lines += [f"  {f}" for f in report.failures]
    else:
        lines.append(f"{label} met: {describe(targets)}")
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


def both_sets(
    url: str,
    held_out: Sequence[Case],
    frozen: Sequence[Case],
    normalisers: Normalisers | None = None,
) -> tuple[Report, Report]:
    """The held-out and the frozen set's reports from the server at `url`."""
    old = score(held_out, asyncio.run(parse_all(url, held_out, normalisers=normalisers)))
    new = score(
        frozen,
        asyncio.run(parse_all(url, frozen, normalisers=normalisers)),
        FROZEN,
        title="frozen set nlu/eval/frozen/, issue 11",
    )
    return old, new


def format_both(old: Report, new: Report) -> str:
    return "\n".join(
        [
            format_report(old, HELD_OUT, label="held-out checks (information)"),
            "",
            "=" * 72,
            "",
            format_report(new, FROZEN),
        ]
    )


# --- leave one language out -------------------------------------------------------------


def language_of_file(path: Path) -> str:
    """`ar.yml`, `ar_arabizi.yml` -> ar (the same rule as nlu.language)."""
    return path.stem.split("_")[0]


def data_without(language: str, data_dir: Path, out: Path) -> list[Path]:
    """Copy `data_dir` to `out` without `language`'s training files; the files left out."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(data_dir, out)
    left_out = [p for p in sorted((out / "nlu").glob("*.yml")) if language_of_file(p) == language]
    for path in left_out:
        path.unlink()
    return left_out


@dataclass(frozen=True)
class LeftOut:
    language: str
    files: tuple[str, ...]
    n: int
    accuracy: float  # intent accuracy on the language's frozen cases, trained without it
    with_language: float | None  # the same cases with the full model, for comparison


def leave_one_out(
    cases: Sequence[Case],
    *,
    config: Path = project.CONFIG_FILE,
    data_dir: Path = project.DATA_DIR,
    full: Report | None = None,
    normalisers: Normalisers | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> list[LeftOut]:
    """Per language: a model trained without its files, scored on its frozen cases."""
    vocab.write_generated()
    places.write_generated()
    out: list[LeftOut] = []
    for lang in languages_of(cases):
        # a work folder per config, so two comparisons never share one
        data = LOO_WORK_DIR / config.stem / f"without-{lang}"
        files = data_without(lang, data_dir, data)
        progress(f"training without {lang} ({', '.join(p.name for p in files)})")
        trained = project.train(
            config=config, data_dir=data, models_dir=LOO_MODELS_DIR, keep=LOO_KEEP
        )
        mine = [c for c in cases if c.language == lang]
        with NluServer(trained.model, port=free_port()) as srv:
            results = asyncio.run(parse_all(srv.url, mine, normalisers=normalisers))
        ok = sum(1 for c, r in zip(mine, results, strict=True) if r and r.intent == c.intent)
        with_lang = full.accuracy(lang) if full and lang in full.rows else None
        names = tuple(p.name for p in files)
        out.append(LeftOut(lang, names, len(mine), ok / len(mine), with_lang))
    return out


def format_leave_one_out(rows: Sequence[LeftOut]) -> str:
    lines = [
        "leave one language out (frozen set; each model trained without that language's files)",
        "",
        f"{'language':<12}{'n':>5}{'without':>10}{'with':>8}  files left out",
    ]
    for r in rows:
        with_lang = f"{r.with_language:>8.3f}" if r.with_language is not None else f"{'-':>8}"
        lines.append(
            f"{r.language:<12}{r.n:>5}{r.accuracy:>10.3f}{with_lang}  {', '.join(r.files)}"
        )
    return "\n".join(lines)


def _server(settings: NluSettings, free: bool) -> contextlib.AbstractContextManager[str]:
    """The server to evaluate: the one at `nlu.url` (or one started there), or with
    `free` always our own on a free port, serving the current data's model (on a
    shared machine the server at `nlu.url` may be someone else's, with another model)."""
    if not free:
        return nlu_server(settings)

    @contextlib.contextmanager
    def own() -> Iterator[str]:
        with NluServer(project.ensure_model(), port=free_port()) as srv:
            yield srv.url

    return own()


def main(
    settings: NluSettings,
    normalisers: Normalisers | None = None,
    *,
    loo: bool = False,
    own_server: bool = False,
) -> int:
    """`labbaik nlu evaluate` (bot/app/commands/nlu.py passes the settings and normalisers)."""
    held_out = load_cases()  # before starting anything: a broken eval file fails fast
    frozen = load_frozen()
    try:
        with _server(settings, own_server) as url:
            old, new = both_sets(url, held_out, frozen, normalisers)
        print(format_both(old, new), flush=True)
        if loo:
            rows = leave_one_out(
                frozen,
                full=new,
                normalisers=normalisers,
                progress=lambda m: print(m, file=sys.stderr, flush=True),
            )
            print("\n" + format_leave_one_out(rows))
    except (ServerError, project.TrainingError) as exc:
        print(f"labbaik nlu evaluate: {exc}", file=sys.stderr)
        return 2
    return 0 if not new.failures else 1
