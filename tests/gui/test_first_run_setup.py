"""First run on an empty database, by keyboard: the set-up dialog writes nothing until
the whole form is valid, then sets up the office and its first supervisor in one
transaction and opens the main window for that supervisor. A second PC joining the
same database only picks its office and counter (and printer), then logs in. Both on
an SQLite file and, where a test server runs, on a shared PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QWidget

from gasdesk import settings as keys
from gasdesk.services.office_setup import set_up_office
from gasdesk.settings import open_settings
from gasdesk.storage.db import URL_ENV, open_database
from gasdesk.storage.models import Account, AuditEvent, Counter, Office, Staff, TariffVersion, db
from gasdesk.ui.application import Controller, open_counter_database
from gasdesk.ui.join_dialog import JoinCounterDialog
from gasdesk.ui.login import LoginDialog
from gasdesk.ui.setup_dialog import SetUpDialog
from tests.helpers import settle, type_text
from tests.pg_support import backend, pg_url, reset_pg_schema  # noqa: F401

ENTER = Qt.Key.Key_Return
PASSWORD = "kaiye2026"


@pytest.fixture
def empty_counter_db(
    backend: str,  # noqa: F811
    tmp_path: Path,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str | None]:
    """An empty database as the application opens it: an SQLite file named with --db
    (made with --new), or the shared PostgreSQL database of GASDESK_DATABASE_URL."""
    if backend == "pg":
        url = request.getfixturevalue("pg_url")
        reset_pg_schema(url)
        monkeypatch.setenv(URL_ENV, url)
        assert open_counter_database(None) is False
        yield None
    else:
        path = tmp_path / "office.db"
        assert open_counter_database(str(path), new=True) is False
        yield str(path)
    db.close()


def enter(qtbot, widget: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget or QApplication.focusWidget(), ENTER)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def retype(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace the text of the focused field as a person would: select all, type."""
    widget = focused()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, widget, text)


def choose_pdf_folder(qtbot, dialog, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """On the printer combo: End picks 'PDF files in a folder' (the last entry, and
    the only one on a PC without printers), Enter moves to the folder."""
    assert focused() is dialog.printer.kind
    qtbot.keyClick(dialog.printer.kind, Qt.Key.Key_End)
    enter(qtbot)
    assert focused() is dialog.printer.folder
    retype(qtbot, str(folder))


def release(qtbot, worker, controller: Controller) -> None:  # type: ignore[no-untyped-def]
    """Log out as the application does, and let the main window and the login go."""
    settle(qtbot, worker)
    login = controller.log_out()
    login.close()
    login.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def written_rows() -> tuple[int, ...]:
    return (
        Office.select().count(),
        Counter.select().count(),
        Staff.select().count(),
        TariffVersion.select().count(),
        AuditEvent.select().count(),
    )


def run_first_set_up(qtbot, worker, tmp_path: Path, shared: bool) -> Controller:  # type: ignore[no-untyped-def]
    controller = Controller(worker, open_settings(), None, None)
    dialog = controller.start()
    assert isinstance(dialog, SetUpDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.others.isVisible() is shared

    # office: 萌水营业室 from offices.toml, its fields filled in; Enter walks through them
    assert focused() is dialog.preset and dialog.preset.currentData() == "MS"
    assert dialog.name.text() == "萌水营业室" and dialog.counters.value() == 3
    for expected in (dialog.code, dialog.name, dialog.address, dialog.phone, dialog.hours):
        enter(qtbot)
        assert focused() is expected
    enter(qtbot)
    assert focused() is dialog.counters
    enter(qtbot)
    if shared:  # the other offices of offices.toml, ticked
        assert focused() is dialog.others and dialog.others.isChecked()
        enter(qtbot)
    assert focused() is dialog.counter
    retype(qtbot, "2")
    enter(qtbot)
    choose_pdf_folder(qtbot, dialog, tmp_path / "receipts")
    qtbot.keyClick(focused(), Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # test print
    qtbot.waitUntil(lambda: dialog.printer.status.text() != "")
    slips = list((tmp_path / "receipts").glob("test-*.pdf"))
    assert len(slips) == 1, dialog.printer.status.text()
    width, _height = pdfium.PdfDocument(slips[0])[0].get_size()  # printed as on paper
    assert round(width / 72 * 25.4) == 80  # the 80 mm roll
    enter(qtbot, dialog.printer.folder)

    # supervisor, with a badge that breaks the rules and passwords that differ first
    before = written_rows()
    assert focused() is dialog.badge
    type_text(qtbot, dialog.badge, "M")
    enter(qtbot)
    type_text(qtbot, dialog.person, "张伟")
    enter(qtbot)
    qtbot.keyClicks(dialog.password, PASSWORD)
    enter(qtbot)
    qtbot.keyClicks(dialog.again, PASSWORD)
    enter(qtbot)
    assert dialog.error.text() != ""  # the badge: two characters at least
    assert written_rows() == before
    dialog.badge.setFocus()
    retype(qtbot, "ms09")
    qtbot.keyClicks(dialog.again, "x")
    dialog.again.setFocus()
    enter(qtbot)
    assert dialog.error.text() != "" and focused() is dialog.password
    assert dialog.password.text() == dialog.again.text() == ""
    assert written_rows() == before
    assert open_settings().get(keys.COUNTER_NUMBER) is None  # no settings either

    qtbot.keyClicks(dialog.password, PASSWORD)
    enter(qtbot)
    qtbot.keyClicks(dialog.again, PASSWORD)
    enter(qtbot)  # Enter in the last field sets up
    qtbot.waitUntil(lambda: controller.window is not None, timeout=15_000)
    return controller


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def test_first_run_sets_up_the_office_and_logs_the_supervisor_in(
    qtbot,
    worker,
    tmp_path,
    empty_counter_db,
    backend,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    shared = backend == "pg"
    controller = run_first_set_up(qtbot, worker, tmp_path, shared)
    window = controller.window
    assert window is not None
    session = window.ctx.session
    assert (session.staff.badge, session.staff.name) == ("MS09", "张伟")
    assert session.staff.is_supervisor
    assert (session.office.code, session.counter.number) == ("MS", 2)
    assert "萌水营业室" in window.windowTitle()

    ms = Office.get(Office.code == "MS")
    assert (ms.name, ms.phone, ms.hours) == (
        "萌水营业室",
        "0533-6886656",
        "08:30-12:00,13:30-17:00",
    )
    assert Counter.select().where(Counter.office == ms).count() == 3
    assert {t.user_type for t in TariffVersion.select()} == {"residential", "commercial"}
    assert Account.select().count() == 0
    kinds = [e.kind for e in AuditEvent.select().order_by(AuditEvent.seq)]
    assert kinds.count("login") == 1 and "office_set_up" in kinds
    if shared:  # once for the whole company: the other office too, without staff
        wc = Office.get(Office.code == "WC")
        assert Counter.select().where(Counter.office == wc).count() == 2
        assert Staff.select().where(Staff.office == wc).count() == 0
        assert kinds.count("office_set_up") == 2
    else:
        assert Office.select().count() == 1 and kinds.count("office_set_up") == 1

    settings = open_settings()
    assert settings.get(keys.COUNTER_OFFICE) == "MS"
    assert settings.get(keys.COUNTER_NUMBER) == 2
    assert settings.get(keys.OUTPUT_DIR) == str(tmp_path / "receipts")
    release(qtbot, worker, controller)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def test_a_second_counter_joins_by_picking_office_and_counter(
    qtbot,
    worker,
    tmp_path,
    empty_counter_db,
    backend,  # noqa: F811
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    first = run_first_set_up(qtbot, worker, tmp_path, backend == "pg")
    assert first.window is not None
    release(qtbot, worker, first)

    # the second PC: its own settings file, the same database
    monkeypatch.setenv("GASDESK_SETTINGS", str(tmp_path / "second-pc.ini"))
    before = written_rows()
    controller = Controller(worker, open_settings(), None, None)
    dialog = controller.start()
    assert isinstance(dialog, JoinCounterDialog)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert focused() is dialog.office and dialog.office_code() == "MS"
    enter(qtbot)
    assert focused() is dialog.counter
    qtbot.keyClick(dialog.counter, Qt.Key.Key_End)  # counter 3
    enter(qtbot)
    choose_pdf_folder(qtbot, dialog, tmp_path / "second-receipts")
    enter(qtbot)  # Enter in the last field joins
    qtbot.waitUntil(lambda: controller.login is not None)
    assert written_rows() == before  # joining writes nothing into the database
    settings = open_settings()
    assert (settings.get(keys.COUNTER_OFFICE), settings.get(keys.COUNTER_NUMBER)) == ("MS", 3)
    assert settings.get(keys.OUTPUT_DIR) == str(tmp_path / "second-receipts")

    login = controller.login
    assert isinstance(login, LoginDialog)
    assert login.selected_counter() is not None and login.selected_counter()[1] == 3
    qtbot.waitUntil(login.isActiveWindow)
    qtbot.keyClicks(login.badge, "MS09")
    enter(qtbot, login.badge)
    qtbot.keyClicks(login.password, PASSWORD)
    enter(qtbot, login.password)
    qtbot.waitUntil(lambda: controller.window is not None, timeout=10_000)
    window = controller.window
    assert (window.ctx.session.counter.number, window.ctx.session.staff.badge) == (3, "MS09")
    release(qtbot, worker, controller)

    # the next start of this PC goes straight to the login
    again = Controller(worker, open_settings(), None, None)
    login_again = again.start()
    qtbot.addWidget(login_again)
    assert isinstance(login_again, LoginDialog)


def test_a_counter_the_database_lacks_asks_again(qtbot, worker, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.db"
    open_database(path)
    set_up_office("MS", "MS09", "张伟", PASSWORD)
    settings = open_settings()
    settings.set(keys.COUNTER_OFFICE, "MS")
    settings.set(keys.COUNTER_NUMBER, 7)
    dialog = Controller(worker, settings, None, None).start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, JoinCounterDialog)
    assert "7" in dialog.intro.text() and "MS" in dialog.intro.text()
    db.close()


def test_set_up_elsewhere_in_the_meantime_leads_to_the_join_dialog(qtbot, worker, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.db"
    assert open_counter_database(str(path), new=True) is False
    controller = Controller(worker, open_settings(), None, None)
    dialog = controller.start()  # the controller releases it
    assert isinstance(dialog, SetUpDialog)
    worker.run_sync(set_up_office, "MS", "MS08", "李强", PASSWORD)  # another counter was quicker
    dialog.badge.setText("MS09")
    dialog.person.setText("张伟")
    dialog.password.setText(PASSWORD)
    dialog.again.setText(PASSWORD)
    dialog.printer.kind.setCurrentIndex(dialog.printer.kind.count() - 1)
    dialog.printer.folder.setText(str(tmp_path / "pdf"))
    dialog.submit()
    qtbot.waitUntil(lambda: controller.join_dialog is not None)
    qtbot.addWidget(controller.join_dialog)
    assert Staff.select().count() == 1  # MS09 was not added beside MS08
    assert open_settings().get(keys.COUNTER_NUMBER) is None
    db.close()
