"""The UI language: Qt Linguist catalogues (ours and Qt's own) and the default QLocale.

Switching installs the new catalogues and removes the old ones; Qt then sends every widget a
LanguageChange event, which is how the console changes language without a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from app.resources import resources_dir

LOCALES = {"es": "es_CO", "en": "en_US"}


class Translations(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []
        self.language: str | None = None

    def clear(self) -> None:
        """Back to Qt's untranslated (English) texts and the system locale."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale.system())
        self.language = None

    def use(self, lang: str) -> bool:
        """Install ``lang``; False when it was already in use (nothing to retranslate)."""
        if lang == self.language:
            return False
        self.clear()
        QLocale.setDefault(QLocale(LOCALES.get(lang, LOCALES["es"])))
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            (f"canales_{lang}", str(resources_dir() / "translations")),
            (f"qtbase_{lang}", qt_folder),
        ):
            translator = QTranslator(self)
            if translator.load(name, folder):
                self._app.installTranslator(translator)
                self._installed.append(translator)
        self.language = lang
        return True
