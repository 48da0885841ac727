"""Languages and fonts: Qt translators for zh_CN and en, the bundled CJK font, big type."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from frontdesk.domain.errors import DomainError
from frontdesk.resources import resources_dir

LANGUAGES = ("zh_CN", "en")
BASE_POINT_SIZE = 15  # cashiers read the screen from arm's length, often standing


def default_resources() -> Path:
    """The shipped resources folder (fonts, translations): bundle, checkout or wheel alike."""
    return resources_dir()


class Translations:
    """Installs one language at a time; widgets retranslate on QEvent.LanguageChange."""

    _current = "zh_CN"

    def __init__(self, resources: Path) -> None:
        self._qm_dir = resources / "i18n"
        self._installed: list[QTranslator] = []

    @classmethod
    def current(cls) -> str:
        return cls._current

    def install(self, app: QCoreApplication, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; choose from {LANGUAGES}")
        for old in self._installed:
            app.removeTranslator(old)
        self._installed = []
        own = QTranslator(app)
        if own.load(f"frontdesk_{language}", str(self._qm_dir)):
            self._installed.append(own)
        qt_own = QTranslator(app)
        # Qt's own strings (standard buttons, context menus) in the same language.
        if qt_own.load(
            QLocale(language),
            "qtbase",
            "_",
            QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        ):
            self._installed.append(qt_own)
        for translator in self._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(language))
        Translations._current = language

    def uninstall(self, app: QCoreApplication) -> None:
        """Take this instance's translators off the application (a screen before the till's)."""
        for old in self._installed:
            app.removeTranslator(old)
        self._installed = []

    def toggle(self, app: QCoreApplication) -> str:
        language = "en" if Translations._current == "zh_CN" else "zh_CN"
        self.install(app, language)
        return language


def error_text(err: DomainError) -> str:
    """A refusal in the language on screen; the domain carries both texts."""
    return err.message if Translations.current() == "zh_CN" else err.message_en


def register_fonts(app: QApplication, resources: Path) -> str:
    """Register the bundled CJK font and make it the big base font; returns the family name."""
    font_id = QFontDatabase.addApplicationFont(str(resources / "fonts" / "wqy-microhei.ttc"))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(families[0]) if families else QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    return font.family()
