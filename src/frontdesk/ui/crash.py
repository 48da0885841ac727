"""The window's crash handler: a report file, a Chinese dialog, and the open sale kept safe.

An exception that escapes a slot would otherwise only reach stderr, which a till has no one to
read. The handler writes a report (redacted like the log) into the data folder's crash folder,
logs it, holds the open ticket (挂单, kept in the till database) so a restart loses nothing, and
tells the cashier in the screen's language. The window keeps running; what committed is committed.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from frontdesk.domain.log_privacy import redact
from frontdesk.domain.messages import Notice, render
from frontdesk.services.till_port import TillBackend
from frontdesk.ui.i18n import Translations
from frontdesk.ui.till_window import TillWindow

log = logging.getLogger(__name__)

# Holds the open ticket; returns its 挂单 number, or None when nothing was open.
KeepSale = Callable[[], int | None]


def write_report(folder: Path, error: BaseException, at: datetime) -> Path | None:
    """The crash report, one file per crash; None when the folder cannot be written."""
    text = "".join(traceback.format_exception(error))
    path = folder / f"crash-{at:%Y%m%d-%H%M%S-%f}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(redact(text), encoding="utf-8")
    except OSError:
        return None
    return path


class CrashHandler:
    """sys.excepthook while the till window runs (install/uninstall around it)."""

    def __init__(self, folder: Path, now: Callable[[], datetime]) -> None:
        self.folder = folder
        self._now = now
        self._keep_sale: KeepSale | None = None
        self._previous = sys.excepthook
        self.reports: list[Path] = []
        self.handling = False
        self.dialog: QMessageBox | None = None

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self.handle

    def uninstall(self) -> None:
        if sys.excepthook == self.handle:
            sys.excepthook = self._previous

    def keep_sale_with(self, keep: KeepSale | None) -> None:
        """The window whose open ticket is to be held when something fails."""
        self._keep_sale = keep

    def handle(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt) or self.handling:
            self._previous(kind, error, tb)
            return
        self.handling = True  # a failure inside the dialog must not open another dialog
        try:
            self._handle(error.with_traceback(tb))
        finally:
            self.handling = False

    def _handle(self, error: BaseException) -> None:
        report = write_report(self.folder, error, self._now())
        if report is not None:
            self.reports.append(report)
        log.error("the till window failed; report %s", report, exc_info=error)
        held = self._held()
        lang = Translations.current()
        where = str(report) if report is not None else "-"
        text = render(Notice("window_failed", {"report": where}), lang)
        if held is not None:
            text += "\n" + render(Notice("window_failed_ticket_held", {"held_no": held}), lang)
        title = render(Notice("window_failed_title"), lang)
        # Opened, not exec'd: the event loop that failed keeps running under the dialog.
        self.dialog = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )  # fmt: skip
        self.dialog.open()

    def _held(self) -> int | None:
        if self._keep_sale is None:
            return None
        try:
            return self._keep_sale()
        except Exception:  # holding failed too: the report says why; the dialog must still come
            log.exception("the open ticket could not be held after a failure")
            return None


def keep_open_ticket(backend: TillBackend, window: TillWindow) -> int | None:
    """Hold the window's open ticket (挂单) and start an empty one; None when nothing was open."""
    if not window.draft.lines:
        return None
    held = backend.hold_ticket(window.draft, "" if window.member is None else window.member.name)
    window.cancel_sale()
    return held.held_no
