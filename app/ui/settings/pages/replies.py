"""Replies: the sentences "Copiar respuesta" gives agents for customers, per language, with
the placeholders they may use and a live preview for a channel at an instant.

A template left as it is stays ``null`` in the file, which means the built-in wording (and so
follows it when Canales improves it); typing the built-in text back is the same as restoring
it. The preview is the real reply (``app.core.reply``) of the draft being edited.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QMimeData, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.board import BoardBuilder
from app.core.reply import Reply, ReplyWriter
from app.domain.availability import AvailabilityEngine
from app.domain.replies import DEFAULT_TEMPLATES, PLACEHOLDERS, REPLY_LANGUAGES, TEMPLATE_KEYS
from app.domain.wall_clock import to_seconds
from app.ui.settings.draft import Path, path_text
from app.ui.settings.fields import FieldRow, error_colour
from app.ui.settings.pages.base import Page, PageContext

LANGUAGE_NAMES = {"es": "Español", "en": "English"}


def template_titles() -> dict[str, str]:
    """Each template's name, as the page lists it (and problems name it)."""
    translate = QCoreApplication.translate
    return {
        "open": translate("RepliesPage", "Channel open"),
        "closing": translate("RepliesPage", "Channel closing soon"),
        "closed": translate("RepliesPage", "Channel closed"),
        "holiday": translate("RepliesPage", "Closed for a holiday"),
        "special": translate("RepliesPage", "Closed for a special day"),
        "always": translate("RepliesPage", "Channel open 24/7"),
        "no_hours": translate("RepliesPage", "No opening hours ahead"),
        "critical": translate("RepliesPage", "Critical-incident sentence"),
        "none": translate("RepliesPage", "No channel for the request"),
    }


def template_uses() -> dict[str, str]:
    """When each template is used."""
    translate = QCoreApplication.translate
    return {
        "open": translate("RepliesPage", "The channel is open."),
        "closing": translate(
            "RepliesPage", "The channel is open and closes within the closing-soon warning."
        ),
        "closed": translate(
            "RepliesPage", "The channel is closed now (a night, a weekend) and opens later."
        ),
        "holiday": translate("RepliesPage", "The channel is closed today for a public holiday."),
        "special": translate(
            "RepliesPage", "The channel keeps a special day today and is not open now."
        ),
        "always": translate("RepliesPage", "The channel is open 24 hours a day, every day."),
        "no_hours": translate(
            "RepliesPage", "The channel is closed and does not open in the coming year."
        ),
        "critical": translate(
            "RepliesPage",
            "Fills $critico in the replies of a closed channel when a critical case has a "
            "line open now (the 24/7 line).",
        ),
        "none": translate("RepliesPage", "“Use now” for a request type that no channel serves."),
    }


def placeholder_meanings() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        "canal": translate("RepliesPage", "the channel's name"),
        "contacto": translate("RepliesPage", "its contacts, with menu options and extensions"),
        "horario": translate("RepliesPage", "its weekly hours, in words"),
        "zona": translate("RepliesPage", "whose clock the hours are on"),
        "proximo": translate("RepliesPage", "when it opens next"),
        "cierre": translate("RepliesPage", "until when it is open (while open)"),
        "cuenta": translate("RepliesPage", "how long until it opens or closes"),
        "motivo": translate("RepliesPage", "the holiday's or special day's name"),
        "critico": translate("RepliesPage", "the critical-incident sentence, when it applies"),
        "tipo": translate("RepliesPage", "the request type's name"),
    }


def reply_place(parts: list[str | int]) -> list[str]:
    """``["es", "closed"]`` (a problem's path below ``replies``) as the page names it."""
    words: list[str] = []
    if parts:
        words.append(LANGUAGE_NAMES.get(str(parts[0]), str(parts[0])))
    if len(parts) > 1:
        words.append(template_titles().get(str(parts[1]), str(parts[1])))
    return words


def _drop_layout(layout: QLayout) -> None:
    """Delete the widgets of a layout taken out of the page (an editor and its problem)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()  # at once: deleteLater waits for the event loop
            widget.deleteLater()


class TemplateEdit(QPlainTextEdit):
    """A template is one line that wraps: Enter does not break it, pasted breaks are spaces."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog keeps Enter from saving; no line break either
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:
        text = " ".join(source.text().split())
        self.textCursor().insertText(text)


class RepliesPage(Page):
    sections = ("replies",)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Replies"), parent)
        self.editor: TemplateEdit | None = None
        self._row: FieldRow | None = None
        intro = QLabel(
            self.tr(
                "The sentences agents copy for a customer with “Copy reply”, one per state of "
                "the channel. $name placeholders are filled in for the moment of the reply; "
                "$$ is a dollar sign. Templates in bold have their own wording; the others "
                "use Canales's built-in sentence."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)

        self.body.addLayout(self._language_row())
        self.body.addLayout(self._template_column())
        self.body.addWidget(self._preview_box(), 1)
        self.language.currentIndexChanged.connect(lambda _i: self._show_template())
        self.templates.currentRowChanged.connect(lambda _r: self._show_template())
        context.draft.subscribe(self._draft_changed)
        self.templates.setCurrentRow(0)

    def _language_row(self) -> QHBoxLayout:
        choose = QHBoxLayout()
        caption = QLabel(self.tr("&Language of the replies:"))
        self.language = QComboBox()
        for lang in REPLY_LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        index = self.language.findData(self.context.draft.lang)
        self.language.setCurrentIndex(max(0, index))
        self.language.setAccessibleName(self.tr("Language of the replies"))
        caption.setBuddy(self.language)
        choose.addWidget(caption)
        choose.addWidget(self.language)
        choose.addStretch(1)
        return choose

    def _template_column(self) -> QHBoxLayout:
        """The templates' list beside the editor, its restore button and the placeholders."""
        middle = QHBoxLayout()
        self.templates = QListWidget()
        self.templates.setAccessibleName(self.tr("Templates"))
        self.templates.setAccessibleDescription(self.tr("Choose the template to edit"))
        self.templates.setFixedWidth(self.fontMetrics().horizontalAdvance("M") * 20)
        self.templates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key in TEMPLATE_KEYS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.templates.addItem(item)
        middle.addWidget(self.templates)
        right = QVBoxLayout()
        self.use = QLabel()
        self.use.setObjectName("templateUse")
        self.use.setWordWrap(True)
        right.addWidget(self.use)
        self.holder = QVBoxLayout()
        right.addLayout(self.holder)
        buttons = QHBoxLayout()
        self.restore = QPushButton(self.tr("Restore the &built-in wording"))
        self.restore.setAccessibleDescription(
            self.tr("Use Canales's own sentence for this template again")
        )
        self.restore.setAutoDefault(False)
        self.restore.clicked.connect(self.restore_default)
        self.restore.setEnabled(not self.binder.read_only)
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        right.addLayout(buttons)
        names = QLabel(self.tr("Place&holders (click to insert):"))
        right.addWidget(names)
        self.placeholders = QListWidget()
        self.placeholders.setAccessibleName(self.tr("Placeholders"))
        self.placeholders.setAccessibleDescription(
            self.tr("Enter or a click inserts the placeholder where the cursor is")
        )
        self.placeholders.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.placeholders.itemClicked.connect(self.insert_placeholder)
        self.placeholders.itemActivated.connect(self.insert_placeholder)
        names.setBuddy(self.placeholders)
        self.placeholders.setEnabled(not self.binder.read_only)
        right.addWidget(self.placeholders)
        middle.addLayout(right, 1)
        return middle

    # the preview -------------------------------------------------------------------------------

    def _preview_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        title = QLabel(self.tr("Preview"))
        title.setObjectName("sectionTitle")
        column.addWidget(title)
        form = QFormLayout()
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel of the preview"))
        form.addRow(self.tr("&Channel"), self.channel)
        when = QHBoxLayout()
        self.instant = QDateTimeEdit()
        self.instant.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.instant.setCalendarPopup(True)
        self.instant.setAccessibleName(self.tr("Moment of the preview, on the centre's clock"))
        when.addWidget(self.instant)
        self.now_button = QPushButton(self.tr("&Now"))
        self.now_button.setAutoDefault(False)
        self.now_button.setAccessibleDescription(self.tr("Preview the reply for this moment"))
        self.now_button.clicked.connect(self.show_now)
        when.addWidget(self.now_button)
        when.addStretch(1)
        at = QLabel(self.tr("&At"))
        at.setBuddy(self.instant)
        form.addRow(at, when)
        column.addLayout(form)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Preview of the reply"))
        self.preview.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        column.addWidget(self.preview)
        self.used = QLabel()
        self.used.setObjectName("templateUsed")
        column.addWidget(self.used)
        column.addStretch(1)
        self._fill_channels()
        self.show_now()
        self.channel.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.instant.dateTimeChanged.connect(lambda _t: self.update_preview())
        return box

    def _fill_channels(self) -> None:
        current = self.channel.currentData()
        self.channel.blockSignals(True)
        self.channel.clear()
        for key, name in self.context.options("channels"):
            self.channel.addItem(name, key)
        index = self.channel.findData(current)
        self.channel.setCurrentIndex(index if index >= 0 else 0)
        self.channel.blockSignals(False)

    def show_now(self) -> None:
        zone = self.context.draft.last_valid.zone
        local = self.context.now().astimezone(zone)
        day, time = QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
        self.instant.setDateTime(QDateTime(day, time))
        self.update_preview()

    def preview_instant(self, engine: AvailabilityEngine) -> dt.datetime:
        """The edited wall time on the centre's clock, as ``canales reply --at`` reads it."""
        shown = self.instant.dateTime()
        date, time = shown.date(), shown.time()
        wall = dt.datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())
        happens = engine.clock.moment(to_seconds(wall))
        return happens.at if happens is not None else self.context.now()

    def preview_reply(self) -> Reply | None:
        """The reply the draft gives for the chosen channel and moment; None while the draft
        has problems or no channel."""
        config = self.context.draft.config
        channel = self.channel.currentData()
        if config is None or channel not in {c.id for c in config.channels}:
            return None
        _last, calendar = self.context.calendar()
        engine = AvailabilityEngine(config, calendar)
        writer = ReplyWriter(BoardBuilder(engine, self.current_language()))
        return writer.for_channel(channel, self.preview_instant(engine))

    def update_preview(self) -> None:
        reply = self.preview_reply()
        if reply is None:
            self.preview.setPlainText(
                self.tr("Correct the problems (and name a channel) to see the preview.")
            )
            self.used.setText("")
            return
        self.preview.setHtml(reply.html)
        self.used.setText(
            self.tr("Template used: %1").replace("%1", template_titles()[reply.template])
        )

    # templates ---------------------------------------------------------------------------------

    def current_language(self) -> str:
        return str(self.language.currentData())

    def current_key(self) -> str:
        item = self.templates.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else TEMPLATE_KEYS[0]

    def path(self, key: str | None = None) -> Path:
        return ("replies", self.current_language(), key or self.current_key())

    def _ensure_language(self) -> None:
        """A document from before replies existed: give it the (empty) section to write in."""
        draft = self.context.draft
        if not isinstance(draft.get(("replies",)), dict):
            draft.document["replies"] = {}
        replies = draft.get(("replies",))
        if not isinstance(replies.get(self.current_language()), dict):
            replies[self.current_language()] = {}

    def _show_template(self) -> None:
        key = self.current_key()
        lang = self.current_language()
        self.binder.forget("replies")
        while self.holder.count():
            taken = self.holder.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
            elif taken is not None and (inner := taken.layout()) is not None:
                _drop_layout(inner)
        value = self.context.draft.get(self.path())
        text = value if isinstance(value, str) else DEFAULT_TEMPLATES[lang][key]
        editor = TemplateEdit(text)
        name = template_titles()[key]
        row = self.binder.register(self.path(), editor, name, template_uses()[key])
        editor.textChanged.connect(lambda: self._edited(editor, lang, key))
        self.holder.addLayout(row)
        self.editor, self._row = editor, row
        self.use.setText(template_uses()[key])
        self._fill_placeholders(key)
        self._mark_templates()
        self.update_preview()

    def _edited(self, editor: TemplateEdit, lang: str, key: str) -> None:
        text = " ".join(editor.toPlainText().split("\n"))
        self._ensure_language()
        value = None if text == DEFAULT_TEMPLATES[lang][key] else text
        self.binder.commit(("replies", lang, key), value)

    def restore_default(self) -> None:
        if self.editor is not None:
            self.editor.setPlainText(DEFAULT_TEMPLATES[self.current_language()][self.current_key()])

    def _fill_placeholders(self, key: str) -> None:
        meanings = placeholder_meanings()
        self.placeholders.clear()
        for name in PLACEHOLDERS[key]:
            item = QListWidgetItem(f"${name} — {meanings[name]}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.placeholders.addItem(item)

    def insert_placeholder(self, item: QListWidgetItem) -> None:
        if self.editor is None or self.binder.read_only:
            return
        self.editor.textCursor().insertText("$" + str(item.data(Qt.ItemDataRole.UserRole)))
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _mark_templates(self) -> None:
        """Each template's name: in bold when the file has its own wording (else it is the
        built-in one), with ⚠ and its problems when it has any."""
        titles = template_titles()
        lang = self.current_language()
        draft = self.context.draft
        for row in range(self.templates.count()):
            item = self.templates.item(row)
            key = str(item.data(Qt.ItemDataRole.UserRole))
            problems = draft.problems_under(path_text(("replies", lang, key)))
            own = draft.get(("replies", lang, key)) is not None
            item.setText(("⚠ " if problems else "") + titles[key])
            font = item.font()
            font.setBold(own)
            item.setFont(font)
            state = self.tr("Own wording") if own else self.tr("Built-in wording")
            item.setToolTip("\n".join([state, *(p.message for p in problems)]))
            item.setForeground(self.palette().text() if not problems else self._error_brush())

    def _error_brush(self) -> QBrush:
        return QBrush(QColor(error_colour(self)))

    def _draft_changed(self) -> None:
        try:
            self._mark_templates()
        except RuntimeError:  # the dialog is being deleted
            return
        self.update_preview()

    # Page --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The draft may have been replaced (a restored backup, an import): show it afresh."""
        self._fill_channels()
        self._show_template()

    def shown(self) -> None:
        self.refresh()
