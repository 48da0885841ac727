"""打印会员卡 from the manager screens on the real store: the PDF, its text and its barcode."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from frontdesk.domain.money import Fen
from frontdesk.hardware.config import DeviceConfig, save_config
from frontdesk.printing_setup import PdfCardOutput
from frontdesk.services.till_facade import ServicesTillBackend
from frontdesk.services.till_port import MemberView
from frontdesk.ui.approval import ApprovalDialog
from frontdesk.ui.manager import ManagerDialog
from tests.ui.drivers import ManagerAtHand, log_in, open_shift
from tests.ui.real_store import MANAGER_NO, MANAGER_PIN, RealStore


def read_back(pdf: Path) -> tuple[str, list[str]]:
    """The card's text (pdftotext) and what a scanner reads off its barcode at 300 dpi."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    png = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(pdf), str(png)], check=True)
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", f"{png}.png"], capture_output=True, text=True, check=False
    )
    return text.stdout, scanned.stdout.split()


def manager(qtbot: QtBot, store: RealStore, devices: Path | None) -> ManagerDialog:
    store.backend.login(MANAGER_NO, MANAGER_PIN)
    store.backend.open_shift(Fen(0))
    cards = PdfCardOutput(devices, store.engine_path, lambda: "示范便利店")
    dialog = ManagerDialog(store.backend, cards=cards)
    qtbot.addWidget(dialog)
    return dialog


def test_a_registered_members_card_is_printed_on_request_beside_the_database(
    qtbot: QtBot, zh: None, real_store: RealStore
) -> None:
    dialog = manager(qtbot, real_store, None)
    page = dialog.register_page
    qtbot.keyClicks(page.ui.phone_edit, "13700001111")
    page.ui.name_edit.insert("王小芳")  # Chinese arrives through the IME, not keys
    qtbot.keyClicks(page.ui.pin_edit, "582046")
    qtbot.keyClicks(page.pin_confirm_edit, "582046")
    page.ui.consent_terms_check.setChecked(True)
    with qtbot.waitSignal(page.member_registered) as registered:
        page.ui.register_button.click()
    card_no = registered.args[0].card_no
    assert page.card_printing.button.isEnabled()

    with qtbot.waitSignal(page.card_printing.card_printed) as printed:
        page.card_printing.button.click()

    pdf = Path(printed.args[0])
    assert pdf.parent == real_store.engine_path.parent / "cards"
    assert str(pdf) in page.ui.result_label.text()
    text, scanned = read_back(pdf)
    assert card_no in text
    assert "王*芳" in text
    assert "王小芳" not in text
    assert scanned == [card_no]


def test_a_reissued_card_is_printed_at_once_into_the_configured_pdf_folder(
    qtbot: QtBot,
    zh: None,
    real_store: RealStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    devices = tmp_path / "till.db.devices.toml"
    save_config(DeviceConfig(pdf_folder=str(tmp_path / "card-printer")), devices)
    monkeypatch.setattr(ApprovalDialog, "ask", ManagerAtHand(qtbot))
    dialog = manager(qtbot, real_store, devices)
    page = dialog.card_page
    page.card.edit.setText(real_store.lost)
    page.phone_edit.insert("13500005555")
    page.name_edit.insert("陈静")  # Chinese arrives through the IME, not keys

    with qtbot.waitSignal(page.card_printing.card_printed) as printed:
        page.reissue_button.click()

    pdf = Path(printed.args[0])
    new_card = page.card.text()
    assert new_card != real_store.lost
    assert pdf.parent == tmp_path / "card-printer"
    assert str(pdf) in page.result_label.text()
    text, scanned = read_back(pdf)
    assert new_card in text
    assert "陈*" in text
    assert scanned == [new_card]


class ThreadRecordingCards:
    """A card output that writes nothing and notes the thread each card was made on."""

    automatic = False

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []

    def print_card(self, member: MemberView) -> str:
        self.threads.append(threading.current_thread())
        return f"cards/{member.card_no}.pdf"


def test_the_card_pdf_is_made_off_the_gui_thread_and_its_path_shown(
    qtbot: QtBot, zh: None, backend: ServicesTillBackend
) -> None:
    open_shift(qtbot, backend, log_in(qtbot, backend))
    cards = ThreadRecordingCards()
    dialog = ManagerDialog(backend, cards=cards)
    qtbot.addWidget(dialog)
    page = dialog.register_page
    qtbot.keyClicks(page.ui.phone_edit, "13700001111")
    page.ui.name_edit.insert("王小芳")  # Chinese arrives through the IME, not keys
    qtbot.keyClicks(page.ui.pin_edit, "582046")
    qtbot.keyClicks(page.pin_confirm_edit, "582046")
    page.ui.consent_terms_check.setChecked(True)
    with qtbot.waitSignal(page.member_registered) as registered:
        qtbot.keyClick(page.ui.pin_edit, Qt.Key.Key_F2)
    card_no = registered.args[0].card_no

    with qtbot.waitSignal(page.card_printing.card_printed) as printed:
        qtbot.keyClick(page.ui.pin_edit, Qt.Key.Key_F3)

    assert printed.args[0] == f"cards/{card_no}.pdf"
    assert len(cards.threads) == 1
    assert cards.threads[0] is not threading.main_thread()
    assert f"cards/{card_no}.pdf" in page.ui.result_label.text()
    assert page.card_printing.button.isEnabled()
