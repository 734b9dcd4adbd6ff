"""Where `labbaik run`'s start-up goes: the CPU and wall time of each part, in one process.

    python -m bench.startup [--runs 3]

Each run is a fresh Python process (imports are the largest part, and only the first
import of a module costs) that times, like `build_runtime`: the imports of `labbaik run`,
the settings, migrating a new SQLite file, the content snapshot, the language detector and
the category fallback, the service and runtime, the web app. Prints one JSON line per run
(CPU seconds, then wall seconds, per part) and the load average. CPU time says more than
wall time on a busy machine; `python -m bench.sidebyside` gives the whole "ready" figure
(from exec to /healthz answering with the NLU up).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

PARTS = """
import time
marks, last = [], (time.process_time(), time.perf_counter())
def mark(name):
    global last
    now = (time.process_time(), time.perf_counter())
    marks.append((name, round(now[0] - last[0], 3), round(now[1] - last[1], 3)))
    last = now
import bot.app.cli
from bot.app import wiring
from bot.app.config import load_settings
from nlu.category import default_classifier
from storage.db import Database, upgrade
mark("imports")
settings = load_settings(None, overrides={"database.url": URL})
mark("settings")
upgrade(URL)
mark("migrate a new file")
content = wiring.content_source(settings).start()
mark("content")
detector = wiring.language_detector(settings)
detector.detect("warm-up")
default_classifier()
mark("language detector, category fallback")
service = wiring.build_service(settings, Database(URL), content, detector=detector)
runtime = wiring.runtime_for(service)
mark("service, runtime (teams)")
wiring.create_app(runtime)
mark("web app")
print(json.dumps({"cpu_s": {n: c for n, c, _ in marks}, "wall_s": {n: w for n, _, w in marks},
                  "cpu_total_s": round(sum(c for _, c, _ in marks), 2)}))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{tmp}/startup.db"
            code = f"import json\nURL = {url!r}\n" + PARTS
            done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
            if done.returncode != 0:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
            line = json.loads(done.stdout.strip().splitlines()[-1])
            line["load_average"] = round(os.getloadavg()[0], 1)
            line["at"] = time.strftime("%Y-%m-%d %H:%M %Z")
            print(json.dumps(line), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
