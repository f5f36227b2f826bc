"""The teller browses the database's own folder in GasDesk's file and print dialogs:
no file there is opened (inotify sees every open()), the database and the files
beside it are not listed, and SQLite's POSIX locks on the database stay as they were
(/proc/locks). Qt's own file dialog opened each file to guess its type, and closing
that descriptor dropped every lock SQLite held (see ui/file_dialogs.py); the crash
that followed is tests/reliability/test_dialog_locks.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox, QToolButton, QTreeView

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.services import auth
from gasdesk.services.day_export import ExportError, export_day_csv
from gasdesk.settings import open_settings
from gasdesk.storage.models import Office, db
from gasdesk.ui.context import AppContext
from gasdesk.ui.file_dialogs import SafeFileDialog
from gasdesk.ui.pdf_preview import PdfPreview
from gasdesk.ui.tabs.dayend_tab import DayEndTab
from tests.dayend_support import Setup, seed
from tests.helpers import wait_idle
from tests.locks_support import OpenWatch, held_locks

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="/proc/locks and inotify")


@pytest.fixture
def setup(empty_database: Path) -> Setup:
    return seed()


@pytest.fixture
def day(setup: Setup, qtbot, worker):  # type: ignore[no-untyped-def]
    session = auth.login("MS01", DEMO_PASSWORD, setup.counter_ids[0])
    ctx = AppContext(session=session, worker=worker, settings=open_settings())
    tab = DayEndTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    qtbot.waitExposed(tab)
    wait_idle(qtbot, worker)
    tab.pages.setCurrentWidget(tab.day_panel)
    wait_idle(qtbot, worker)
    return tab.day_panel


def _listing(qtbot, dialog: QFileDialog, folder: Path, expect: set[str]) -> set[str]:  # type: ignore[no-untyped-def]
    """Go to `folder` as the teller would, wait until the names `expect` are listed,
    draw it (icons and types are asked for when drawn) and return the names shown."""
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setDirectory(str(folder))
    tree = dialog.findChild(QTreeView, "treeView")

    def shown() -> set[str]:
        model, root = tree.model(), tree.rootIndex()
        return {model.index(r, 0, root).data() for r in range(model.rowCount(root))}

    qtbot.waitUntil(lambda: expect <= shown())
    for _ in range(3):
        dialog.grab()
        qtbot.wait(100)
    return shown()


def _companions(database: Path) -> set[str]:
    return {p.name for p in database.parent.iterdir() if p.name.startswith(database.name)}


def test_the_export_dialog_in_the_database_folder_opens_nothing_and_keeps_the_locks(
    qtbot, day, empty_database: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = empty_database.parent
    (folder / "备份").mkdir()
    (folder / "上月.csv").write_text("x")
    db.execute_sql("SELECT COUNT(*) FROM payment").fetchone()  # this thread's connection
    locks = held_locks(empty_database)
    assert locks, "SQLite holds a lock on its file while connected"
    assert {"empty.db", "empty.db.key"} <= _companions(empty_database)
    watch = OpenWatch(folder)
    try:
        qtbot.mouseClick(day.export_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: day.file_dialog is not None and day.file_dialog.isVisible())
        dialog = day.file_dialog
        assert isinstance(dialog, SafeFileDialog)
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        assert Path(dialog.directory().absolutePath()).resolve() != folder.resolve()

        _listing(qtbot, dialog, folder, {"备份", "上月.csv"})
        dialog.setNameFilter("*")  # every file, as typing * in the name box does
        listed = _listing(qtbot, dialog, folder, {"备份", "上月.csv"})
        assert not listed & _companions(empty_database)  # the database is not shown
        assert watch.opened() == []  # nothing in the folder was opened
        assert held_locks(empty_database) == locks

        # typing the database's name is refused; nothing is written (stat() opens
        # nothing: reading the file here would itself drop SQLite's locks)
        before = os.stat(empty_database).st_mtime_ns
        chosen: list[str] = []
        dialog.fileSelected.connect(chosen.append)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        name.setText("empty.db")
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.refusal is not None and dialog.refusal.isVisible())
        assert "empty.db" in dialog.refusal.text()
        assert chosen == [] and dialog.isVisible()
        dialog.refusal.done(QMessageBox.StandardButton.Ok)
        dialog.reject()
        assert os.stat(empty_database).st_mtime_ns == before
        assert watch.opened() == []
        assert held_locks(empty_database) == locks
    finally:
        watch.close()


# The offscreen platform of the test run cannot raise a window or grab the keyboard
# (the completer's popup asks for both).
@pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)
def test_the_print_dialog_browsing_the_database_folder_opens_nothing(
    qtbot, setup: Setup, empty_database: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrintDialog

    folder = empty_database.parent
    (folder / "备份").mkdir()
    db.execute_sql("SELECT COUNT(*) FROM payment").fetchone()
    locks = held_locks(empty_database)
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.set_pdf(_a_pdf())
    preview.show()
    watch = OpenWatch(folder)
    try:
        preview.ask_print()
        dialog = preview.findChild(QPrintDialog, "printDialog")
        qtbot.waitUntil(dialog.isVisible)
        line = dialog.findChild(QLineEdit, "filename")
        line.setText(f"{folder}/")  # typed: its completer lists the folder
        line.completer().complete()
        qtbot.wait(300)
        dialog.findChild(QToolButton, "fileBrowser").click()
        chooser = dialog.findChild(SafeFileDialog, "printToFileDialog")
        assert chooser is not None and chooser.isVisible()  # ours, opened, not exec()'d
        assert Path(chooser.directory().absolutePath()).resolve() != folder.resolve()
        chooser.setNameFilter("*")
        listed = _listing(qtbot, chooser, folder, {"备份"})
        assert not listed & _companions(empty_database)
        assert watch.opened() == []
        assert held_locks(empty_database) == locks
        chooser.reject()
        dialog.reject()
    finally:
        watch.close()


def _a_pdf() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "GasDesk")
    canvas.save()
    return out.getvalue()


def test_the_export_refuses_the_database_as_its_file(setup: Setup, empty_database: Path) -> None:
    import datetime as dt

    before = empty_database.read_bytes()
    office = Office.get(Office.code == "MS")
    for target in (empty_database, empty_database.with_name("empty.db-wal")):
        with pytest.raises(ExportError, match="own database"):
            export_day_csv(office.id, dt.date.today(), target)
    assert empty_database.read_bytes() == before
