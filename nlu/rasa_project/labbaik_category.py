"""A report's category from the whole sentence: `labbaik_category.SentenceCategoryClassifier`.

Runs inside the Rasa 3.6 environment (`.venv-rasa`, Python 3.10), never in the bot.
The `category` entity comes first from the lookup table of words (RegexEntityExtractor
+ EntitySynonymMapper): a report written in words the table lacks (a dialect, a
spelling, a paraphrase: "my wife and I got sick after eating at a restaurant") gets
none. This component reads the features the pipeline has already computed for the
message (word counts, character n-grams and the multilingual-e5-small sentence
embedding of `labbaik_e5.py`: nothing is encoded a second time) and, when the lookup
found no category, adds its best guess as a `category` entity with
`confidence_entity` and `extractor: SentenceCategoryClassifier`, without `start` and
`end` (no words of the text said it). The bot's client (`nlu/client.py`) decides
from the confidence and the intent whether to use it.

It is a logistic regression over the classes `vocab.CATEGORIES` + "-" ("a report
naming no category": "I want to make a complaint"), trained on the `report_issue`
examples only, each with the category its words name as `nlu/category.py` reads it
(annotation, else vocabulary words, else "-"). Those labels are written by the bot
side into `category_labels.json` beside this file (`python -m nlu.category
--write-labels`, run by `labbaik nlu train`), so there is one reading of the training
data, not two. The other intents' examples are not used: with them as "-" (6,900
sentences against 1,500 reports) the classifier answered "-" for every report
without a vocabulary word, which is exactly the case it is for (measured: docs/nlu.md
"Category").

Referenced from config.yml as `labbaik_category.SentenceCategoryClassifier`, after
the entity extractors (it must see what they found).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression

log = logging.getLogger(__name__)

ENTITY = "category"
NONE = "-"  # about no category
REPORT = "report_issue"
EXTRACTOR = "SentenceCategoryClassifier"
DEFAULT_LABELS = Path(__file__).resolve().parent / "category_labels.json"


def _labels(path: Path) -> dict[str, str]:
    """text -> category value ("-" for none) of every report_issue training sentence."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidConfigException(
            f"SentenceCategoryClassifier: cannot read {path}: {exc} "
            "(it is written by `python -m nlu.category --write-labels`)"
        ) from exc
    return {str(k): str(v) for k, v in doc.get("labels", {}).items()}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class SentenceCategoryClassifier(EntityExtractorMixin, GraphComponent):
    """The category of a whole message from the pipeline's features (see module doc)."""

    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def required_packages() -> list[str]:
        return ["sklearn", "skops"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "threshold": 0.3,  # below this nothing is added (the client applies its own)
            "C": 1.0,
            "max_iter": 1000,
            "random_state": 7,
            "labels": None,  # default category_labels.json beside this file
        }

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        threshold = config.get("threshold", 0.3)
        if isinstance(threshold, bool) or not isinstance(threshold, int | float):
            raise InvalidConfigException(
                f"SentenceCategoryClassifier: threshold must be a number, not {threshold!r}"
            )
        if not 0 <= threshold <= 1:
            raise InvalidConfigException(
                f"SentenceCategoryClassifier: threshold must be within 0..1, not {threshold!r}"
            )
        c = config.get("C", 1.0)
        if isinstance(c, bool) or not isinstance(c, int | float) or c <= 0:
            raise InvalidConfigException(
                f"SentenceCategoryClassifier: C must be a positive number, not {c!r}"
            )
        iters = config.get("max_iter", 1000)
        if isinstance(iters, bool) or not isinstance(iters, int) or iters < 1:
            raise InvalidConfigException(
                f"SentenceCategoryClassifier: max_iter must be a whole number >= 1, not {iters!r}"
            )

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceCategoryClassifier:
        return cls({**cls.get_default_config(), **config}, model_storage, resource)

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        clf: LogisticRegression | None = None,
    ) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.clf = clf

    @staticmethod
    def _features(messages: list[Message]) -> csr_matrix:
        """The sentence features the intent classifier sees too: counts, n-grams, e5."""
        rows = []
        for m in messages:
            sparse = m.get_sparse_features(attribute=TEXT)[1]
            dense = m.get_dense_features(attribute=TEXT)[1]
            rows.append(
                hstack(
                    [
                        csr_matrix(sparse.features if sparse else []),
                        csr_matrix(dense.features if dense else []),
                    ]
                )
            )
        return vstack(rows).tocsr()

    def train(self, training_data: TrainingData) -> Resource:
        path = Path(self.config["labels"] or DEFAULT_LABELS)
        labels = _labels(path)
        examples, y = [], []
        for m in training_data.intent_examples:
            text = m.get(TEXT)
            if not text or not m.get(INTENT):
                continue
            if m.get(INTENT) == REPORT and str(text) in labels:  # two categories: no label
                examples.append(m)
                y.append(labels[str(text)])
        if len(set(y)) < 2:
            log.warning("SentenceCategoryClassifier: fewer than two classes, not trained")
            return self._resource
        self.clf = LogisticRegression(
            C=float(self.config["C"]),
            max_iter=int(self.config["max_iter"]),
            random_state=int(self.config["random_state"]),
        )
        self.clf.fit(self._features(examples), y)
        self.persist()
        return self._resource

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self.clf, model_dir / "category.skops")

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentenceCategoryClassifier:
        import skops.io as sio

        config = {**cls.get_default_config(), **config}
        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / "category.skops"
                if sio.get_untrusted_types(file=path):  # only what a plain model holds
                    raise ValueError(f"{path}: unexpected types")
                clf = sio.load(path, trusted=[])
        except (ValueError, FileNotFoundError):
            log.warning("SentenceCategoryClassifier: no trained model, adds nothing")
            clf = None
        return cls(config, model_storage, resource, clf)

    def process(self, messages: list[Message]) -> list[Message]:
        if self.clf is None:
            return messages
        todo = [
            m
            for m in messages
            if m.get(TEXT) and not any(e.get("entity") == ENTITY for e in m.get(ENTITIES, []))
        ]
        if not todo:
            return messages
        probs = self.clf.predict_proba(self._features(todo))
        classes = list(self.clf.classes_)
        for message, p in zip(todo, probs, strict=True):
            best = int(np.argmax(p))
            if classes[best] == NONE or p[best] < float(self.config["threshold"]):
                continue
            entity = {
                "entity": ENTITY,
                "value": classes[best],
                "confidence_entity": round(float(p[best]), 4),
                "extractor": EXTRACTOR,
            }
            message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages
