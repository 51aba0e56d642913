""" "Copiar respuesta" on the cards and on "Usar ahora", and the settings page "Respuestas":
the clipboard gets text and HTML for the clock's now in the agent's language; templates are
edited with their problems shown and a live preview."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtTest import QTest
from test_settings_dialog import make_dialog, problem_beside, spanish, store  # noqa: F401

from app.core.board import BoardBuilder
from app.core.reply import ReplyWriter
from app.domain.replies import DEFAULT_TEMPLATES, PLACEHOLDERS
from app.storage.config_store import ConfigStore
from app.storage.preferences import Preferences
from app.ui.settings.pages.replies import RepliesPage, TemplateEdit

BOGOTA = ZoneInfo("America/Bogota")
HOLIDAY = dt.datetime(2026, 12, 8, 10, 0, tzinfo=BOGOTA)
NOW = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BOGOTA)  # the settings tests' clock


def clipboard() -> tuple[str, str]:
    data = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
    assert data is not None
    return data.text(), data.html()


def started(console):
    console.start()
    return console


def card(console, channel_id: str):
    return next(c for c in console.window.cards if c.channel.id == channel_id)


def expected(console, lang: str, channel: str | None = None, request: str | None = None):
    writer = ReplyWriter(BoardBuilder(console.live.engine, lang))
    if channel is not None:
        return writer.for_channel(channel, console.live.now())
    assert request is not None
    return writer.for_request(request, console.live.now())


def test_a_cards_button_copies_text_and_html(make_console) -> None:
    console = started(make_console(HOLIDAY))
    chat = card(console, "chat")
    assert chat.reply.text() == "Copiar respuesta"
    assert chat.reply.accessibleName() == "Copiar respuesta sobre Chat en línea"
    assert chat.reply.focusPolicy() & Qt.FocusPolicy.TabFocus
    chat.reply.click()
    text, markup = clipboard()
    reply = expected(console, "es", channel="chat")
    assert text == reply.text
    assert text.startswith("Nuestro canal «Chat en línea» atiende de lunes a viernes")
    assert "Hoy es festivo (La Inmaculada Concepción)" in text
    assert text.endswith("llame al +57 318 7174937, disponible las 24 horas, todos los días.")
    assert 'href="http://idealab.certicamara.com/CertiChat/chat.php"' in markup
    assert 'href="tel:+57-318-7174937"' in markup
    assert console.window.statusBar().currentMessage() == f"Copiado: {text}"


def test_the_strip_copies_the_reply_for_its_request_type(make_console) -> None:
    console = started(make_console(dt.datetime(2026, 12, 2, 22, 15, tzinfo=BOGOTA)))
    strip = console.window.strip
    strip.request_type.setCurrentIndex(strip.request_type.findData("priority-1"))
    assert strip.reply_button.text() == "Copiar &respuesta"
    strip.reply_button.click()
    text, markup = clipboard()
    assert text == expected(console, "es", request="priority-1").text
    assert text.startswith("Nuestro canal «Línea para incidentes prioridad 1 (críticos)»")
    assert markup.count("<a href=") == 1
    strip.request_type.setCurrentIndex(strip.request_type.findData("all"))
    strip.reply_button.click()
    assert clipboard()[0] == expected(console, "es", request="all").text


def test_the_reply_button_follows_the_strips_copy_in_tab_order(make_console) -> None:
    console = started(make_console(HOLIDAY))
    strip = console.window.strip
    assert strip.copy_button.nextInFocusChain() is strip.reply_button
    assert strip.reply_button.nextInFocusChain() is console.window.filter


def test_the_agents_language_picks_the_templates(make_console) -> None:
    console = started(make_console(HOLIDAY, prefs=Preferences(language="en")))
    chat = card(console, "chat")
    assert chat.reply.text() == "Copy reply"
    chat.reply.click()
    text, _markup = clipboard()
    assert text.startswith("Our “Chat en línea” channel is available from Monday to Friday")
    assert text == expected(console, "en", channel="chat").text


def test_compact_cards_keep_the_button_as_an_icon(make_console) -> None:
    console = started(make_console(HOLIDAY, prefs=Preferences(compact=True)))
    chat = card(console, "chat")
    assert chat.reply.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert chat.reply.accessibleName() == "Copiar respuesta sobre Chat en línea"


# -- the settings page -----------------------------------------------------------------------


def open_page(make_dialog) -> tuple[object, RepliesPage]:  # noqa: F811
    dialog = make_dialog()
    page = dialog.page(RepliesPage)
    dialog.sidebar.setCurrentRow(dialog.pages.index(page))
    assert isinstance(page, RepliesPage)
    return dialog, page


def choose(page: RepliesPage, key: str, lang: str = "es") -> TemplateEdit:
    page.language.setCurrentIndex(page.language.findData(lang))
    keys = [page.templates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(9)]
    page.templates.setCurrentRow(keys.index(key))
    assert page.editor is not None
    return page.editor


def type_template(edit: TemplateEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:  # QTest types ASCII only; an input method inserts the rest
        edit.insertPlainText(text)


def test_the_page_shows_the_built_in_wording_and_its_placeholders(make_dialog) -> None:  # noqa: F811
    dialog, page = open_page(make_dialog)
    edit = choose(page, "critical")
    assert edit.toPlainText() == DEFAULT_TEMPLATES["es"]["critical"]
    names = [page.placeholders.item(i).text() for i in range(page.placeholders.count())]
    assert [n.split(" — ")[0] for n in names] == [f"${p}" for p in PLACEHOLDERS["critical"]]
    assert names[0] == "$canal — el nombre del canal"
    assert page.templates.currentItem().toolTip() == "Texto predeterminado de Canales"
    assert not page.templates.currentItem().font().bold()
    assert dialog.sidebar.item(dialog.pages.index(page)).text() == "Respuestas"


def test_an_unknown_placeholder_is_shown_where_it_is(make_dialog) -> None:  # noqa: F811
    dialog, page = open_page(make_dialog)
    edit = choose(page, "closed")
    type_template(edit, "Vuelve $proximos.")
    message = (
        "marcador «$proximos» desconocido: use uno de $canal $contacto $horario $zona "
        "$proximo $cierre $cuenta $motivo $critico"
    )
    assert problem_beside(dialog, "replies", "es", "closed") == f"⚠ {message}"
    item = page.templates.currentItem()
    assert item.text() == "⚠ Canal cerrado"
    assert message in item.toolTip()
    assert not dialog.save_button.isEnabled()
    assert dialog.sidebar.item(dialog.pages.index(page)).text() == "Respuestas (1)"
    assert dialog.place("replies.es.closed") == "Respuestas › Español › Canal cerrado"
    assert "Corrija los problemas" in page.preview.toPlainText()


def test_the_preview_follows_the_edit_and_the_instant(make_dialog) -> None:  # noqa: F811
    _dialog, page = open_page(make_dialog)
    page.channel.setCurrentIndex(page.channel.findData("email"))
    assert page.used.text() == "Plantilla usada: Canal abierto"
    assert page.preview.toPlainText().startswith("Nuestro canal «Correo de soporte» atiende")
    edit = choose(page, "open")
    type_template(edit, "Escríbanos a $contacto $cierre.")
    assert page.preview.toPlainText() == (
        "Escríbanos a soporte.certigestor@certicamara.com hasta las 19:00."
    )
    assert 'href="mailto:soporte.certigestor@certicamara.com"' in page.preview.toHtml()
    page.instant.setDateTime(page.instant.dateTime().addDays(7))  # 8 Dec, the holiday
    assert page.used.text() == "Plantilla usada: Cerrado por festivo"
    assert "Hoy es festivo (La Inmaculada Concepción)" in page.preview.toPlainText()
    page.now_button.click()
    assert page.used.text() == "Plantilla usada: Canal abierto"


def test_placeholders_insert_at_the_cursor(make_dialog) -> None:  # noqa: F811
    dialog, page = open_page(make_dialog)
    edit = choose(page, "holiday")
    type_template(edit, "Hoy: ")
    item = next(
        page.placeholders.item(i)
        for i in range(page.placeholders.count())
        if page.placeholders.item(i).data(Qt.ItemDataRole.UserRole) == "motivo"
    )
    rect = page.placeholders.visualItemRect(item)
    QTest.mouseClick(page.placeholders.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert edit.toPlainText() == "Hoy: $motivo"
    assert dialog.draft.get(("replies", "es", "holiday")) == "Hoy: $motivo"


def test_enter_does_not_break_a_template(make_dialog) -> None:  # noqa: F811
    _dialog, page = open_page(make_dialog)
    edit = choose(page, "open")
    type_template(edit, "Uno")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClicks(edit, " dos")
    assert edit.toPlainText() == "Uno dos"


def test_own_wording_is_saved_and_restore_returns_to_the_built_in(
    make_dialog,  # noqa: F811
    store: ConfigStore,  # noqa: F811
) -> None:
    dialog, page = open_page(make_dialog)
    edit = choose(page, "always", lang="en")
    type_template(edit, "Call $contacto any time.")
    assert page.templates.currentItem().font().bold()
    assert dialog.save()
    saved = json.loads(Path(store.path).read_text(encoding="utf-8"))
    assert saved["replies"]["en"]["always"] == "Call $contacto any time."
    assert saved["replies"]["es"]["always"] is None
    dialog, page = open_page(make_dialog)
    edit = choose(page, "always", lang="en")
    assert edit.toPlainText() == "Call $contacto any time."
    page.restore.click()
    assert edit.toPlainText() == DEFAULT_TEMPLATES["en"]["always"]
    assert dialog.draft.get(("replies", "en", "always")) is None
    assert not page.templates.currentItem().font().bold()


def test_read_only_settings_show_but_do_not_edit(make_dialog) -> None:  # noqa: F811
    dialog = make_dialog(read_only=True)
    page = dialog.page(RepliesPage)
    dialog.sidebar.setCurrentRow(dialog.pages.index(page))
    edit = choose(page, "open")
    assert not edit.isEnabled()
    assert not page.restore.isEnabled() and not page.placeholders.isEnabled()
    page.insert_placeholder(page.placeholders.item(0))
    assert edit.toPlainText() == DEFAULT_TEMPLATES["es"]["open"]
    assert dialog.draft.get(("replies", "es", "open")) is None
