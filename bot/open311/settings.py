"""The `open311:` section of config.yaml: the GeoReport v2 API's own settings.

Composed into `Settings` by bot/app/config.py (like each channel's section), so
this package's settings type lives here; `open311_settings(settings)` reads it
(the defaults when a `Settings` was built without the section).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from bot.core.settings import Section


class Open311Settings(Section):
    enabled: bool = True
    # The one jurisdiction this endpoint serves (the municipality's site without "www.").
    # A request naming another one gets the spec's 404; naming none is fine.
    jurisdiction_id: str = "holymakkah.gov.sa"
    # A pilgrim's own words (the case description) are private unless this says otherwise:
    # a key with the read_private scope, or the client that filed the case, always sees them.
    public_descriptions: bool = False
    # GET requests.*: at most this many per answer (the spec's "first 1000 requests"), and
    # the window when no start_date/end_date is given, also the widest one allowed.
    max_requests: Annotated[int, Field(ge=1, le=1000)] = 1000
    window_days: Annotated[int, Field(ge=1, le=366)] = 90
    # Per API key (and per client address without one): a steady rate and a burst.
    requests_per_second: Annotated[float, Field(gt=0)] = 5.0
    burst: Annotated[int, Field(ge=1)] = 30
    # The discovery document (GET /open311/discovery.{xml,json}).
    contact: str = (
        "Makkah Municipality, 940 centre: call 940, or write to open311@holymakkah.gov.sa"
    )
    key_service: str = (
        "API keys are issued by the 940 centre's administrators (labbaik open311 keys add)"
    )
    changeset: str = "2026-01-01T00:00:00Z"  # when the service list last changed
    endpoint_type: Literal["production", "test"] = "production"  # as the discovery spec says


def open311_settings(settings: BaseModel) -> Open311Settings:
    """The section as loaded, or the defaults for settings built without it."""
    section = getattr(settings, "open311", None)
    return section if isinstance(section, Open311Settings) else Open311Settings()
