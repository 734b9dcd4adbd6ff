"""The sentence category classifier (nlu/rasa_project/labbaik_category.py): the Rasa
component itself in the Rasa environment (a subprocess: the bot never imports Rasa), the
client's use of its guess on Rasa-shaped answers, and the real model on reports whose
words the lookup table lacks."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from nlu import category, client, project, vocab
from nlu.client import to_result

PROBE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import numpy as np
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.engine.graph import ExecutionContext, GraphSchema
    from rasa.shared.exceptions import InvalidConfigException
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData
    import labbaik_category as lc

    C = lc.SentenceCategoryClassifier
    out = {"rejected": []}
    for bad in ({"threshold": 2}, {"threshold": "x"}, {"C": 0}, {"max_iter": 0}):
        try:
            C.validate_config({**C.get_default_config(), **bad})
        except InvalidConfigException:
            out["rejected"].append(sorted(bad)[0])
    tmp = Path(sys.argv[1])
    labels = {"rubbish near the gate": "waste", "dark street at night": "street_lighting",
              "i want to complain": "-"}
    (tmp / "labels.json").write_text(json.dumps({"labels": labels}))
    directions = {"waste": 0, "street_lighting": 1, "-": 2, "greet": 3}
    def message(text, where, intent=None, entities=()):
        m = Message(data={"text": text, "intent": intent, "entities": list(entities)})
        v = np.zeros((1, 4), dtype=np.float32); v[0, where] = 8.0
        m.add_features(Features(v, "sentence", "text", "e5"))
        return m
    train = [message(t, directions[c], "report_issue") for t, c in labels.items() for _ in range(5)]
    train += [message("hello", 3, "greet") for _ in range(5)]
    train.append(message("not labelled: two categories", 0, "report_issue"))
    (tmp / "storage").mkdir()
    storage = LocalModelStorage(tmp / "storage")
    resource = Resource("category")
    context = ExecutionContext(GraphSchema({}), "x")
    config = {**C.get_default_config(), "labels": str(tmp / "labels.json")}
    C.create(config, storage, resource, context).train(TrainingData(train))
    loaded = C.load(config, storage, resource, context)
    found = message("lookup found one", 0, entities=[{"entity": "category", "value": "waste"}])
    parsed = [message("bins overflowing", 0), message("lamps off", 1),
              message("a complaint", 2), message("hi", 3), found]
    loaded.process(parsed)
    out["entities"] = [m.get("entities", []) for m in parsed]
    print(json.dumps(out))
    """
)


def test_the_component_validates_config_and_adds_a_category_only_where_none_was_found(
    tmp_path: Path,
) -> None:
    python = project.RASA_VENV / "bin" / "python"
    if not python.exists():
        if os.environ.get("LABBAIK_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{python} missing")
        pytest.skip("the Rasa environment is not installed")
    proc = subprocess.run(
        [str(python), "-c", PROBE, str(tmp_path)],
        cwd=project.PROJECT_DIR,
        env=project.rasa_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["rejected"] == ["threshold", "threshold", "C", "max_iter"]
    waste, lighting, none, greeting, found = out["entities"]
    (guess,) = waste
    assert guess["value"] == "waste" and guess["extractor"] == client.SENTENCE_EXTRACTOR
    assert 0.3 <= guess["confidence_entity"] <= 1.0
    assert "start" not in guess  # no words of the text said it
    assert [e["value"] for e in lighting] == ["street_lighting"]
    assert none == [] and greeting == []  # "about no category": nothing added
    assert found == [{"entity": "category", "value": "waste"}]  # the lookup's stays alone


def _payload(intent: str, entities: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    return {
        "intent": {"name": intent, "confidence": 0.9},
        "entities": list(entities),
        "intent_ranking": [{"name": intent, "confidence": 0.9}],
    }


def _guess(value: str, confidence: float) -> dict[str, Any]:
    return {
        "entity": "category",
        "value": value,
        "confidence_entity": confidence,
        "extractor": client.SENTENCE_EXTRACTOR,
    }


def test_a_confident_sentence_guess_is_the_category_of_a_report_without_raw() -> None:
    text = "the bench in the park is broken"
    result = to_result(_payload("report_issue", [_guess("other", 0.9)]), text)
    (found,) = [e for e in result.entities if e.name == "category"]
    assert (found.value, found.raw) == ("other", None)


def test_below_its_threshold_the_guess_yields_to_the_naive_bayes_fallback() -> None:
    text = "عندي شكوى، اكلنا دجاج من المحل اللي جنب الفندق وكلنا تعبنا"
    low = client.SENTENCE_CONFIDENT[category.INTENT] or 0.5
    result = to_result(_payload("report_issue", [_guess("waste", low - 0.01)]), text)
    assert result.entity("category") == category.default_classifier().classify(text).category  # type: ignore[union-attr]
    assert result.entity("category") == "food_safety"


def test_words_the_lookup_found_win_over_the_sentence_guess() -> None:
    text = "garbage near the hotel"
    span = {"entity": "category", "value": "garbage", "start": 0, "end": 7}
    result = to_result(_payload("report_issue", [span, _guess("road_hazard", 0.99)]), text)
    assert [(e.value, e.raw) for e in result.entities if e.name == "category"] == [
        ("waste", "garbage")
    ]


def test_a_guess_that_is_not_a_category_value_is_dropped() -> None:
    result = to_result(_payload("report_issue", [_guess("parking", 0.99)]), "hmm")
    assert result.entity("category") is None
    assert "parking" not in vocab.CATEGORIES


def test_on_other_intents_only_a_very_confident_guess_counts() -> None:
    # a report Rasa misread (a status question, a Wajibna request, a fallback)
    text = "my wife and I both got sick after dinner"
    other = client.SENTENCE_CONFIDENT_OTHER
    assert other is not None
    sure = to_result(_payload("nlu_fallback", [_guess("food_safety", other)]), text)
    assert sure.entity("category") == "food_safety"
    unsure = to_result(_payload("request_home_visit", [_guess("food_safety", other - 0.05)]), text)
    assert unsure.entity("category") is None
    # without the sentence guess, other intents never get an inferred category
    assert to_result(_payload("ask_contact"), text).entity("category") is None
