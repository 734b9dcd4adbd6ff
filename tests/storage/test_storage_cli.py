"""`labbaik db upgrade` migrates the database named in the configuration and says which."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import inspect

from bot.app.cli import main
from bot.app.commands.db import upgrade_main
from storage.db import Database
from storage.models import Base


def _config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(f"database:\n  url: {url}\n", encoding="utf-8")
    return path


def _tables(url: str) -> set[str]:
    db = Database(url)
    try:
        return set(inspect(db.engine).get_table_names())
    finally:
        db.dispose()


def test_a_relative_sqlite_path_is_under_the_config_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("LABBAIK_DATABASE_URL", raising=False)
    config = _config(tmp_path, "sqlite:///var/labbaik.db")
    assert upgrade_main(argparse.Namespace(config=str(config))) == 0
    database = tmp_path / "var" / "labbaik.db"
    assert str(database) in capsys.readouterr().out
    assert _tables(f"sqlite:///{database}") == set(Base.metadata.tables) | {"alembic_version"}


def test_labbaik_db_upgrade_on_both_databases(
    blank_db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LABBAIK_DATABASE_URL", raising=False)
    assert main(["--config", str(_config(tmp_path, blank_db_url)), "db", "upgrade"]) == 0
    assert main(["--config", str(_config(tmp_path, blank_db_url)), "db", "upgrade"]) == 0
    assert _tables(blank_db_url) == set(Base.metadata.tables) | {"alembic_version"}


def test_the_environment_overrides_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("LABBAIK_DATABASE_URL", f"sqlite:///{target}")
    assert upgrade_main(argparse.Namespace(config=str(_config(tmp_path, "sqlite:///x.db")))) == 0
    assert str(target) in capsys.readouterr().out
    assert "alembic_version" in _tables(f"sqlite:///{target}")
