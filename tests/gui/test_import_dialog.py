"""The supervisor's import screen, driven as a supervisor would: Ctrl+O, the file
chosen in GasDesk's file dialog, the check with its preview and refusals, the box to
leave out refused rows, Ctrl+Enter to import; then the database and the screen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMenu

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.import_columns import ACCOUNTS
from gasdesk.domain.imports import ImportOptions
from gasdesk.domain.text import UserError
from gasdesk.services import auth, offices
from gasdesk.services.import_common import NOT_SUPERVISOR
from gasdesk.services.imports import import_file
from gasdesk.settings import open_settings
from gasdesk.storage import audit_verify
from gasdesk.storage.models import Account, ImportBatch, Meter
from gasdesk.ui.context import AppContext
from gasdesk.ui.imports.dialog import ImportDialog
from gasdesk.ui.main_window import MainWindow
from tests import english_scan
from tests.english_scan import english_on
from tests.helpers import settle
from tests.import_support import ACCOUNT_HEADER, READING_HEADER, account_rows, write_csv

zh = english_scan.zh


def login(badge: str):  # type: ignore[no-untyped-def]
    counter = offices.find_counter(badge[:2], 1)
    assert counter is not None
    return auth.login(badge, DEMO_PASSWORD, counter.id)


@pytest.fixture
def dialog(database, worker, qtbot):  # type: ignore[no-untyped-def]
    ctx = AppContext(session=login("MS09"), worker=worker, settings=open_settings())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    settle(qtbot, worker)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_I, ctrl_shift)
    found = window.import_dialog
    assert isinstance(found, ImportDialog) and found.isVisible()
    found.resize(1366, 700)
    found.activateWindow()
    qtbot.waitUntil(found.isActiveWindow)
    yield found
    settle(qtbot, worker)


def choose(qtbot, dialog: ImportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    chooser = dialog.file_dialog
    assert chooser is not None and chooser.isVisible()
    chooser.selectFile(str(path))
    chooser.accept()
    dialog.activateWindow()  # the offscreen platform does not hand it back by itself
    qtbot.waitUntil(dialog.isActiveWindow)
    settle(qtbot, dialog.ctx.worker)


def test_a_supervisor_checks_then_imports_the_good_rows(  # type: ignore[no-untyped-def]
    zh, dialog: ImportDialog, qtbot, tmp_path: Path
) -> None:
    rows = account_rows(4)
    rows[2][2] = "3.70303E+17"  # the ID number as Excel saved it
    path = write_csv(tmp_path / "客户档案.csv", ACCOUNT_HEADER, rows, "gbk")
    accounts_before = Account.select().count()
    moves: list[int] = []
    dialog.progress.valueChanged.connect(moves.append)

    choose(qtbot, dialog, path)

    assert dialog.file_label.text() == "客户档案.csv"
    assert dialog.preview_model.rowCount() == 3  # the rows that read well, as stored
    assert dialog.preview_model.headerData(1, Qt.Orientation.Horizontal) == "户号"
    assert dialog.preview_model.data(dialog.preview_model.index(0, 1)) == "39000001"
    assert dialog.refusal_model.rowCount() == 1
    refusal = [dialog.refusal_model.data(dialog.refusal_model.index(0, c)) for c in range(4)]
    assert refusal[:3] == ["4", "身份证号", "3.70303E+17"]
    assert "科学计数法" in refusal[3]
    assert "被拒 1" in dialog.summary.text()
    assert dialog.pages.currentIndex() == 1  # the refusals are what needs attention
    assert not dialog.import_button.isEnabled()  # all or nothing
    assert Account.select().count() == accounts_before
    dialog.grab().save(str(tmp_path / "import-checked.png"))

    box = QPoint(8, dialog.skip.height() // 2)  # on the box, where a supervisor clicks
    qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton, pos=box)
    assert dialog.import_button.isEnabled()
    moves.clear()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, dialog.ctx.worker)

    assert Account.select().count() == accounts_before + 3
    batch = ImportBatch.get()
    assert (batch.file_name, batch.rows_new, batch.imported_by) == ("客户档案.csv", 3, "MS09 张伟")
    assert Meter.select().where(Meter.import_batch == batch.id).count() == 3
    assert f"批次 {batch.id}" in dialog.summary.text()
    assert dialog.progress.value() == 100
    assert any(0 < v < 100 for v in moves), moves  # the bar moved on its way
    assert not dialog.import_button.isEnabled()
    assert audit_verify.verify().ok
    assert english_on(dialog) == []
    dialog.pages.setCurrentIndex(0)
    assert english_on(dialog) == []  # the preview shows types by their names
    dialog.grab().save(str(tmp_path / "import-done.png"))


def test_an_unreadable_file_is_named_and_nothing_is_written(  # type: ignore[no-untyped-def]
    zh, dialog: ImportDialog, qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "旧表.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)
    choose(qtbot, dialog, path)
    assert ".xlsx" in dialog.summary.text() and "另存为" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert ImportBatch.select().count() == 0


def test_a_teller_has_no_import_and_the_service_refuses_one(  # type: ignore[no-untyped-def]
    database, worker, qtbot
) -> None:
    ctx = AppContext(session=login("MS01"), worker=worker, settings=open_settings())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    texts = [a.text() for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    assert "Lock the screen" in texts
    assert not any("Import" in t for t in texts)
    with pytest.raises(UserError) as refused:
        import_file(
            ACCOUNTS, Path("/nonexistent.csv"), ImportOptions(staff_id=ctx.session.staff.id)
        )
    assert refused.value.template == NOT_SUPERVISOR


def test_a_reading_round_shows_what_it_bills_before_it_is_imported(  # type: ignore[no-untyped-def]
    zh, dialog: ImportDialog, qtbot, tmp_path: Path
) -> None:
    from gasdesk.storage.models import Reading, db

    rows = db.execute_sql(
        "SELECT m.number, MAX(r.value_l) FROM meter m JOIN reading r ON r.meter_id = m.id "
        "JOIN account a ON a.id = m.account_id WHERE m.kind = 'mechanical' "
        "AND m.removed_on IS NULL AND a.status = 'active' GROUP BY m.id ORDER BY m.id LIMIT 3"
    ).fetchall()
    day = dt.date.today().isoformat()
    lines = [
        [number, day, f"{(top + 5000) // 1000}.{(top + 5000) % 1000:03d}", "远传", ""]
        for number, top in rows
    ]
    path = write_csv(tmp_path / "抄表.csv", READING_HEADER, lines, "gbk")
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)  # 抄表读数
    assert dialog.kind.currentData() == "readings"
    before = Reading.select().count()
    choose(qtbot, dialog, path)
    assert "本轮：出账读数 3 个（15 m³）" in dialog.summary.text(), dialog.summary.text()
    assert dialog.import_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, dialog.ctx.worker)
    assert Reading.select().count() == before + 3
    assert english_on(dialog) == []
