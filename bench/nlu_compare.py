"""Measure alternative pipelines: `python -m bench.nlu_compare nlu/pipelines/*.yml`.

Each config is trained from the same data with a cold Rasa cache (so the time
is the real training time), served on a free local port and scored on the
held-out set with the same code as `labbaik nlu evaluate`. One summary line per
config goes to stdout; docs/nlu.md records the results.
"""

from __future__ import annotations

import asyncio
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.nlu import run as bench_run
from bot.core.nlu_contract import NORMALISERS
from nlu import project, vocab
from nlu.evaluate import languages_of, load_cases, parse_all, score
from nlu.server import NluServer, free_port, process_rss_bytes


def train_cold(config: Path, data: Path, out_dir: Path) -> tuple[Path, float, float]:
    """Train `config` with an empty cache; (model, wall seconds, CPU seconds)."""
    cache = Path(tempfile.mkdtemp(prefix="rasa-cache-"))
    env = project.rasa_env() | {"RASA_CACHE_DIRECTORY": str(cache)}
    cmd = [
        str(project.rasa_executable()),
        *("train", "nlu", "--config", str(config), "--nlu", str(data)),
        *("--out", str(out_dir), "--fixed-model-name", config.stem),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=out_dir, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(cache, ignore_errors=True)
    if proc.returncode != 0:
        raise project.TrainingError(proc.stderr[-2000:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out_dir / f"{config.stem}.tar.gz", wall, cpu


def main(argv: list[str]) -> int:
    vocab.write_generated()
    out_dir = project.NLU_DIR / ".cache" / "compare"
    out_dir.mkdir(parents=True, exist_ok=True)
    cases = load_cases()
    groups = (*languages_of(cases), "ur_script", "ur_roman")
    data = out_dir / "data"  # a snapshot, so editing data meanwhile does not mix results
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(project.DATA_DIR, data)
    header = " ".join(f"{g:>9}" for g in groups)
    print(
        f"{'pipeline':<24}{'train s':>9}{'cpu s':>7} {header} {'min':>6} {'cat':>6}"
        f"{'MB':>5}{'p50 ms':>8}{'RSS MiB':>8}"
    )
    for name in argv or [str(project.CONFIG_FILE)]:
        config = Path(name)
        model, wall, cpu = train_cold(config.resolve(), data, out_dir)
        with NluServer(model, port=free_port(), log_path=out_dir / "server.log") as srv:
            report = score(cases, asyncio.run(parse_all(srv.url, cases, normalisers=NORMALISERS)))
            speed = asyncio.run(bench_run(srv.url, 100))
            rss = (process_rss_bytes(srv.pid) or 0) / 2**20 if srv.pid else 0.0
        accs = [report.rows[g]["accuracy"] for g in groups]
        ok = sum(o for o, _ in report.category.values())
        n = sum(t for _, t in report.category.values())
        row = " ".join(f"{a:>9.3f}" for a in accs)
        label = "config.yml (chosen)" if config.resolve() == project.CONFIG_FILE else config.stem
        size = model.stat().st_size / 1e6
        print(
            f"{label:<24}{wall:>9.0f}{cpu:>7.0f} {row} {min(accs):>6.3f} {ok / n:>6.3f}"
            f"{size:>5.0f}{speed['p50_ms']:>8.1f}{rss:>8.0f}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
