"""The language recipe of docs/languages.md, followed in a temporary copy: a sixth
language (Turkish) is a locales/tr/ folder, its NLU data file and one config line.
The product built on that copy validates it, detects Turkish, converses in it
through the real conversation service, offers it in the language menu and on the
web chat page; the NLU project picks the new data file up (no model is trained
here: that takes minutes, and `labbaik nlu train` is the same code path)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from content_kit import copy_content, replace, write_config

from bot.app.commands.dialogs import validate
from bot.app.config import load_settings
from bot.app.wiring import build_runtime, create_app
from bot.core.messages import Inbound, Reply
from bot.core.runtime import Runtime
from bot.core.settings import ROOT, Settings
from nlu import project
from nlu.settings import PROJECT_DATA

# The Turkish the test converses in (what a native speaker writes; the rest of the
# copied folder keeps the English texts, which is enough for a test).
TURKISH = {
    "menu-welcome": (
        "\n    Selamün aleyküm, Labbaik'e hoş geldiniz 🌿"
        "\n    Ben belediyenin asistanıyım. Bir sorunu bildirmenize yardım edebilir, "
        "başvurunuzun ne durumda olduğunu söyleyebilir ya da sizi bir yetkiliyle "
        "görüştürebilirim."
    ),
    "menu-prompt": " Size nasıl yardımcı olabilirim? Bir seçeneğe dokunun ya da sorunuzu yazın.",
    "please-use-menu": " Üzgünüm, şu anda yazılı soruları okuyamıyorum. Lütfen menüden seçin.",
    "language-ask": " Hangi dili tercih edersiniz?",
    "language-changed": " Tamam! Bundan sonra sizinle Türkçe konuşacağım.",
    "webchat-language-name": " Türkçe",
}
TR_DATA = """\
version: "3.1"
nlu:
- intent: greet
  examples: |
    - merhaba
    - merhabalar
    - selam
    - selamün aleyküm
    - günaydın
    - iyi akşamlar
    - iyi günler efendim
- intent: report_issue
  examples: |
    - otelin yanında çöpler birikmiş kimse toplamıyor
    - sokakta su borusu patlamış her yer su oldu
    - caddedeki lambalar yanmıyor çok karanlık
    - yolun ortasında büyük bir çukur var
    - lokantada bozulmuş yemek satıyorlar
    - umumi tuvaletler çok kirli
    - sokakta başıboş köpekler dolaşıyor
    - seyyar satıcılar kaldırımı kapatmış
    - kanalizasyon taşıyor kötü kokuyor
    - çöp konteyneri günlerdir boşaltılmadı
- intent: check_status
  examples: |
    - şikayetim ne durumda
    - başvurum ne oldu acaba
    - bildirimin son durumunu öğrenmek istiyorum
    - talebim işleme alındı mı
- intent: thank
  examples: |
    - teşekkür ederim
    - çok teşekkürler
    - sağ olun
    - allah razı olsun
- intent: human_agent
  examples: |
    - bir yetkiliyle görüşmek istiyorum
    - bir insanla konuşabilir miyim
    - müşteri temsilcisine bağlanmak istiyorum
"""


def add_turkish(folder: Path) -> Path:
    """The recipe: locales/tr/ (every message), its NLU data file, the config line."""
    locales = folder / "content/locales"
    shutil.copytree(locales / "en", locales / "tr")
    for key, text in TURKISH.items():
        for path in (locales / "tr").glob("*.ftl"):
            body = path.read_text(encoding="utf-8")
            start = body.find(f"\n{key} =")
            if start < 0:
                continue
            end = body.find("\n", start + 1)
            while body.startswith("    ", end + 1):  # the message's continuation lines
                end = body.find("\n", end + 1)
            path.write_text(f"{body[: start + 1]}{key} ={text}{body[end:]}", encoding="utf-8")
    for lang_dir in locales.iterdir():  # the language's own name, for the language menu
        with (lang_dir / "language.ftl").open("a", encoding="utf-8") as f:
            f.write("language-name-tr = Türkçe\n")
    data = folder / "nlu-data"
    shutil.copytree(PROJECT_DATA, data)
    shutil.copy(PROJECT_DATA.parent / "categories.yml", folder / "categories.yml")
    (data / "nlu" / "tr.yml").write_text(TR_DATA, encoding="utf-8")
    return write_config(
        folder,
        database={"url": "sqlite:///var/labbaik.db"},
        media={"directory": "var/media"},
        nlu={"data": "nlu-data"},
    )


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    copy_content(tmp_path / "content")
    config = add_turkish(tmp_path)
    replace(config, "- fa\n", "- fa\n- tr\n")  # the one config line
    return load_settings(config, env={})


@pytest.fixture
def runtime(settings: Settings) -> Runtime:
    return build_runtime(settings, with_nlu=False)


async def send(runtime: Runtime, user: str, **fields: object) -> tuple[Reply, ...]:
    inbound = Inbound(channel="console", user_id=user, message_id=uuid.uuid4().hex, **fields)  # type: ignore[arg-type]
    return (await runtime.service.handle(inbound)).replies


def test_the_copy_with_a_sixth_language_validates(settings: Settings) -> None:
    assert settings.languages == ("ar", "en", "id", "ur", "fa", "tr")
    problems, summary = validate(
        settings.path(settings.content.flows), settings.path(settings.content.locales), settings
    )
    assert problems == []
    assert "6 languages (ar, en, id, ur, fa, tr)" in summary
    cli = subprocess.run(
        [sys.executable, "-m", "bot", "--config", str(settings.root / "config.yaml")]
        + ["dialogs", "validate"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr


def test_a_missing_turkish_message_is_refused_like_any_other(settings: Settings) -> None:
    replace(settings.path(settings.content.locales) / "tr/report.ftl", "report-filed =", "x =")
    problems, _ = validate(
        settings.path(settings.content.flows), settings.path(settings.content.locales), settings
    )
    assert any("'report-filed' is missing in locales/tr" in p for p in problems), problems


async def test_it_converses_in_turkish_through_the_conversation_service(
    runtime: Runtime,
) -> None:
    try:
        replies = await send(
            runtime, "tr-1", text="Otelimin yanında çöpler birikmiş, kimse toplamıyor"
        )
        assert {r.lang for r in replies} == {"tr"}
        assert replies[0].key == "menu-welcome" and "Labbaik'e hoş geldiniz" in replies[0].text
        assert not replies[0].rtl
        assert any(r.key == "please-use-menu" and "Lütfen menüden" in r.text for r in replies)

        menu = (await send(runtime, "tr-2", command="language"))[-1]
        assert menu.key == "language-ask"
        offered = [(c.id, c.label) for c in menu.choices]
        assert [i for i, _ in offered[:6]] == ["ar", "en", "id", "ur", "fa", "tr"]
        assert ("tr", "Türkçe") in offered
        done = await send(runtime, "tr-2", choice="tr")
        assert done[0].key == "language-changed" and done[0].lang == "tr"
        assert done[0].text == "Tamam! Bundan sonra sizinle Türkçe konuşacağım."
    finally:
        runtime.service.database.dispose()


async def test_the_web_chat_offers_it(runtime: Runtime) -> None:
    transport = httpx.ASGITransport(app=create_app(runtime))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            page = await c.get("/", headers={"accept-language": "tr-TR,tr;q=0.9"})
            strings = await c.get("/webchat/api/strings?lang=tr")
        assert 'lang="tr" dir="ltr"' in page.text and "Türkçe" in page.text
        assert strings.status_code == 200 and strings.json()["rtl"] is False
    finally:
        runtime.service.database.dispose()


def test_the_nlu_project_picks_up_the_new_data_file(settings: Settings) -> None:
    data = settings.path(settings.nlu.data)
    files = project.training_files(config=project.CONFIG_FILE, data_dir=data)
    assert data / "nlu" / "tr.yml" in files
    assert project.data_hash(project.CONFIG_FILE, data) != project.data_hash()  # retrains
