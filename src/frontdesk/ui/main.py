"""The till's entry point: fonts, language, scanner wiring, login, shift, till window."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from frontdesk.domain import errors
from frontdesk.domain.money import Fen
from frontdesk.services.card_output import CardOutput
from frontdesk.services.device_settings import DeviceSettings
from frontdesk.services.provisioning_port import Provisioner
from frontdesk.services.receipt_output import ReceiptOutput
from frontdesk.services.sync_control import SyncControl
from frontdesk.services.till_port import MemberView, TillBackend
from frontdesk.ui.crash import CrashHandler, keep_open_ticket
from frontdesk.ui.i18n import Translations, default_resources, error_text, register_fonts
from frontdesk.ui.scanning import ScanHub, WedgeScanFilter
from frontdesk.ui.sync_status import SyncRunner
from frontdesk.ui.till_window import TillWindow


def ensure_application() -> QApplication:
    """The one QApplication, made on first use (QObjects such as a ScanHub need it first)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    return app


def settle_heap() -> None:
    """Collect once, then keep what exists now out of the garbage collector's later passes.

    What a till holds once its window is up (catalog, program, Qt wrappers: some 300,000
    objects) made each full collection take 100-170 ms, and CPython starts one inside whatever
    allocates next, a scan included. Frozen, a full collection walks only what came after.
    The previous shift's window is thawed and collected first, so nothing of it stays behind.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _in_language(language: str, resources: Path | None) -> tuple[QApplication, Translations]:
    app = ensure_application()
    QCoreApplication.setApplicationName("frontdesk")
    where = resources or default_resources()
    register_fonts(app, where)
    translations = Translations(where)
    translations.install(app, language)
    return app, translations


def prepare_application(
    language: str, resources: Path | None = None
) -> tuple[QApplication, Translations, ScanHub]:
    """The QApplication with the CJK font, the language and an app-wide wedge scanner filter."""
    app, translations = _in_language(language, resources)
    hub = ScanHub(app)
    wedge = WedgeScanFilter(hub, parent=hub)
    app.installEventFilter(wedge)
    return app, translations, hub


def run_setup(provisioner: Provisioner, language: str, resources: Path | None = None) -> bool:
    """The first-run setup screen on a till with no store; True once it has one."""
    from frontdesk.ui.setup import SetupDialog

    app, translations = _in_language(language, resources)
    try:
        dialog = SetupDialog(provisioner)
        dialog.showMaximized()
        return dialog.exec() == SetupDialog.DialogCode.Accepted and dialog.till_id is not None
    finally:
        translations.uninstall(app)  # the till's own start installs the language again


def run_till(
    backend: TillBackend,
    language: str = "zh_CN",
    resources: Path | None = None,
    hub: ScanHub | None = None,
    devices: DeviceSettings | None = None,
    receipts: ReceiptOutput | None = None,
    deferred: Sequence[Callable[[], object]] = (),
    sync: SyncControl | None = None,
    cards: CardOutput | None = None,
    program_problem: str | None = None,
    crashes: CrashHandler | None = None,
) -> int:
    """Run the till until the cashier leaves; the app passes the backend and, later, a serial hub.

    A serial reader delivers into the returned hub's `deliver()`; pass your own `hub` to share it.
    ``receipts`` is where committed operations' receipts go. Its printer and the ``deferred``
    jobs (a serial scanner, say) start once the login is on screen, so loading device drivers
    never delays the first window. ``sync`` is head office (its first sync starts with them),
    ``cards`` where new member cards go, ``program_problem`` why head office's program was
    refused (shown in the till window), ``crashes`` what catches an error escaping a slot.
    """
    app, translations, own_hub = prepare_application(language, resources)
    scans = hub or own_hub
    if hub is not None:
        own_hub.scanned.connect(hub.deliver)  # wedge scans join the caller's hub
        own_hub.refused.connect(hub.refused)
    runner = None if sync is None else SyncRunner(sync, app)
    starting = (*deferred, *(() if receipts is None else (receipts.start,)))
    for job in (*starting, *(() if runner is None else (runner.start,))):
        QTimer.singleShot(0, job)
    if crashes is not None:
        crashes.install()
    try:
        return _till_sessions(
            app, translations, backend, scans, devices, receipts, runner, cards, program_problem,
            crashes,
        )  # fmt: skip
    finally:
        if crashes is not None:
            crashes.uninstall()
        if runner is not None:
            runner.stop()


def _till_sessions(
    app: QApplication,
    translations: Translations,
    backend: TillBackend,
    scans: ScanHub,
    devices: DeviceSettings | None,
    receipts: ReceiptOutput | None,
    sync: SyncRunner | None,
    cards: CardOutput | None,
    program_problem: str | None,
    crashes: CrashHandler | None = None,
) -> int:
    """Login, shift and till window, again after each shift close, until the cashier leaves."""
    # The login and the manager screens are imported here: the selftest and a benchmark of
    # the bare window never pay for them.
    from frontdesk.ui.login import LoginDialog, OpenShiftDialog
    from frontdesk.ui.manager import ManagerDialog

    def toggle_language() -> None:
        translations.toggle(app)

    while True:
        login = LoginDialog(backend)
        login.language_toggled.connect(toggle_language)
        login.exec()
        session = login.session
        if session is None:
            return 0
        shift = OpenShiftDialog.ask(backend, session)
        if shift is None:
            continue
        window = TillWindow(
            backend,
            scans,
            session,
            shift,
            receipts=receipts,
            sync=sync,
            program_problem=program_problem,
        )
        window.language_toggled.connect(toggle_language)
        if crashes is not None:
            crashes.keep_sale_with(partial(keep_open_ticket, backend, window))
        closed: list[bool] = []

        def open_manager(
            page: object, window: TillWindow = window, closed: list[bool] = closed
        ) -> None:
            try:
                dialog = ManagerDialog(
                    backend,
                    scans,
                    window,
                    devices,
                    sync,
                    cards,
                    approval=window.manager_approval,
                    member=window.member,
                )
            except errors.DomainError as err:  # the approval expired or was used meanwhile
                window._show_error(err)
                return
            dialog.member_changed.connect(
                lambda member: (
                    window.refresh_member(member) if isinstance(member, MemberView) else None
                )
            )
            dialog.receipt_issued.connect(window.issue_receipt)
            dialog.shift_closed.connect(lambda _report: closed.append(True))
            dialog.show_page(str(page))
            dialog.exec()
            if closed:
                window.close()

        window.manager_requested.connect(open_manager)
        window.showMaximized()
        settle_heap()
        app.exec()
        window.deleteLater()
        if not closed:
            return 0


def run_selftest(
    backend: TillBackend,
    out: Path,
    staff_no: str,
    pin: str,
    language: str = "zh_CN",
    resources: Path | None = None,
) -> int:
    """Open the real till window for `staff_no`, save it as a PNG at `out` and return.

    Prints "ready" once the window is shown with the scan field focused (a benchmark times
    that line). The shift is the one still open, or a new one with an empty float.
    """
    app, _translations, hub = prepare_application(language, resources)
    try:
        session = backend.login(staff_no, pin)
        shift = backend.open_shift(Fen(0))
    except errors.DomainError as err:
        sys.stderr.write(error_text(err) + "\n")
        return 2
    window = TillWindow(backend, hub, session, shift)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    window.ui.scan_edit.setFocus()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (
        window.isVisible() and window.ui.scan_edit.hasFocus()
    ):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if not window.ui.scan_edit.hasFocus():
        sys.stderr.write("the scan field did not get the focus\n")
        return 1
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    app.processEvents()
    saved = window.grab().save(str(out), "PNG")
    window.close()
    window.deleteLater()
    if not saved:
        sys.stderr.write(f"could not write {out}\n")
        return 1
    sys.stdout.write(f"{out}\n")
    return 0
