"""The first-run setup screen on a new till, keys only: a standalone store, or enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from frontdesk.config import SystemClock, load_program
from frontdesk.persistence.engine import open_database
from frontdesk.persistence.unit_of_work import SqlUnitOfWorkFactory
from frontdesk.provisioning import TillProvisioner
from frontdesk.services import staff
from frontdesk.services.context import TillContext
from frontdesk.ui.setup import SetupDialog


@pytest.fixture
def new_till(tmp_path: Path) -> Iterator[tuple[TillContext, TillProvisioner]]:
    db = tmp_path / "till.db"
    engine = open_database(db, create=True)
    ctx = TillContext(SqlUnitOfWorkFactory(engine), SystemClock(), load_program())
    yield ctx, TillProvisioner(ctx, db)
    engine.dispose()


def type_field(qtbot: QtBot, dialog: SetupDialog, text: str) -> None:
    """Into whatever has the focus, then Tab to the next field."""
    focused = dialog.focusWidget()
    assert isinstance(focused, QLineEdit)
    if text.isascii():
        qtbot.keyClicks(focused, text)
    else:
        focused.insert(text)  # Chinese arrives committed by the input method, not as key presses
    qtbot.keyClick(focused, Qt.Key.Key_Tab)


def test_a_new_till_becomes_a_standalone_store_from_the_keyboard(
    qtbot: QtBot, new_till: tuple[TillContext, TillProvisioner]
) -> None:
    ctx, provisioner = new_till
    assert not provisioner.is_set_up()
    dialog = SetupDialog(provisioner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert "这台电脑还没有门店" in dialog.intro.text()

    qtbot.keyClick(dialog, Qt.Key.Key_1)
    assert dialog.pages.currentWidget() is dialog.standalone_page
    for text in ("12", "", "南京路店", "9001", "王管理", "9001", "9002"):
        type_field(qtbot, dialog, text)  # the till number keeps its 1
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_label.text() == "两次输入的密码不一致"
    assert not provisioner.is_set_up()

    qtbot.keyClicks(dialog.admin_pin_again, "9001")
    qtbot.keyClick(dialog.admin_pin_again, Qt.Key.Key_Return)

    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.till_id == "012-01"
    assert provisioner.is_set_up()
    person = staff.login(ctx, "9001", "9001")  # the first admin can sign in at the login screen
    assert person.role == "admin"


def test_enrolment_refuses_a_mistyped_code_in_chinese_and_esc_goes_back(
    qtbot: QtBot, new_till: tuple[TillContext, TillProvisioner]
) -> None:
    _ctx, provisioner = new_till
    dialog = SetupDialog(provisioner)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)

    qtbot.keyClick(dialog, Qt.Key.Key_2)
    assert dialog.pages.currentWidget() is dialog.enrol_page
    type_field(qtbot, dialog, "7-2.short")
    type_field(qtbot, dialog, "hq.example.cn")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.error_label.text().startswith("注册码格式不对")
    assert dialog.isVisible()
    assert not provisioner.is_set_up()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.pages.currentIndex() == 0
    assert dialog.error_label.text() == ""


def test_the_till_on_a_new_machine_opens_the_setup_not_the_login(
    new_till: tuple[TillContext, TillProvisioner],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import frontdesk.app as app
    from frontdesk.ui import login

    shown: list[str] = []

    def setup_closed(_provisioner: object, language: str, _resources: object) -> bool:
        shown.append(language)
        return False  # the person closed it: the till stays new

    def login_shown(_dialog: object) -> int:
        shown.append("login")
        return 0

    monkeypatch.setattr(app, "run_setup", setup_closed)
    monkeypatch.setattr(login.LoginDialog, "exec", login_shown)
    engine = open_database(tmp_path / "till.db")
    ctx = TillContext(SqlUnitOfWorkFactory(engine), SystemClock(), load_program())
    try:
        assert app.run_till_app(engine, ctx, "zh_CN") == 0
    finally:
        engine.dispose()
    assert shown == ["zh_CN"]  # the setup, and no login behind it when it is closed
