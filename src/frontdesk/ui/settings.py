"""The device settings page: scanner and receipt printer, saved to the device file, with checks."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.services.device_settings import (
    CheckOutcome,
    DeviceSettings,
    DeviceSettingsForm,
    DeviceSettingsInvalid,
)
from frontdesk.ui.function_keys import KeyedPage


class _CheckRelay(QObject):
    """Carries a check's outcome from its worker thread back to the GUI thread (queued)."""

    done = Signal(object)


class DeviceSettingsPage(KeyedPage):
    """Scanner port, speed and framing; printer connection and paper; 测试扫描 / 测试打印.

    Signals:
        saved(): the settings were written.
        check_finished(object): the CheckOutcome of a scan or print test.
    """

    saved = Signal()
    check_finished = Signal(object)

    def __init__(self, devices: DeviceSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._devices = devices
        choices = devices.choices()
        form = QFormLayout()
        self.port_caption, self.port_edit = QLabel(self), QLineEdit(self)
        self.baud_caption, self.baud_combo = QLabel(self), QComboBox(self)
        self.framing_caption, self.framing_combo = QLabel(self), QComboBox(self)
        self.backend_caption, self.backend_combo = QLabel(self), QComboBox(self)
        self.host_caption, self.host_edit = QLabel(self), QLineEdit(self)
        self.printer_port_caption, self.printer_port_spin = QLabel(self), QSpinBox(self)
        self.paper_caption, self.paper_combo = QLabel(self), QComboBox(self)
        self.display_port_caption, self.display_port_edit = QLabel(self), QLineEdit(self)
        self.display_baud_caption, self.display_baud_combo = QLabel(self), QComboBox(self)
        self.pole_caption, self.pole_combo = QLabel(self), QComboBox(self)
        self.printer_port_spin.setRange(1, 65535)
        for combo, key in (
            (self.baud_combo, "baudrate"),
            (self.framing_combo, "framing"),
            (self.backend_combo, "backend"),
            (self.paper_combo, "paper"),
            (self.display_baud_combo, "display_baudrate"),
            (self.pole_combo, "pole"),
        ):
            combo.addItems(list(choices.get(key, ())))
        # The serial ports this machine has (COM3… on Windows, /dev/ttyACM0… on Linux): offered
        # as the scanner port is typed, and shown while the field is empty.
        ports = list(choices.get("ports", ()))
        self.port_edit.setCompleter(QCompleter(ports, self.port_edit))
        self.port_edit.setPlaceholderText("  ".join(ports))
        self.display_port_edit.setCompleter(QCompleter(ports, self.display_port_edit))
        for caption, field in (
            (self.port_caption, self.port_edit),
            (self.baud_caption, self.baud_combo),
            (self.framing_caption, self.framing_combo),
            (self.backend_caption, self.backend_combo),
            (self.host_caption, self.host_edit),
            (self.printer_port_caption, self.printer_port_spin),
            (self.paper_caption, self.paper_combo),
            (self.display_port_caption, self.display_port_edit),
            (self.display_baud_caption, self.display_baud_combo),
            (self.pole_caption, self.pole_combo),
        ):
            form.addRow(caption, field)
        self.save_button = QPushButton(self)
        self.test_scan_button = QPushButton(self)
        self.test_print_button = QPushButton(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_scan_button)
        buttons.addWidget(self.test_print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._relay = _CheckRelay(self)
        self._relay.done.connect(self._on_check_done, Qt.ConnectionType.QueuedConnection)
        self.keys.bind(self.save_button, "F2")
        self.keys.bind(self.test_scan_button, "F3")
        self.keys.bind(self.test_print_button, "F4")
        self.save_button.clicked.connect(self._on_save_clicked)
        for edit in (self.port_edit, self.host_edit, self.display_port_edit):
            edit.returnPressed.connect(self._on_save_clicked)
        self.test_scan_button.clicked.connect(lambda: self._run_check(self._devices.test_scan))
        self.test_print_button.clicked.connect(lambda: self._run_check(self._devices.test_print))
        self._show(devices.load())
        self._retranslate()

    def _retranslate(self) -> None:
        self.port_caption.setText(self.tr("Scanner port (empty: keyboard scanner only)"))
        self.baud_caption.setText(self.tr("Baud rate"))
        self.framing_caption.setText(self.tr("Line end"))
        self.backend_caption.setText(self.tr("Printer connection"))
        self.host_caption.setText(self.tr("Printer address"))
        self.printer_port_caption.setText(self.tr("Printer TCP port"))
        self.paper_caption.setText(self.tr("Paper"))
        self.display_port_caption.setText(self.tr("Customer display port (empty: none)"))
        self.display_baud_caption.setText(self.tr("Customer display baud rate"))
        self.pole_caption.setText(self.tr("Customer display kind"))
        self.keys.label(self.save_button, self.tr("Save"))
        self.keys.label(self.test_scan_button, self.tr("Test scan"))
        self.keys.label(self.test_print_button, self.tr("Test print"))

    def _show(self, form: DeviceSettingsForm) -> None:
        self.port_edit.setText(form.scanner_port)
        self.baud_combo.setCurrentText(str(form.scanner_baudrate))
        self.framing_combo.setCurrentText(form.scanner_framing)
        self.backend_combo.setCurrentText(form.printer_backend)
        self.host_edit.setText(form.printer_host)
        self.printer_port_spin.setValue(form.printer_port)
        self.paper_combo.setCurrentText(form.paper)
        self.display_port_edit.setText(form.display_port)
        self.display_baud_combo.setCurrentText(str(form.display_baudrate))
        self.pole_combo.setCurrentText(form.display_pole)

    def form(self) -> DeviceSettingsForm:
        return DeviceSettingsForm(
            scanner_port=self.port_edit.text().strip(),
            scanner_baudrate=int(self.baud_combo.currentText()),
            scanner_framing=self.framing_combo.currentText(),
            printer_backend=self.backend_combo.currentText(),
            printer_host=self.host_edit.text().strip(),
            printer_port=self.printer_port_spin.value(),
            paper=self.paper_combo.currentText(),
            display_port=self.display_port_edit.text().strip(),
            display_baudrate=int(self.display_baud_combo.currentText() or "2400"),
            display_pole=self.pole_combo.currentText() or "led",
        )

    @Slot()
    def _on_save_clicked(self) -> None:
        try:
            self._devices.save(self.form())
        except DeviceSettingsInvalid as err:
            self.result_label.setText(str(err))
            return
        self.result_label.setText(
            self.tr(
                "Saved. The printer, the scanner and the customer display use them now,"
                " without a restart."
            )
        )
        self.saved.emit()

    def _run_check(self, check: Callable[[DeviceSettingsForm], CheckOutcome]) -> None:
        # A scan test waits seconds for a barcode: never on the GUI thread.
        form = self.form()
        for button in (self.test_scan_button, self.test_print_button):
            button.setEnabled(False)
        self.result_label.setText(self.tr("Testing…"))
        relay = self._relay

        def work() -> None:
            try:
                outcome = check(form)
            except Exception as exc:  # a driver bug must still end the test on screen
                outcome = CheckOutcome(False, str(exc))
            # The page may have closed while the check ran; then nobody is waiting for it.
            with contextlib.suppress(RuntimeError):
                relay.done.emit(outcome)

        threading.Thread(target=work, name="device-check", daemon=True).start()

    @Slot(object)
    def _on_check_done(self, outcome: CheckOutcome) -> None:
        for button in (self.test_scan_button, self.test_print_button):
            button.setEnabled(True)
        text = outcome.message + (f"（{outcome.detail}）" if outcome.detail else "")
        self.result_label.setText(("✔ " if outcome.ok else "✘ ") + text)
        self.check_finished.emit(outcome)
