"""Canned replies: one Fluent library in every language, checked like every other content,
listed for an agent in their desk language and sent to the pilgrim in theirs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from handoff_kit import Desk, Pilgrim, deliver
from shared_content import repo_content

from bot.app.commands.dialogs import validate
from bot.core.runtime import Runtime
from bot.core.settings import ROOT
from bot.handoff.canned import CannedLibrary
from bot.handoff.chats import Chats


@pytest.fixture
def locales(tmp_path: Path) -> Path:
    target = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", target, ignore=shutil.ignore_patterns("*.py", "__*"))
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_the_library_has_every_reply_with_its_names_and_shortcuts() -> None:
    library = repo_content().current().part(CannedLibrary)
    shortcuts = [r.shortcut for r in library.replies]
    assert shortcuts == [
        "greeting",
        "moment",
        "location",
        "photo",
        "forwarded",
        "hotline",
        "anything-else",
        "goodbye",
    ]
    assert all(set(r.titles) >= {"ar", "en"} for r in library.replies)
    found = library.find(" /Location ")
    assert found is not None and found.key == "canned-location"
    assert library.find("canned-photo") is not None and library.find("nothing") is None


def test_a_reply_using_an_unknown_argument_is_refused_at_its_line(locales: Path) -> None:
    path = locales / "ur" / "canned.ftl"
    _edit(path, "canned-moment = ", "canned-moment = { $name }، ")
    line = _line_of(path, "canned-moment = ")
    problems, _ = validate(ROOT / "dialogs" / "flows", locales)
    assert f"{path}:{line}: canned-moment uses $name" in "\n".join(problems)


def test_a_reply_without_a_title_in_a_desk_language_is_refused(locales: Path) -> None:
    path = locales / "ar" / "canned.ftl"
    _edit(path, "    .title = طلب صورة\n", "")
    problems, _ = validate(ROOT / "dialogs" / "flows", locales)
    assert any("canned-photo needs a .title" in p and "ar/canned.ftl" in p for p in problems)


def test_a_reply_missing_in_a_pilgrim_language_is_refused(locales: Path) -> None:
    path = locales / "id" / "canned.ftl"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(x for x in text.splitlines() if not x.startswith("canned-photo")))
    problems, _ = validate(ROOT / "dialogs" / "flows", locales)
    assert any("'canned-photo' is missing in locales/id" in p for p in problems)


async def test_an_agent_sees_each_reply_in_their_desk_language(
    runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    amina = desk.agent("amina", desk_language="ar")
    omar = desk.agent("omar", desk_language="en")
    arabic = {o.shortcut: o for o in await chats.canned_replies(agent_id=amina)}
    english = {o.shortcut: o for o in await chats.canned_replies(agent_id=omar)}
    assert arabic["greeting"].title == "تحية" and english["greeting"].title == "Greeting"
    assert (
        arabic["greeting"].text.startswith("السلام عليكم، معك")
        and "Amina" in arabic["greeting"].text
    )
    assert english["hotline"].text == runtime.service.render(
        "en", "canned-hotline", {"hotline": "940"}
    )


@pytest.mark.parametrize("lang", ["ar", "en", "id", "ur", "fa"])
async def test_the_pilgrim_gets_a_canned_reply_in_their_language(
    lang: str, runtime: Runtime, desk: Desk, chats: Chats
) -> None:
    omar = desk.agent("omar", desk_language="en")
    pilgrim = Pilgrim(runtime, f"browser-canned-{lang}-0001")
    await pilgrim.start(lang)
    await pilgrim.send(choice="flow:human_agent")
    chat = pilgrim.chat()
    assert chat is not None
    await chats.claim(agent_id=omar, chat_id=chat.id)
    await chats.send_canned(agent_id=omar, chat_id=chat.id, name="photo")
    await deliver(runtime)
    got = pilgrim.received()[-1]
    assert (got["text"], got["lang"]) == (runtime.service.render(lang, "canned-photo"), lang)
    view = await chats.get(agent_id=omar, chat_id=chat.id)
    assert view.languages_differ == (lang != "en")  # the desk warns when they differ
