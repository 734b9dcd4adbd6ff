"""`labbaik nlu ...` as a person runs it: real subprocesses, the real server and model."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.app.config import DEFAULT_CONFIG, NluSettings
from nlu import project
from nlu.server import free_port, is_healthy, serving

pytestmark = pytest.mark.nlu


def config_for(tmp_path: Path, url: str) -> Path:
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text(encoding="utf-8"))
    raw["nlu"]["url"] = url
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    return path


def labbaik(
    config: Path, *args: str, stdin: str = "", timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "LABBAIK_CONFIG"}
    return subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(config), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=project.ROOT,
        check=False,
    )


def test_parse_prints_one_json_object_per_line(nlu_url: str, tmp_path: Path) -> None:
    texts = [
        "meri shikayat ka kya bana",
        "وضعیت شکایتم ۱۲۳۴۵۶۶ چی شد",
        "",
        "there is garbage near my hotel",
    ]
    proc = labbaik(config_for(tmp_path, nlu_url), "nlu", "parse", stdin="\n".join(texts) + "\n")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["text"] for line in lines] == [t for t in texts if t]
    for line in lines:
        assert set(line) == {"text", "intent", "confidence", "entities", "language"}
    assert lines[0]["intent"] == "check_status" and lines[0]["language"] == "ur"
    assert lines[1]["language"] == "fa"
    assert lines[1]["entities"] == [
        {"entity": "ticket_id", "value": "MK-1234566", "raw": "۱۲۳۴۵۶۶"}
    ]
    assert lines[2]["entities"] == [{"entity": "category", "value": "waste", "raw": "garbage"}]


def test_parse_starts_its_own_server_when_none_answers(nlu_url: str, tmp_path: Path) -> None:
    # nlu_url only makes sure a model exists; this command must serve it by itself
    config = config_for(tmp_path, f"http://127.0.0.1:{free_port()}")
    proc = labbaik(config, "nlu", "parse", stdin="hello\n")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["intent"] == "greet"


def test_evaluate_reports_both_sets_per_language_and_style(nlu_url: str, tmp_path: Path) -> None:
    proc = labbaik(config_for(tmp_path, nlu_url), "nlu", "evaluate")
    out = proc.stdout
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    held_out, frozen = out.split("=" * 72)
    assert "held-out set nlu/eval/" in held_out and "frozen set nlu/eval/frozen/" in frozen
    for lang in ("ar", "en", "id", "ur", "fa", "ur_script", "ur_roman"):
        assert f"\n{lang} " in held_out
    for lang in ("ar", "en", "id", "ur", "fa"):
        assert f"\n{lang} " in frozen and f"\n  {lang}: " in frozen  # a row, and its styles
    for style in ("arabizi", "roman_urdu", "dari", "javanese", "nigerian", "long", "typo"):
        assert f" {style} " in frozen
    for heading in (
        "accuracy",
        "macro-F1",
        "lang-id",
        "category value accuracy",
        "ticket-id extraction",
        "arabic_indic",
        "persian",
        "ascii",
        "place extraction",
        "worst confusions",
    ):
        assert heading in held_out or heading == "place extraction"
        assert heading in frozen
    # the exit code is the frozen set's verdict, and says the same as the text
    met = "\ntargets met: " in frozen
    assert met != ("\ntargets NOT met:" in frozen)
    assert proc.returncode == (0 if met else 1), out


def test_bench_prints_latency_throughput_and_memory(nlu_url: str, tmp_path: Path) -> None:
    config = config_for(tmp_path, nlu_url)
    proc = subprocess.run(  # `python -m bench.nlu`: the benchmarks are not part of labbaik
        [sys.executable, "-m", "bench.nlu", "--config", str(config), "--requests", "20"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=project.ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "p50" in proc.stdout and "p95" in proc.stdout and "requests/s" in proc.stdout
    assert "MiB" in proc.stdout


def test_train_skips_when_the_model_for_the_data_exists(nlu_url: str, tmp_path: Path) -> None:
    proc = labbaik(config_for(tmp_path, nlu_url), "nlu", "train")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("up to date: nlu/models/" + project.data_hash())


def test_the_hash_follows_config_and_data(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(project.DATA_DIR, data)
    config = tmp_path / "config.yml"
    shutil.copy(project.CONFIG_FILE, config)
    digest = project.data_hash(config, data)
    assert digest == project.data_hash()  # same content, same hash, wherever it lives

    models = tmp_path / "models"
    models.mkdir()
    (models / f"{digest}.tar.gz").write_bytes(b"stands in for a model")
    result = project.train(config=config, data_dir=data, models_dir=models)
    assert (result.trained, result.model.name) == (False, f"{digest}.tar.gz")

    with (data / "nlu" / "en.yml").open("a", encoding="utf-8") as f:
        f.write("    - hiya\n")
    assert project.data_hash(config, data) != digest
    config.write_text(config.read_text() + "\n# comment\n")
    assert len({digest, project.data_hash(config, data)}) == 2


def test_serve_runs_until_interrupted(nlu_url: str, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    env = {k: v for k, v in os.environ.items() if k != "LABBAIK_CONFIG"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "--config", str(config_for(tmp_path, url)), "nlu", "serve"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=project.ROOT,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()  # printed once the server is ready
        assert first.startswith(f"NLU server ready at {url}"), first
        assert is_healthy(url)
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(60)
    assert not is_healthy(url)


async def test_serving_reuses_a_server_that_already_answers(nlu_url: str) -> None:
    async with serving(NluSettings(url=nlu_url)) as url:
        assert url == nlu_url
    assert is_healthy(nlu_url)  # not ours to stop
