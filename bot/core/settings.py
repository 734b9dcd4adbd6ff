"""The settings every part of the bot reads: one typed, validated, frozen object.

`bot.app.config.load_settings` fills it from config.yaml and the environment
(secrets only from the environment) and composes the `channels` section from
the channel registry, so this module names no channel: each channel's section
type lives in its own package (bot/channels/<name>/settings.py) and reads
itself out of `Settings.channel(...)`. The NLU's section is the nlu package's
own `NluSettings`. Languages are config.yaml's `languages:`, nowhere else.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import datetime, time, timedelta, timezone
from pathlib import Path
from typing import Annotated, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from nlu.settings import NluSettings
from storage.models import CASE_KINDS, REPORT_CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 (or -3) codes: ar, en, id, ur, fa, ...
S = TypeVar("S", bound=BaseModel)


class ConfigError(Exception):
    """config.yaml or the environment holds something we cannot run with."""


class Section(BaseModel):
    """A part of config.yaml: unknown keys are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DatabaseSettings(Section):
    url: str = "sqlite:///var/labbaik.db"

    @field_validator("url")
    @classmethod
    def _known_driver(cls, v: str) -> str:
        if not v.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
            raise ValueError("expected a sqlite:/// or postgresql+psycopg:// URL")
        return v


class MediaSettings(Section):
    directory: Path = Path("var/media")
    max_bytes: Annotated[int, Field(gt=0)] = 10 * 1024 * 1024
    allowed_types: tuple[str, ...] = ("image/jpeg", "image/png", "image/webp")


class WebSettings(Section):
    host: str = "127.0.0.1"
    port: Annotated[int, Field(gt=0, lt=65536)] = 8080
    public_url: str | None = None
    # addresses or networks ("10.0.0.5", "10.0.0.0/24") of the reverse proxies whose
    # X-Forwarded-For and X-Forwarded-Proto are believed; nobody's by default
    trusted_proxies: tuple[str, ...] = ()

    @field_validator("trusted_proxies")
    @classmethod
    def _addresses(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for entry in v:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(f"{entry!r} is not an IP address or network") from None
        return v


class HealthSettings(Section):
    """How /healthz keeps its answer fresh (bot/web/health.py)."""

    refresh_seconds: Annotated[float, Field(gt=0)] = 5.0  # how often each part is checked
    nlu_timeout_seconds: Annotated[float, Field(gt=0)] = 0.5  # the NLU's own, short one
    database_timeout_seconds: Annotated[float, Field(gt=0)] = 2.0
    outbox_backlog_seconds: Annotated[float, Field(gt=0)] = 300.0  # due this long: a backlog


class OutboxSettings(Section):
    poll_seconds: Annotated[float, Field(gt=0)] = 1.0
    max_attempts: Annotated[int, Field(gt=0)] = 8


class ContactSettings(Section):
    hotline: str = "940"
    consultant_phone: str = "0539400940"


class ContentSettings(Section):
    """Where the content admins edit lives, and where the last good copy of it is kept.

    The content ships with the code, so by default it is this tree's own, wherever
    the config file is; a path given in the file is relative to the file's folder.
    """

    flows: Path = ROOT / "dialogs" / "flows"
    locales: Path = ROOT / "locales"
    municipal: Path = ROOT / "bot" / "municipal" / "data"
    last_good: Path = Path("var/content")  # the runtime directory, not the source tree
    check_seconds: Annotated[float, Field(gt=0)] = 2.0  # how often a running bot looks for edits


class CaseRule(Section):
    """The priority of a new case and the hours until it is overdue (its SLA)."""

    priority: Literal["low", "normal", "high", "urgent"] = "normal"
    sla_hours: Annotated[float, Field(gt=0, le=24 * 60)] = 72


class TeamConfig(Section):
    """A team that is not a sub-municipality (those come from the boundaries data)."""

    slug: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{1,63}$")]
    names: dict[Literal["ar", "en"], Annotated[str, Field(min_length=1, max_length=200)]]
    languages: tuple[str, ...] = ()  # pilgrim languages the team takes chats in


class RoutingSettings(Section):
    """Which team a new case goes to, its priority and SLA (bot/core/cases.py).

    A case goes to the team its caller names, else its kind's team
    (`teams_by_kind`: Wajibna, Mutma'innun), else the sub-municipality team of
    its pin (the boundaries data), else `default_team`. Priority and SLA come
    from its category (`categories`), else its kind (`kinds`), else `default`.
    """

    default_team: str = "customer_service"
    teams_by_kind: dict[str, str] = Field(
        default_factory=lambda: {"home_visit": "wajibna", "proxy_service": "mutmainnun"}
    )
    by_location: bool = True
    default: CaseRule = CaseRule()
    categories: dict[str, CaseRule] = Field(default_factory=dict)
    kinds: dict[str, CaseRule] = Field(default_factory=dict)
    teams: tuple[TeamConfig, ...] = ()  # seeded at start with the sub-municipalities' teams

    @model_validator(mode="after")
    def _known_team(self) -> RoutingSettings:
        unknown = sorted(set(self.categories) - set(REPORT_CATEGORIES)) + sorted(
            (set(self.kinds) | set(self.teams_by_kind)) - set(CASE_KINDS)
        )
        if unknown:
            raise ValueError(
                f"unknown categories or kinds {unknown}; categories are {list(REPORT_CATEGORIES)},"
                f" kinds {list(CASE_KINDS)}"
            )
        slugs = {team.slug for team in self.teams}
        if self.teams and self.default_team not in slugs:
            raise ValueError(f"default_team {self.default_team!r} is not one of routing.teams")
        return self

    def rule(self, *, kind: str, category: str | None) -> CaseRule:
        """The priority and SLA of a new case of this kind and category."""
        return self.categories.get(category or "") or self.kinds.get(kind) or self.default


class FixQuestionSettings(Section):
    """"Is it fixed?": asked when a case is resolved; closed when nobody answers in time."""

    close_after_hours: Annotated[float, Field(gt=0)] = 72
    check_seconds: Annotated[float, Field(gt=0)] = 300  # how often `labbaik run` closes them


class DeskSettings(Section):
    """The agent desk (/desk): sign-in sessions and lockout."""

    idle_minutes: Annotated[float, Field(gt=0, le=24 * 60)] = 30
    session_hours: Annotated[float, Field(gt=0, le=7 * 24)] = 12
    max_failures: Annotated[int, Field(ge=1, le=100)] = 5  # in a row, then a lockout
    lockout_minutes: Annotated[float, Field(gt=0, le=24 * 60)] = 15


MAKKAH_TIME = timezone(timedelta(hours=3), "AST")  # Arabia Standard Time, no daylight saving
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class WorkingHours(Section):
    """When agents take live chats, in Makkah time: `opens`-`closes` on each of `days`.

    `closes` earlier than `opens` runs past midnight (22:00-02:00 belongs to the
    day it opens on); equal times mean around the clock on those days.
    """

    days: tuple[Weekday, ...] = WEEKDAYS
    opens: str = "08:00"
    closes: str = "23:00"

    @field_validator("opens", "closes")
    @classmethod
    def _clock_time(cls, v: str) -> str:
        if not _CLOCK.fullmatch(v):
            raise ValueError("expected a 24-hour time such as '08:00' or '23:30'")
        return v

    @field_validator("days")
    @classmethod
    def _some_days(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not v:
            raise ValueError("name at least one day, e.g. [sat, sun, mon, tue, wed, thu]")
        if len(set(v)) != len(v):
            raise ValueError("a day is listed twice")
        return v

    @staticmethod
    def _time(text: str) -> time:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))

    def is_open(self, now: datetime) -> bool:
        """Whether `now` (any time zone) falls in the working hours."""
        local = now.astimezone(MAKKAH_TIME)
        opens, closes, clock = self._time(self.opens), self._time(self.closes), local.time()
        today = WEEKDAYS[local.weekday()]
        yesterday = WEEKDAYS[(local.weekday() - 1) % 7]
        if opens == closes:
            return today in self.days
        if opens < closes:
            return today in self.days and opens <= clock < closes
        late_start = today in self.days and clock >= opens
        return late_start or (yesterday in self.days and clock < closes)

    def opened_at(self, now: datetime) -> datetime | None:
        """When the working period `now` falls in began (None outside the hours)."""
        if not self.is_open(now):
            return None
        local = now.astimezone(MAKKAH_TIME)
        today = datetime.combine(local.date(), self._time(self.opens), tzinfo=MAKKAH_TIME)
        return today if today <= local else today - timedelta(days=1)

    def next_opening(self, now: datetime) -> datetime:
        """The next time chats open after `now`, in Makkah time (`now` itself when open)."""
        if self.is_open(now):
            return now.astimezone(MAKKAH_TIME)
        local = now.astimezone(MAKKAH_TIME)
        opens = self._time(self.opens)
        for ahead in range(8):
            day = (local + timedelta(days=ahead)).date()
            moment = datetime.combine(day, opens, tzinfo=MAKKAH_TIME)
            if WEEKDAYS[day.weekday()] in self.days and moment > local:
                return moment
        raise AssertionError("a week always has an opening")  # days is never empty


class HandoffSettings(Section):
    """Live chats with agents (bot/handoff/): which team, when, and how long a chat may wait.

    A chat goes to the team of the case it is about, else to an active team that
    takes the pilgrim's language (the teams' `languages`), else to `general_team`.
    """

    general_team: str = "customer_service"
    hours: WorkingHours = WorkingHours()
    # A pilgrim's message unanswered this long by the agent holding the chat, or a
    # chat left waiting this long while someone of its team is on duty: the chat
    # goes back to the bot with an apology (its messages are kept for the desk).
    reply_minutes: Annotated[float, Field(gt=0)] = 15.0
    wait_minutes: Annotated[float, Field(gt=0)] = 45.0
    # A chat with an agent where nobody wrote either way this long is ended.
    idle_minutes: Annotated[float, Field(gt=0)] = 120.0
    check_seconds: Annotated[float, Field(gt=0)] = 60.0  # how often `labbaik run` looks
    # The expected wait: from the handling times of the team's last `estimate_sample`
    # chats of the last `estimate_days` days; `default_handling_minutes` until there
    # are `estimate_min_sample` of them.
    estimate_sample: Annotated[int, Field(gt=0, le=500)] = 20
    estimate_days: Annotated[int, Field(gt=0)] = 7
    estimate_min_sample: Annotated[int, Field(gt=0)] = 3
    default_handling_minutes: Annotated[float, Field(gt=0)] = 6.0
    history_messages: Annotated[int, Field(ge=0, le=200)] = 30  # shown from before the chat

    @field_validator("general_team")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{1,63}", v):
            raise ValueError("expected a team slug such as 'customer_service'")
        return v


class TranslationSettings(Section):
    """Optional machine translation of live chats through a LibreTranslate-compatible server.

    Off while `url` is empty. The API key, when the server wants one, comes from
    the environment (LIBRETRANSLATE_API_KEY), never from the file.
    """

    url: str | None = None
    api_key: str | None = None
    timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 3.0

    @field_validator("url")
    @classmethod
    def _http(cls, v: str | None) -> str | None:
        if v in (None, ""):
            return None
        if not re.fullmatch(r"https?://[^\s/]+(/\S*)?", v):
            raise ValueError("expected the server's base URL, e.g. http://127.0.0.1:5000")
        return v.rstrip("/")

    @property
    def enabled(self) -> bool:
        return self.url is not None


class NoChannels(Section):
    """The `channels` section before `load_settings` composes it from the registry."""


class Settings(Section):
    languages: tuple[str, ...] = ()  # empty: every folder of `content.locales` (see load_settings)
    default_language: str = "ar"
    database: DatabaseSettings = DatabaseSettings()
    media: MediaSettings = MediaSettings()
    nlu: NluSettings = NluSettings()
    web: WebSettings = WebSettings()
    health: HealthSettings = HealthSettings()
    channels: BaseModel = NoChannels()
    outbox: OutboxSettings = OutboxSettings()
    contact: ContactSettings = ContactSettings()
    content: ContentSettings = ContentSettings()
    routing: RoutingSettings = RoutingSettings()
    fix_question: FixQuestionSettings = FixQuestionSettings()
    desk: DeskSettings = DeskSettings()
    handoff: HandoffSettings = HandoffSettings()
    translation: TranslationSettings = TranslationSettings()
    root: Path = ROOT  # relative paths in the file are relative to this

    @field_validator("languages")
    @classmethod
    def _language_codes(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        bad = [code for code in v if not LANGUAGE_CODE.fullmatch(code)]
        if bad:
            raise ValueError(f"not language codes such as 'ar' or 'en': {bad}")
        if len(set(v)) != len(v):
            raise ValueError("a language is listed twice")
        return v

    def path(self, p: Path) -> Path:
        """A configured path made absolute against the project root."""
        return p if p.is_absolute() else self.root / p

    def channel(self, name: str, kind: type[S]) -> S:
        """The section `channels.<name>` as its channel's own settings type."""
        section = getattr(self.channels, name, None)
        if not isinstance(section, kind):
            raise ConfigError(f"channels.{name}: no {kind.__name__} section (not in the registry?)")
        return section
