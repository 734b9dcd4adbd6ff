"""The NLU's own settings: where the Rasa server answers and how long the bot waits for it.

`bot.core.settings.Settings` composes this section (`nlu:` in config.yaml);
the nlu package itself never reads the bot's configuration.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

PROJECT_DATA = Path(__file__).resolve().parent / "rasa_project" / "data"


class NluSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = "http://127.0.0.1:5005"
    timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 3.0
    confidence_threshold: Annotated[float, Field(ge=0, le=1)] = 0.55
    # the two best intents closer than this: the bot asks "did you mean A or B?"
    ambiguity_margin: Annotated[float, Field(ge=0, le=1)] = 0.3
    manage_server: bool = True
    # the training data (`<data>/nlu/<lang>*.yml`) language detection learns from; the
    # project's own by default, a path in config.yaml is relative to that file
    data: Path = PROJECT_DATA
