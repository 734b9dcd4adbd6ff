"""NLU test fixtures: one real Rasa server with the current model for the session.

`nlu_url` trains the model first when none exists for the current data (as
`make test` does through `make model`), starts `rasa run` on a free port with
`nlu.server.NluServer`, and stops it when the session ends. When it cannot start,
NLU tests are skipped with the reason, or fail when LABBAIK_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from nlu import project
from nlu.server import NluServer, ServerError, free_port

REQUIRE_SERVICES = os.environ.get("LABBAIK_REQUIRE_SERVICES") == "1"


@pytest.fixture(scope="session")
def nlu_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log_path = tmp_path_factory.mktemp("nlu") / "nlu-server.log"
    try:
        server = NluServer(project.ensure_model(), port=free_port(), log_path=log_path)
        server.start()
    except (ServerError, project.TrainingError) as exc:
        message = f"NLU server could not start: {exc}"
        if REQUIRE_SERVICES:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield server.url
    finally:
        server.stop()
