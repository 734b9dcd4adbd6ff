"""The Rasa project on disk: where it lives, its data hash, and training it.

Training runs `rasa train nlu` from the separate `.venv-rasa` environment as a
subprocess (the bot never imports Rasa). A model is stored as
`nlu/models/<hash>.tar.gz`, where the hash covers the pipeline config and every
training-data file, so `train()` is a no-op when nothing changed.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from nlu import category, places, vocab

log = logging.getLogger(__name__)

NLU_DIR = Path(__file__).resolve().parent
ROOT = NLU_DIR.parent
PROJECT_DIR = NLU_DIR / "rasa_project"
CONFIG_FILE = PROJECT_DIR / "config.yml"
DATA_DIR = PROJECT_DIR / "data"
EVAL_DIR = NLU_DIR / "eval"
MODELS_DIR = NLU_DIR / "models"
KEEP_MODELS = 3  # older models are deleted after a successful training
RASA_VENV = Path(os.environ.get("LABBAIK_RASA_VENV", ROOT / ".venv-rasa"))


class TrainingError(RuntimeError):
    """`rasa train nlu` failed or the Rasa environment is missing."""


def rasa_executable() -> Path:
    exe = RASA_VENV / "bin" / "rasa"
    if not exe.exists():
        raise TrainingError(
            f"{exe} not found: the Rasa environment is not installed (run `make setup`)"
        )
    return exe


def rasa_env() -> dict[str, str]:
    """Environment for Rasa subprocesses: quiet TensorFlow, no telemetry, offline."""
    env = dict(os.environ)
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "PYTHONWARNINGS": "ignore",
            "HF_HUB_OFFLINE": "1",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "RASA_CACHE_DIRECTORY": str(NLU_DIR / ".cache" / "rasa"),
        }
    )
    env.pop("PYTHONPATH", None)
    return env


def training_files(config: Path = CONFIG_FILE, data_dir: Path = DATA_DIR) -> list[Path]:
    """Every file whose content decides the model: the config, our custom Rasa
    components (nlu/rasa_project/*.py) and all data files."""
    return [
        config,
        *sorted(PROJECT_DIR.glob("*.py")),
        *sorted(PROJECT_DIR.glob("*.json")),  # category_labels.json (nlu/category.py)
        *sorted(p for p in data_dir.rglob("*") if p.suffix in {".yml", ".yaml"}),
    ]


def data_hash(config: Path = CONFIG_FILE, data_dir: Path = DATA_DIR) -> str:
    """A short hash of the config and training data (file names relative to data_dir)."""
    h = hashlib.sha256()
    for path in training_files(config, data_dir):
        rel = path.relative_to(data_dir) if path.is_relative_to(data_dir) else path.name
        h.update(str(rel).encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


def model_path(digest: str | None = None, models_dir: Path = MODELS_DIR) -> Path:
    return models_dir / f"{digest or data_hash()}.tar.gz"


def current_model(models_dir: Path = MODELS_DIR) -> Path | None:
    """The model trained from the current data, if it exists."""
    path = model_path(models_dir=models_dir)
    return path if path.exists() else None


@dataclass(frozen=True)
class TrainResult:
    model: Path
    trained: bool  # False when an up-to-date model already existed
    seconds: float


def train(
    *,
    force: bool = False,
    config: Path = CONFIG_FILE,
    data_dir: Path = DATA_DIR,
    models_dir: Path = MODELS_DIR,
    keep: int = KEEP_MODELS,
) -> TrainResult:
    """Train the model unless one for the current data hash exists (or `force`)."""
    if data_dir == DATA_DIR:
        vocab.write_generated()  # category synonyms and lookup table from categories.yml
        places.write_generated()  # the `place` lookup table and regexes (nlu/places.py)
        category.write_labels()  # labbaik_category.py's training labels (nlu/category.py)
    digest = data_hash(config, data_dir)
    target = models_dir / f"{digest}.tar.gz"
    if target.exists() and not force:
        return TrainResult(target, trained=False, seconds=0.0)
    models_dir.mkdir(parents=True, exist_ok=True)
    cmd = [
        str(rasa_executable()),
        "train",
        "nlu",
        "--config",
        str(config),
        "--nlu",
        str(data_dir),
        "--out",
        str(models_dir),
        "--fixed-model-name",
        digest,
    ]
    started = time.monotonic()
    proc = subprocess.run(
        cmd, cwd=PROJECT_DIR, env=rasa_env(), capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    if proc.returncode != 0 or not target.exists():
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-30:])
        raise TrainingError(f"rasa train nlu failed (exit {proc.returncode}):\n{tail}")
    log.info("trained NLU model %s in %.1f s", target.name, seconds)
    _prune(models_dir, keep=keep)
    return TrainResult(target, trained=True, seconds=seconds)


def _prune(models_dir: Path, keep: int) -> None:
    """Delete all but the `keep` newest models (a running server may hold an older one)."""
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in models[keep:]:
        old.unlink(missing_ok=True)


def ensure_model() -> Path:
    """The current model, training it first when it does not exist."""
    vocab.write_generated()
    places.write_generated()
    category.write_labels()
    existing = current_model()
    if existing:
        return existing
    print("labbaik: no NLU model for the current data; training one", file=sys.stderr)
    return train().model
