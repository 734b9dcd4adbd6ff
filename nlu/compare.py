"""Measure alternative pipelines: `python -m nlu.compare [--leave-one-out] CONFIG...`.

Each config (default: `nlu/rasa_project/config.yml`) is trained from one
snapshot of the training data with a cold Rasa cache (the e5 featurizer's
embedding cache is kept: it holds only what the model computes anyway, so
"train s" is the time of a retraining; a first training also encodes every
new sentence, ~15 ms of CPU each), served on a free local port and scored on
both evaluation sets with the code of `labbaik nlu evaluate`:

- intent accuracy per language on the held-out set (`nlu/eval/`) and on the
  frozen set (`nlu/eval/frozen/`), and the weakest style per language;
- category value accuracy on both;
- with `--leave-one-out`, per language the frozen-set accuracy of a model
  trained without that language's files;
- sequential parse latency p50/p95 over the held-out texts, the server's CPU
  time per parse (about the latency on an idle core), its memory (RSS), the
  model's size and the training time (wall and CPU).

Ticket numbers are not compared (the dialog contract's ticket normaliser lives
outside this package); `labbaik nlu evaluate` reports them.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from nlu import evaluate as ev
from nlu import project, vocab
from nlu.client import NluClient
from nlu.server import NluServer, free_port, process_cpu_seconds, process_rss_bytes

OUT_DIR = project.NLU_DIR / ".cache" / "compare"


def train_cold(config: Path, data: Path, out_dir: Path) -> tuple[Path, float, float]:
    """Train `config` with an empty Rasa cache; (model, wall seconds, CPU seconds)."""
    cache = Path(tempfile.mkdtemp(prefix="rasa-cache-"))
    env = project.rasa_env() | {"RASA_CACHE_DIRECTORY": str(cache)}
    cmd = [
        str(project.rasa_executable()),
        *("train", "nlu", "--config", str(config), "--nlu", str(data)),
        *("--out", str(out_dir), "--fixed-model-name", config.stem),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(
        cmd, cwd=project.PROJECT_DIR, env=env, capture_output=True, text=True, check=False
    )
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(cache, ignore_errors=True)
    if proc.returncode != 0:
        raise project.TrainingError(proc.stderr[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out_dir / f"{config.stem}.tar.gz", wall, cpu


def percentile(values: list[float], p: float) -> float:
    """Linear interpolation between the closest ranks (as bench/stats.py)."""
    ordered = sorted(values)
    rank = p / 100 * (len(ordered) - 1)
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


async def latency(
    url: str, texts: list[str], requests: int, pid: int | None = None
) -> tuple[float, float, float]:
    """Sequential parse latency (p50, p95) in ms after a short warm-up, and the
    server's CPU ms per parse (independent of how loaded the machine is)."""
    timings: list[float] = []
    async with NluClient(url=url, timeout=30.0) as client:
        for text in texts[:10]:
            await client.parse(text)
        cpu_before = process_cpu_seconds(pid) if pid else None
        for text in itertools.islice(itertools.cycle(texts), requests):
            started = time.perf_counter()
            await client.parse(text)
            timings.append((time.perf_counter() - started) * 1000)
        cpu_after = process_cpu_seconds(pid) if pid else None
    cpu_ms = (
        (cpu_after - cpu_before) * 1000 / requests
        if cpu_before is not None and cpu_after is not None
        else 0.0
    )
    return percentile(timings, 50), percentile(timings, 95), cpu_ms


@dataclass
class Row:
    label: str
    held_out: ev.Report
    frozen: ev.Report
    train_s: float
    cpu_s: float
    size_mb: float
    p50_ms: float
    p95_ms: float
    cpu_ms: float  # server CPU per parse
    rss_mib: float
    loo: dict[str, float]


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure(config: Path, data: Path, requests: int, loo: bool) -> Row:
    held_out, frozen = ev.load_cases(), ev.load_frozen()
    model, wall, cpu = train_cold(config, data, OUT_DIR)
    with NluServer(model, port=free_port(), log_path=OUT_DIR / "server.log") as srv:
        old, new = ev.both_sets(srv.url, held_out, frozen)
        texts = [c.text for c in held_out]
        p50, p95, cpu_ms = asyncio.run(latency(srv.url, texts, requests, srv.pid))
        rss = (process_rss_bytes(srv.pid) or 0) / 2**20 if srv.pid else 0.0
    loo_acc: dict[str, float] = {}
    if loo:
        rows = ev.leave_one_out(frozen, config=config, data_dir=data, progress=_progress)
        loo_acc = {r.language: r.accuracy for r in rows}
    label = "config.yml (chosen)" if config == project.CONFIG_FILE else config.stem
    size = model.stat().st_size / 1e6
    return Row(label, old, new, wall, cpu, size, p50, p95, cpu_ms, rss, loo_acc)


def format_rows(rows: list[Row], languages: tuple[str, ...]) -> str:
    w = max(24, *(len(r.label) + 2 for r in rows))
    langs = " ".join(f"{lg:>6}" for lg in languages)
    lines = [
        "intent accuracy per language: held-out set | frozen set | frozen, weakest style",
        f"{'pipeline':<{w}}{langs} |{langs} | {'weakest style per language'}",
    ]
    for r in rows:
        old = " ".join(f"{r.held_out.accuracy(lg):>6.3f}" for lg in languages)
        new = " ".join(f"{r.frozen.accuracy(lg):>6.3f}" for lg in languages)
        weakest = "  ".join(
            f"{lg} {s} {a:.2f}"
            for lg in languages
            if (found := r.frozen.style_min(lg))
            for s, a in [found]
        )
        lines.append(f"{r.label:<{w}}{old} |{new} | {weakest}")
    lines += [
        "",
        f"{'pipeline':<{w}}{'cat old':>8}{'cat new':>8}{'min new':>8}"
        f"{'train s':>8}{'cpu s':>7}{'MB':>5}{'p50 ms':>8}{'p95 ms':>8}{'cpu ms':>7}"
        f"{'RSS MiB':>8}"
        + ("   leave-one-out (frozen): " + " ".join(languages) if rows and rows[0].loo else ""),
    ]
    for r in rows:
        cat_old = r.held_out.category_accuracy() or 0.0
        cat_new = r.frozen.category_accuracy() or 0.0
        min_new = min(r.frozen.accuracy(lg) for lg in languages)
        loo = " ".join(f"{r.loo[lg]:.3f}" for lg in languages if lg in r.loo)
        lines.append(
            f"{r.label:<{w}}{cat_old:>8.3f}{cat_new:>8.3f}{min_new:>8.3f}"
            f"{r.train_s:>8.0f}{r.cpu_s:>7.0f}{r.size_mb:>5.0f}{r.p50_ms:>8.1f}"
            f"{r.p95_ms:>8.1f}{r.cpu_ms:>7.1f}{r.rss_mib:>8.0f}" + (f"   {loo}" if loo else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlu.compare", description=__doc__)
    parser.add_argument("configs", nargs="*", type=Path)
    parser.add_argument("--leave-one-out", action="store_true")
    parser.add_argument("--requests", type=int, default=200, help="parses for the latency")
    args = parser.parse_args(argv)
    vocab.write_generated()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    data = OUT_DIR / "data"  # a snapshot, so editing data meanwhile does not mix results
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(project.DATA_DIR, data)
    languages = ev.languages_of(ev.load_frozen())
    rows: list[Row] = []
    for config in args.configs or [project.CONFIG_FILE]:
        started = time.monotonic()
        rows.append(measure(config.resolve(), data, args.requests, args.leave_one_out))
        print(f"measured {config} in {time.monotonic() - started:.0f} s", file=sys.stderr)
        print(format_rows(rows[-1:], languages), flush=True)  # each as soon as it is known
    if len(rows) > 1:
        print("\nall pipelines\n" + format_rows(rows, languages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
