"""Side by side, in one run: the Rasa peer and `labbaik run`, on SQLite and on PostgreSQL.

    python -m bench.sidebyside [--quick] [--users 8] [--seconds 20] [--no-peer] [--profile DIR]

What ../shared/bench/side-by-side.sh does, for both databases and both webhooks:

1. the peer (../shared/bench/rasa-fullstack: the Rasa 3.6 full-stack complaint bot, REST
   channel, SQL tracker store; trained once into ~/.cache/labbaik-peer) under the shared
   closed-loop load (../shared/bench/loadgen.py: N users, each a 6-turn report-then-status
   conversation);
2. one real NLU server (Rasa, our model) started on a free port and left running;
3. for each database (a fresh SQLite file; a fresh PostgreSQL database, LABBAIK_BENCH_PG_URL,
   when PostgreSQL answers): `labbaik run` as a separate process, timed from its start
   to /healthz answering with the NLU up ("ready"; the NLU already answers then); the
   same load through the signed WhatsApp webhook (the shared load generator's `twilio`),
   then through the Telegram webhook (bench/tg_loadgen.py, the same conversation; the
   replies go out through the outbox to a local fake Bot API, bench/fake_bot_api.py); the
   bot process's resident memory (now and its peak).

Each load runs its warm-up as a run of its own first, then the measured run, during which
the server process's CPU time is counted: "CPU ms/msg" (user + system, from /proc; the
PostgreSQL server's own processes are not in it). On a busy machine latencies and
throughput say more about the neighbours than about us; CPU per message far less so.

Prints every result as a JSON line (the raw figures), then the table. `--profile DIR` also
records each webhook run with py-spy (raw format) and prints its breakdown
(bench/profile.py). `--quick`: 8-second runs after a 2-second warm-up.
The figures depend on the machine and on what else runs on it: quote the command and
the date with them.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

from bench import profile
from bench.fake_bot_api import FakeBotApi
from bench.service import fresh_pg
from bot.app.config import load_settings
from nlu.server import ServerError, free_port, nlu_server

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
ACCOUNT = "AC" + "0" * 32
LOGS = ROOT / "var" / "log" / "bench"  # each run's server logs, kept for a look afterwards
Result = dict[str, Any]


def shared_bench() -> Path | None:
    """../shared/bench of the workplace (LABBAIK_SHARED_BENCH overrides), if it is there."""
    given = os.environ.get("LABBAIK_SHARED_BENCH")
    candidates = [Path(given)] if given else [p / "shared" / "bench" for p in ROOT.parents]
    return next((p for p in candidates if (p / "loadgen.py").is_file()), None)


def _wait_http(
    url: str, seconds: float, ok: Any = None, proc: subprocess.Popen[bytes] | None = None
) -> bool:
    """Whether `url` answered (and `ok` liked the answer) within `seconds`, `proc` alive."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (proc is None or proc.poll() is None):
        try:
            r = httpx.get(url, timeout=2)
            if ok is None or ok(r):
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _json_line(out: bytes) -> Result:
    lines = [line for line in out.decode().splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"no result from the load generator: {out.decode()[-400:]}")
    loaded: Result = json.loads(lines[-1])
    return loaded


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load(cmd: list[str], pid: int | None, profile_to: Path | None, secs: float) -> Result:
    """Run a load generator (and py-spy on `pid` meanwhile); its JSON result, with the CPU
    time `pid` spent per message (which a busy machine changes far less than latencies)."""
    cpu_before = _cpu_seconds(pid) if pid is not None else 0.0
    spy = None
    if profile_to is not None and pid is not None:
        spy_cmd = [str(ROOT / ".venv/bin/py-spy"), "record", "-p", str(pid), "-r", "100",
                   "-d", str(int(secs)), "--format", "raw", "-o", str(profile_to)]  # fmt: skip
        spy = subprocess.Popen(spy_cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    done = subprocess.run(cmd, capture_output=True, check=False)
    cpu = _cpu_seconds(pid) - cpu_before if pid is not None else 0.0
    if spy is not None:
        spy.wait()
    result = _json_line(done.stdout + done.stderr)
    if pid is not None and result.get("messages"):
        result["cpu_ms_per_msg"] = round(1000 * cpu / result["messages"], 2)
    return result


def run_peer(shared: Path, users: int, secs: float, warmup: float) -> Result | None:
    if not RASA.exists():
        print("peer not measured: .venv-rasa has no rasa", file=sys.stderr)
        return None
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "labbaik-peer"
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / "peer.tar.gz").exists():
        print("training the peer (once) ...", file=sys.stderr)
        with open(cache / "train.log", "wb") as log:
            trained = subprocess.run(
                [str(RASA), "train", "--out", str(cache), "--fixed-model-name", "peer"],
                cwd=shared / "rasa-fullstack", stdout=log, stderr=log, check=False,
            )  # fmt: skip
        if trained.returncode != 0:
            print(f"peer not measured: training failed, {cache / 'train.log'}", file=sys.stderr)
            return None
    (cache / "endpoints.yml").write_text(
        f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {cache}/tracker.db\n"
    )
    (cache / "tracker.db").unlink(missing_ok=True)
    port = free_port()
    cmd = [str(RASA), "run", "-m", str(cache / "peer.tar.gz"), "--endpoints",
           str(cache / "endpoints.yml"), "--port", str(port)]  # fmt: skip
    with open(cache / "server.log", "wb") as log:
        peer = subprocess.Popen(cmd, stdout=log, stderr=log, start_new_session=True)
    try:
        if not _wait_http(f"http://127.0.0.1:{port}/", 600, proc=peer):  # TensorFlow loads slowly
            print(f"peer not measured: it did not start, {cache / 'server.log'}", file=sys.stderr)
            return None
        url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
        load = [str(PY), str(shared / "loadgen.py"), "rasa-rest", url, "--users", str(users),
                "--seconds", str(secs), "--warmup", str(warmup)]  # fmt: skip
        _load([*load[:-4], "--seconds", str(warmup), "--warmup", "0"], None, None, warmup)
        measured = [*load[:-4], "--seconds", str(secs), "--warmup", "0"]
        return {"system": "peer (Rasa 3.6 full stack)", "database": "SQLite tracker",
                **_load(measured, peer.pid, None, secs)}  # fmt: skip
    finally:
        _stop(peer)


def _config(nlu_url: str, bot_api: str) -> Path:
    """The repo's config.yaml with Telegram in webhook mode and our NLU server; it lies
    beside config.yaml because paths in it are relative to its folder (removed after)."""
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    raw.setdefault("nlu", {})["url"] = nlu_url
    telegram = raw.setdefault("channels", {}).setdefault("telegram", {})
    telegram.update({"enabled": True, "mode": "webhook", "api_base_url": bot_api})
    path = ROOT / f".bench-config-{os.getpid()}.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def _memory_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB: resident now, and its peak."""
    fields: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def run_labbaik(name: str, url: str, config: Path, args: argparse.Namespace) -> list[Result]:
    port, token, secret = free_port(), "tok" + secrets.token_hex(8), secrets.token_hex(16)
    public = f"http://127.0.0.1:{port}"
    env = {**os.environ, "LABBAIK_DATABASE_URL": url, "TWILIO_ACCOUNT_SID": ACCOUNT,
           "TWILIO_AUTH_TOKEN": token, "PUBLIC_URL": public,
           "TELEGRAM_BOT_TOKEN": "1:bench", "TELEGRAM_WEBHOOK_SECRET": secret}  # fmt: skip
    cmd = [str(ROOT / ".venv/bin/labbaik"), "--config", str(config), "run",
           "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / f"labbaik-{name}.log"
    began = time.monotonic()
    with open(log_path, "wb") as log:
        bot = subprocess.Popen(cmd, env=env, stdout=log, stderr=log, start_new_session=True)
    try:
        up = _wait_http(f"{public}/healthz", 120, lambda r: r.json().get("nlu") == "up", bot)
        ready = time.monotonic() - began
        if not up:
            raise RuntimeError(f"labbaik run on {name} was not ready in 120 s: {log_path}")
        common = {"system": "labbaik", "database": name}
        prof = Path(args.profile) if args.profile else None
        users = str(args.users)
        wa_url, tg_url = f"{public}/webhooks/whatsapp", f"{public}/webhooks/telegram"
        wa_cmd = [str(PY), str(args.shared / "loadgen.py"), "twilio", wa_url, token]
        tg_cmd = [str(PY), "-m", "bench.tg_loadgen", tg_url, secret]
        results = []
        for webhook, cmd in (("whatsapp", wa_cmd), ("telegram", tg_cmd)):
            # the warm-up as a run of its own, so the CPU time counted is the measured run's
            _load([*cmd, "--users", users, "--seconds", str(args.warmup), "--warmup", "0"],
                  None, None, args.warmup)  # fmt: skip
            results.append(_load(
                [*cmd, "--users", users, "--seconds", str(args.seconds), "--warmup", "0"],
                bot.pid, prof / f"{name}-{webhook}.txt" if prof else None, args.seconds,
            ))  # fmt: skip
        wa, tg = results
        rss, peak = _memory_mb(bot.pid)
        extra = {"ready_s": round(ready, 2), "rss_mb": round(rss), "peak_rss_mb": round(peak)}
        return [{**common, "webhook": "whatsapp", **wa, **extra},
                {**common, "webhook": "telegram", **tg, **extra}]  # fmt: skip
    finally:
        _stop(bot)


def table(peer: Result | None, rows: list[Result]) -> str:
    head = ("system", "database", "webhook", "msgs/s", "x peer", "p50 ms", "p95 ms", "p99 ms",
            "errors", "CPU ms/msg", "ready s", "RSS MB (peak)")  # fmt: skip
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    if peer:
        out.append(f"| {peer['system']} | {peer['database']} | REST | {peer['msgs_per_s']} | 1 "
                   f"| {peer['p50_ms']} | {peer['p95_ms']} | {peer['p99_ms']} | {peer['errors']}"
                   f" | {peer.get('cpu_ms_per_msg', '-')} | - | - |")  # fmt: skip
    for r in rows:
        ratio = f"{r['msgs_per_s'] / max(peer['msgs_per_s'], 0.01):.1f}" if peer else "-"
        out.append(f"| Labbaik | {r['database']} | {r['webhook']} | {r['msgs_per_s']} | {ratio} "
                   f"| {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['errors']} "
                   f"| {r.get('cpu_ms_per_msg', '-')} | {r['ready_s']} "
                   f"| {r['rss_mb']} ({r['peak_rss_mb']}) |")  # fmt: skip
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sidebyside", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="8 s runs after a 2 s warm-up")
    parser.add_argument("--users", type=int, default=int(os.environ.get("PERF_USERS", 8)))
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("PERF_SECONDS", 20)))
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--no-peer", action="store_true", help="only Labbaik")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="one database")
    parser.add_argument("--profile", metavar="DIR", help="py-spy each webhook run into DIR")
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.warmup = 8.0, 2.0
    args.shared = shared_bench()
    if args.shared is None:
        print("../shared/bench (loadgen.py) not found; set LABBAIK_SHARED_BENCH", file=sys.stderr)
        return 1
    LOGS.mkdir(parents=True, exist_ok=True)
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    peer = None if args.no_peer else run_peer(args.shared, args.users, args.seconds, args.warmup)
    if peer:
        print(json.dumps(peer), flush=True)
    rows: list[Result] = []
    settings = load_settings()
    nlu_settings = settings.nlu.model_copy(update={"url": f"http://127.0.0.1:{free_port()}"})
    with tempfile.TemporaryDirectory() as tmp_name, FakeBotApi() as bot_api:
        tmp = Path(tmp_name)
        targets = []
        if args.only in (None, "sqlite"):
            targets.append(("SQLite", f"sqlite:///{tmp}/bench.db"))
        pg = fresh_pg() if args.only in (None, "postgresql") else None
        if pg:
            targets.append(("PostgreSQL", pg))
        try:
            with nlu_server(nlu_settings, log_path=LOGS / "nlu.log") as nlu_url:
                config = _config(nlu_url, bot_api.base_url)
                try:
                    for name, url in targets:
                        for row in run_labbaik(name, url, config, args):
                            print(json.dumps(row), flush=True)
                            rows.append(row)
                finally:
                    config.unlink(missing_ok=True)
        except ServerError as exc:
            print(f"Labbaik not measured: no NLU server ({exc})", file=sys.stderr)
            return 1
        sent = bot_api.sent
    print(f"\n`python -m bench.sidebyside{' --quick' if args.quick else ''}`: {args.users} users, "
          f"{args.seconds:.0f} s per run after {args.warmup:.0f} s of warm-up, {os.cpu_count()} "
          f"cores, {time.strftime('%Y-%m-%d %H:%M %Z')}, {time.monotonic() - began:.0f} s in all; "
          f"Telegram replies sent to the fake Bot API: {sent}\n")  # fmt: skip
    print(table(peer, rows))
    if args.profile:
        for path in sorted(Path(args.profile).glob("*.txt")):
            with open(path, encoding="utf-8") as f:
                counts, busy = profile.breakdown(f)
            print(f"\nprofile {path.name}\n\n{profile.table(counts, busy)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
