"""Settings: config.yaml parsed once into one typed, validated object.

Secrets come from the environment only. A wrong key or value stops start-up
with a `ConfigError` that names the key and what was expected.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = ROOT / "config.yaml"
Lang = Literal["ar", "en", "id", "ur", "fa"]
SUPPORTED_LANGUAGES: tuple[Lang, ...] = ("ar", "en", "id", "ur", "fa")


class ConfigError(Exception):
    """config.yaml or the environment holds something we cannot run with."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DatabaseSettings(_Section):
    url: str = "sqlite:///var/labbaik.db"

    @field_validator("url")
    @classmethod
    def _known_driver(cls, v: str) -> str:
        if not v.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
            raise ValueError("expected a sqlite:/// or postgresql+psycopg:// URL")
        return v


class MediaSettings(_Section):
    directory: Path = Path("var/media")
    max_bytes: Annotated[int, Field(gt=0)] = 10 * 1024 * 1024
    allowed_types: tuple[str, ...] = ("image/jpeg", "image/png", "image/webp")


class NluSettings(_Section):
    url: str = "http://127.0.0.1:5005"
    timeout_seconds: Annotated[float, Field(gt=0, le=30)] = 3.0
    confidence_threshold: Annotated[float, Field(ge=0, le=1)] = 0.55
    manage_server: bool = True


class WebSettings(_Section):
    host: str = "127.0.0.1"
    port: Annotated[int, Field(gt=0, lt=65536)] = 8080
    public_url: str | None = None


class TelegramSettings(_Section):
    enabled: bool = True
    mode: Literal["polling", "webhook"] = "polling"
    api_base_url: str | None = None  # tests point this at a local fake Bot API
    token: str | None = None  # from TELEGRAM_BOT_TOKEN only
    webhook_secret: str | None = None  # from TELEGRAM_WEBHOOK_SECRET only


class WhatsAppSettings(_Section):
    enabled: bool = True
    from_number: str = "whatsapp:+14155238886"
    api_base_url: str | None = None  # tests point this at a local fake Twilio API
    template_content_sid: str | None = None  # sent outside the 24-hour window
    messages_per_second: Annotated[float, Field(gt=0, le=400)] = 80.0  # the sender's Twilio MPS
    account_sid: str | None = None  # from TWILIO_ACCOUNT_SID only
    auth_token: str | None = None  # from TWILIO_AUTH_TOKEN only


class WebChatSettings(_Section):
    enabled: bool = True


class ChannelSettings(_Section):
    telegram: TelegramSettings = TelegramSettings()
    whatsapp: WhatsAppSettings = WhatsAppSettings()
    webchat: WebChatSettings = WebChatSettings()


class OutboxSettings(_Section):
    poll_seconds: Annotated[float, Field(gt=0)] = 1.0
    max_attempts: Annotated[int, Field(gt=0)] = 8


class ContactSettings(_Section):
    hotline: str = "940"
    consultant_phone: str = "0539400940"


class Settings(_Section):
    languages: tuple[Lang, ...] = SUPPORTED_LANGUAGES
    default_language: Lang = "ar"
    database: DatabaseSettings = DatabaseSettings()
    media: MediaSettings = MediaSettings()
    nlu: NluSettings = NluSettings()
    web: WebSettings = WebSettings()
    channels: ChannelSettings = ChannelSettings()
    outbox: OutboxSettings = OutboxSettings()
    contact: ContactSettings = ContactSettings()
    root: Path = ROOT  # relative paths in the file are relative to this

    def path(self, p: Path) -> Path:
        """A configured path made absolute against the project root."""
        return p if p.is_absolute() else self.root / p


_SECRET_KEYS = {"token", "webhook_secret", "account_sid", "auth_token", "root"}


def _reject_secrets_in_file(raw: Mapping[str, object], where: str = "") -> None:
    for key, value in raw.items():
        dotted = f"{where}.{key}" if where else str(key)
        if key in _SECRET_KEYS:
            raise ConfigError(
                f"config.yaml: {dotted}: secrets are not read from the file; "
                "set the environment variable instead"
            )
        if isinstance(value, Mapping):
            _reject_secrets_in_file(value, dotted)


def _apply_environment(raw: dict, env: Mapping[str, str]) -> dict:
    def section(*keys: str) -> dict:
        node = raw
        for k in keys:
            node = node.setdefault(k, {})
            if not isinstance(node, dict):
                raise ConfigError(f"config.yaml: {'.'.join(keys)}: expected a mapping")
        return node

    if env.get("LABBAIK_DATABASE_URL"):
        section("database")["url"] = env["LABBAIK_DATABASE_URL"]
    if env.get("PUBLIC_URL"):
        section("web")["public_url"] = env["PUBLIC_URL"]
    pairs = {
        ("channels", "telegram", "token"): "TELEGRAM_BOT_TOKEN",
        ("channels", "telegram", "webhook_secret"): "TELEGRAM_WEBHOOK_SECRET",
        ("channels", "whatsapp", "account_sid"): "TWILIO_ACCOUNT_SID",
        ("channels", "whatsapp", "auth_token"): "TWILIO_AUTH_TOKEN",
    }
    for (*parents, key), var in pairs.items():
        if env.get(var):
            section(*parents)[key] = env[var]
    return raw


def _describe(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"])
        got = e.get("input")
        if e["type"] == "extra_forbidden":
            lines.append(f"config.yaml: {key}: unknown setting")
        else:
            lines.append(f"config.yaml: {key}: {e['msg']} (got {got!r})")
    return "\n".join(lines)


def load_settings(
    path: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> Settings:
    """Read config.yaml (or `path`) and the environment into `Settings`."""
    env = os.environ if env is None else env
    path = Path(path or env.get("LABBAIK_CONFIG") or DEFAULT_CONFIG)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    _reject_secrets_in_file(raw)
    raw = _apply_environment(raw, env)
    raw.setdefault("root", str(path.resolve().parent))
    for dotted, value in (overrides or {}).items():
        *parents, key = dotted.split(".")
        node = raw
        for p in parents:
            node = node.setdefault(p, {})
        node[key] = value
    try:
        settings = Settings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from exc
    if settings.default_language not in settings.languages:
        raise ConfigError(
            f"config.yaml: default_language: {settings.default_language!r} "
            f"is not one of languages {list(settings.languages)}"
        )
    return settings
