"""Settings: config.yaml parsed once into one typed, validated object (bot/core/settings.py).

Secrets come from the environment only (each channel names its own variables
in the registry, bot/channels/registry.py; the translation server's key is
LIBRETRANSLATE_API_KEY). A wrong key or value stops
start-up with a `ConfigError` that names the key and what was expected. The
`channels` section is composed from the registry: each channel's own section
type, so adding a channel needs no change here. The languages are config.yaml's
`languages:` list; a file without one takes every folder of `content.locales`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError, create_model

from bot.channels import registry
from bot.channels.telegram.settings import TelegramSettings
from bot.channels.webchat.settings import WebChatSettings
from bot.channels.whatsapp.settings import WhatsAppSettings
from bot.core.settings import (
    ROOT,
    ConfigError,
    ContactSettings,
    ContentSettings,
    DatabaseSettings,
    HandoffSettings,
    MediaSettings,
    OutboxSettings,
    Section,
    Settings,
    TranslationSettings,
    WebSettings,
)
from bot.open311.settings import Open311Settings
from locales.render import languages as locale_folders
from nlu.settings import NluSettings

__all__ = [
    "DEFAULT_CONFIG",
    "ROOT",
    "ConfigError",
    "ContactSettings",
    "ContentSettings",
    "DatabaseSettings",
    "HandoffSettings",
    "MediaSettings",
    "NluSettings",
    "Open311Settings",
    "OutboxSettings",
    "Settings",
    "TelegramSettings",
    "TranslationSettings",
    "WebChatSettings",
    "WebSettings",
    "WhatsAppSettings",
    "load_settings",
]

DEFAULT_CONFIG = ROOT / "config.yaml"
# Secrets outside the channels: environment variable -> (section, key)
_SECRETS = {"LIBRETRANSLATE_API_KEY": ("translation", "api_key")}


@cache
def settings_model() -> type[Settings]:
    """`Settings` with `channels` typed from the registry (one section per channel), and the
    sections of the packages beside the channels (`open311`, bot/open311/settings.py)."""
    fields: dict[str, Any] = {name: (kind, kind()) for name, kind in registry.sections().items()}
    channels = create_model("ChannelSettings", __base__=Section, **fields)
    model: type[Settings] = create_model(
        "Settings",
        __base__=Settings,
        channels=(channels, channels()),
        open311=(Open311Settings, Open311Settings()),
    )
    return model


def _secret_keys() -> set[str]:
    keys = [key for _, key in registry.secrets().values()] + [k for _, k in _SECRETS.values()]
    return set(keys) | {"root"}


def _reject_secrets_in_file(raw: Mapping[str, object], where: str = "") -> None:
    secret_keys = _secret_keys()
    for key, value in raw.items():
        dotted = f"{where}.{key}" if where else str(key)
        if key in secret_keys:
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
    for var, (channel, key) in registry.secrets().items():
        if env.get(var):
            section("channels", channel)[key] = env[var]
    for var, (name, key) in _SECRETS.items():
        if env.get(var):
            section(name)[key] = env[var]
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


def _with_languages(settings: Settings) -> Settings:
    """A file without `languages:` takes every language folder of the locales."""
    if settings.languages:
        return settings
    found = tuple(locale_folders(settings.path(settings.content.locales)))
    return settings.model_copy(update={"languages": found})


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
        settings = _with_languages(settings_model().model_validate(raw))
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from exc
    if settings.default_language not in settings.languages:
        raise ConfigError(
            f"config.yaml: default_language: {settings.default_language!r} "
            f"is not one of languages {list(settings.languages)}"
        )
    return settings
