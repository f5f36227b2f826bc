"""Starting the GUI: settings, translations, font check, database, login, main window."""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from gasdesk.domain.records import LoginSession
from gasdesk.resources import TRANSLATION, resource_path, shipped_fonts
from gasdesk.services import offices as office_service
from gasdesk.settings import (
    DB_PATH,
    UI_LANGUAGE,
    Settings,
    open_settings,
)
from gasdesk.storage.errors import DatabaseOpenError
from gasdesk.ui.context import AppContext
from gasdesk.ui.counter_place import counter_place, keep_counter_place
from gasdesk.ui.login import LoginDialog
from gasdesk.ui.messages import user_text
from gasdesk.ui.worker import DbWorker

if TYPE_CHECKING:
    from gasdesk.ui.join_dialog import JoinCounterDialog
    from gasdesk.ui.main_window import MainWindow
    from gasdesk.ui.setup_dialog import SetUpDialog

FONT_HINT = "apt-get install fonts-wqy-microhei"


def ui_language(settings: Settings, requested: str | None = None) -> str:
    """The interface language: `--lang`, else the counter's setting (Chinese unless
    English was chosen)."""
    return requested or settings.get(UI_LANGUAGE)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Simplified Chinese (default) loads GasDesk's and Qt's own translations; English
    uses the source strings."""
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    loaded = []
    ours = QTranslator(app)
    with resource_path(TRANSLATION) as qm:
        loaded_ours = ours.load(str(qm))
    if loaded_ours:
        app.installTranslator(ours)
        loaded.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        loaded.append(qt)
    return loaded


# the screen font where the system has one of these; else the first Chinese family
PREFERRED_FAMILIES = ("WenQuanYi Micro Hei", "Microsoft YaHei", "WenQuanYi Zen Hei")


def add_shipped_fonts() -> list[str]:
    """Give Qt the Chinese font an application bundle carries, so that a PC without
    one shows Chinese as well; return the families added (none from a source tree)."""
    families: list[str] = []
    for path in shipped_fonts():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return families


def has_cjk_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def apply_font(app: QApplication, shipped: Sequence[str] = ()) -> None:
    """The application's font: the shipped one (what the bundle was tested with), else
    a preferred system font, else the first Chinese family."""
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for wanted in (*shipped, *PREFERRED_FAMILIES):
        # Qt names a family found from two foundries 'Family [Foundry]'
        preferred = [f for f in families if f == wanted or f.startswith(f"{wanted} [")]
        if preferred:
            break
    else:
        preferred = families
    if preferred:
        font = QFont(preferred[0])
        font.setPointSize(11)
        app.setFont(font)


def fail(message: str, code: int, detail: str = "") -> int:
    """Say why the application stops (stderr, and a message box on a desktop); the
    system's own words, if any, go to stderr only."""
    print(f"gasdesk: {message}", file=sys.stderr)
    if detail:
        print(f"gasdesk: ({detail})", file=sys.stderr)
    if QApplication.instance() is not None and QApplication.platformName() not in (
        "offscreen",
        "minimal",
    ):
        QMessageBox.critical(None, "GasDesk", message)
    return code


class Controller(QObject):
    """First run (set-up) or joining a counter, login, main window, log out, login
    again."""

    def __init__(
        self, worker: DbWorker, settings: Settings, office: str | None, counter: int | None
    ) -> None:
        super().__init__()
        self.worker = worker
        self.settings = settings
        stored_office, stored_counter = counter_place(settings)
        self.office_code: str | None = office.strip().upper() if office else stored_office
        self.counter_number: int | None = counter if counter is not None else stored_counter
        self.window: MainWindow | None = None
        self.login: LoginDialog | None = None
        self.setup_dialog: SetUpDialog | None = None
        self.join_dialog: JoinCounterDialog | None = None
        self._load_places()

    def _load_places(self) -> None:
        self.offices = self.worker.run_sync(office_service.list_offices)
        self.counters = {
            o.id: self.worker.run_sync(office_service.list_counters, o.id) for o in self.offices
        }

    def place_known(self) -> bool:
        """Whether this PC's office and counter are a counter of the database."""
        office = next((o for o in self.offices if o.code == self.office_code), None)
        return office is not None and any(
            c.number == self.counter_number for c in self.counters.get(office.id, [])
        )

    def start(self) -> QDialog:
        """The first window: the set-up of an empty database, the choice of this PC's
        counter when its settings name none (or one the database lacks), else the
        login."""
        from gasdesk.services.office_setup import is_set_up

        if not self.worker.run_sync(is_set_up):
            return self.show_set_up()
        if not self.place_known():
            return self.show_join()
        return self.show_login()

    def show_set_up(self) -> SetUpDialog:
        from gasdesk.services.about import database_facts
        from gasdesk.ui.setup_dialog import SetUpDialog

        facts = self.worker.run_sync(database_facts)
        dialog = SetUpDialog(self.worker, self.settings, shared=facts.shared, where=facts.where)
        dialog.logged_in.connect(self._set_up_and_logged_in)
        dialog.already_set_up.connect(self._set_up_elsewhere)
        dialog.set_up_without_login.connect(self._set_up_elsewhere)
        self.setup_dialog = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _forget_set_up(self) -> None:
        if self.setup_dialog is not None:
            self.setup_dialog.deleteLater()
            self.setup_dialog = None
        self._load_places()
        self.office_code, self.counter_number = counter_place(self.settings)

    def _set_up_and_logged_in(self, session: LoginSession) -> None:
        self._forget_set_up()
        self.open_main(session)

    def _set_up_elsewhere(self) -> None:
        self._forget_set_up()
        self.start()

    def show_join(self) -> JoinCounterDialog:
        from gasdesk.ui.join_dialog import JoinCounterDialog

        dialog = JoinCounterDialog(
            self.settings, self.offices, self.counters, self.office_code, self.counter_number
        )
        dialog.joined.connect(self._joined)
        self.join_dialog = dialog
        dialog.show()
        dialog.activateWindow()
        return dialog

    def _joined(self, office_code: str, number: int) -> None:
        self.office_code, self.counter_number = office_code, number
        if self.join_dialog is not None:
            self.join_dialog.deleteLater()
            self.join_dialog = None
        self.show_login()

    def show_login(self) -> LoginDialog:
        self.login = LoginDialog(
            self.worker, self.offices, self.counters, self.office_code, self.counter_number
        )
        self.login.logged_in.connect(self.open_main)
        self.login.show()
        self.login.activateWindow()
        return self.login

    def open_main(self, session: LoginSession) -> MainWindow:
        from gasdesk.ui.main_window import MainWindow

        self.office_code = session.office.code
        self.counter_number = session.counter.number
        keep_counter_place(self.settings, session.office.code, session.counter.number)
        ctx = AppContext(session=session, worker=self.worker, settings=self.settings)
        if self.login is not None:
            self.login.deleteLater()  # one login dialog per log-in, never kept
            self.login = None
        self.window = MainWindow(ctx)
        self.window.logged_out.connect(self.log_out)
        self.window.show()
        self.window.activateWindow()
        return self.window

    def log_out(self) -> LoginDialog:
        """Release the teller's window with everything it holds (its timers, its
        connections to the worker, the customer display), then ask for a login."""
        window, self.window = self.window, None
        if window is not None:
            window.hide()
            self.worker.forget_submitted()  # nothing calls back into the released window
            window.ctx.close()
            window.deleteLater()
        return self.show_login()


def preload_main_window() -> None:
    """Import the main window's modules (its tabs, reportlab, QtPdf: about half of
    the start-up imports) on another thread while the teller types the badge and
    password, so that neither the login window nor the login waits for them."""
    threading.Thread(
        target=importlib.import_module,
        args=("gasdesk.ui.main_window",),
        name="gasdesk-preload",
        daemon=True,
    ).start()


def watch_startup_check(app: QApplication) -> None:
    """Close the application with the check's message if the start-up check running
    beside the login window finds the database damaged (nothing is written before
    its verdict in any case: write_transaction() waits for it)."""
    from gasdesk.storage.db import deferred_check

    check = deferred_check()
    if check is None:
        return
    timer = QTimer(app)
    timer.setInterval(50)

    def poll() -> None:
        if not check.done:
            return
        timer.stop()
        error = check.error()
        if error is not None:
            app.exit(fail(user_text(error), 2, error.detail))

    timer.timeout.connect(poll)
    timer.start()


def open_counter_database(db_path: str | None, *, new: bool = False) -> bool:
    """Open the database (its start-up check runs beside the login window). Returns
    True when it is the demo database on its first start, which then needs the demo
    data set; any other database without an office and staff gets the set-up dialog
    (demo data is never written into a database the user named or a shared one). A
    named file that is not there is refused unless `new` asks for it."""
    from gasdesk.services.office_setup import is_set_up
    from gasdesk.storage.db import is_default_database, open_database
    from gasdesk.storage.models import Office

    # only the demo database, or one asked for with --new, is made by the application
    must_exist = not (new or is_default_database(db_path))
    open_database(db_path, check_in_background=True, must_exist=must_exist)
    if is_set_up():
        return False
    return is_default_database(db_path) and Office.select().count() == 0


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("GasDesk")
    # Qt's own dialogs only: a platform one (GTK) in the process would open every file
    # of a folder it shows, the database's too (see ui/file_dialogs.py)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    settings = open_settings()
    install_translators(app, ui_language(settings, args.lang))
    shipped = add_shipped_fonts()
    if not has_cjk_font():
        return fail(
            f"No Chinese font is installed, so text would show as boxes. Install one: {FONT_HINT}",
            3,
        )
    apply_font(app, shipped)
    db_path = args.db or settings.get(DB_PATH)
    try:
        needs_demo = open_counter_database(db_path, new=bool(getattr(args, "new", False)))
    except DatabaseOpenError as exc:
        return fail(user_text(exc), 2, exc.detail)
    worker = DbWorker()
    started: list[Controller] = []

    def start_counter() -> None:
        controller = Controller(worker, settings, args.office, args.counter)
        started.append(controller)
        controller.start()
        watch_startup_check(app)
        preload_main_window()

    if needs_demo:
        from gasdesk.ui.first_start import DemoBuildWindow

        builder = DemoBuildWindow(db_path)

        def built(error: object) -> None:
            if isinstance(error, BaseException):
                app.exit(fail(user_text(error), 1))
            else:
                start_counter()

        builder.finished.connect(built)
        builder.start()
    else:
        start_counter()
    code = app.exec()
    worker.shutdown()
    return int(code)
