"""The main window the tellers live in: customer bar, four tabs, phrase dock, status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.records import AccountSummary
from gasdesk.settings import UI_LANGUAGE
from gasdesk.ui.context import AppContext
from gasdesk.ui.customer_bar import CustomerBar
from gasdesk.ui.device_check import DeviceCheckDialog
from gasdesk.ui.fees.tab import FeesTab
from gasdesk.ui.focus import focus_first_field
from gasdesk.ui.idle_lock import IdleLock
from gasdesk.ui.job_errors import JobErrorNotice
from gasdesk.ui.phrase_panel import PhrasePanel
from gasdesk.ui.status import CounterStatusBar
from gasdesk.ui.tabs.dayend_tab import DayEndTab
from gasdesk.ui.tabs.forms_tab import FormsTab
from gasdesk.ui.tabs.records_tab import RecordsTab
from gasdesk.ui.window_fit import keep_main_window, restore_main_window

# (attribute, shortcut) in tab order; titles are translated in _titles()
TAB_KEYS = (("forms", "F2"), ("fees", "F3"), ("records", "F4"), ("dayend", "F5"))


class MainWindow(QMainWindow):
    logged_out = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        s = ctx.session
        self.setWindowTitle(
            self.tr("GasDesk — {office}, counter {counter}").format(
                office=s.office.name, counter=s.counter.number
            )
        )

        self.customer_bar = CustomerBar(ctx)
        self.customer_bar.enter_form.connect(self.focus_form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.forms_tab = FormsTab(ctx)
        self.fees_tab = FeesTab(ctx)
        self.records_tab = RecordsTab(ctx)
        self.dayend_tab = DayEndTab(ctx)
        titles = self._titles()
        for attr, key in TAB_KEYS:
            self.tabs.addTab(getattr(self, f"{attr}_tab"), f"{titles[attr]} ({key})")

        self.forms_tab.badge_changed.connect(self._show_overdue)
        self.forms_tab.collect_requested.connect(self._collect)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.customer_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.phrase_panel = PhrasePanel(ctx)
        self.phrase_dock = QDockWidget(self.tr("Courtesy phrases"), self)
        self.phrase_dock.setObjectName("phraseDock")
        self.phrase_dock.setWidget(self.phrase_panel)
        self.phrase_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.phrase_dock)
        self.phrase_dock.setMinimumWidth(300)
        self.resizeDocks([self.phrase_dock], [340], Qt.Orientation.Horizontal)

        self.import_dialog: QDialog | None = None
        self.setStatusBar(CounterStatusBar(s))
        self.job_errors = JobErrorNotice(self, ctx.worker)  # jobs without an error handler
        self.idle_lock = IdleLock(self, ctx)
        self.idle_lock.logout_requested.connect(self.log_out)
        self._make_actions()
        restore_main_window(self, ctx.settings)
        self.customer_bar.focus_search()

    def _titles(self) -> dict[str, str]:
        return {
            "forms": self.tr("Business forms"),
            "fees": self.tr("Fee collection"),
            "records": self.tr("Meter records"),
            "dayend": self.tr("End of day"),
        }

    def _make_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Counter"))
        view = self.menuBar().addMenu(self.tr("&View"))

        def action(
            text: str, shortcut: str | QKeySequence, slot: object, target: object = menu
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            target.addAction(act)  # type: ignore[attr-defined]
            return act

        titles = self._titles()
        for index, (attr, key) in enumerate(TAB_KEYS):
            action(titles[attr], key, lambda _=False, i=index: self.tabs.setCurrentIndex(i), view)
        action(self.tr("Find customer"), "F6", self.customer_bar.focus_search)
        action(self.tr("Next customer"), "F12", self.customer_bar.next_customer)
        language = view.addMenu(self.tr("Language"))
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            act = QAction(label, self)
            act.setCheckable(True)
            act.setChecked(self.ctx.settings.get(UI_LANGUAGE) == code)
            act.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            language.addAction(act)
        action(self.tr("Device check…"), "Ctrl+Shift+D", self.check_devices)
        if self.ctx.session.staff.is_supervisor:
            menu.addSeparator()
            action(self.tr("Import customers or readings…"), "Ctrl+Shift+I", self.open_import)
        menu.addSeparator()
        action(self.tr("Lock the screen"), "Ctrl+Shift+L", self.idle_lock.lock)
        action(self.tr("Log out"), "Ctrl+L", self.log_out)
        action(self.tr("Quit"), "Ctrl+Q", self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(self.tr("About GasDesk"), "F1", self.show_about, help_menu)

    def show_about(self) -> QDialog:
        """The version of the program and of the database's schema."""
        from gasdesk.ui.about import AboutDialog

        dialog = AboutDialog(self.ctx.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def check_devices(self) -> DeviceCheckDialog:
        """The card reader, ID-card reader, receipt printer and drawer of this counter."""
        dialog = DeviceCheckDialog(self.ctx, self)
        dialog.finished.connect(dialog.deleteLater)
        self.device_check = dialog
        dialog.open()
        return dialog

    def open_import(self) -> None:
        """The supervisor's import screen (one per window, kept while it is open)."""
        from gasdesk.ui.imports.dialog import ImportDialog

        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.ctx, self)
        elif self.import_dialog.isVisible():
            self.import_dialog.raise_()  # open already, behind the window
        self.import_dialog.show()
        self.import_dialog.activateWindow()

    def focus_form(self) -> None:
        """From the customer bar into the tab on screen: where its next keystroke
        belongs (`focus_entry()`), else its first field."""
        tab = self.tabs.currentWidget()
        enter = getattr(tab, "focus_entry", None)
        if callable(enter):
            enter()
            return
        focus_first_field(tab)

    def _collect(self, account: AccountSummary, fen: int) -> None:
        """A new account's prepayment goes through the fee tab (read-back, receipt,
        shift), not around it."""
        self.tabs.setCurrentWidget(self.fees_tab)
        self.fees_tab.start_prepay(account, fen)

    def _show_overdue(self, overdue: int) -> None:
        """A warning badge on the business-forms tab while complaints are overdue."""
        index = self.tabs.indexOf(self.forms_tab)
        title = f"{self._titles()['forms']} ({TAB_KEYS[0][1]})"
        if overdue:
            title += " " + self.tr("⚠ {n} overdue").format(n=overdue)
        self.tabs.setTabText(index, title)
        self.tabs.tabBar().setTabTextColor(index, QColor("#b00020") if overdue else QColor())

    def choose_language(self, code: str) -> None:
        """Kept in the counter's settings; it applies from the next start."""
        self.ctx.settings.set(UI_LANGUAGE, code)
        self.statusBar().showMessage(self.tr("The language changes at the next start."), 8000)

    def closeEvent(self, event: QCloseEvent) -> None:
        keep_main_window(self, self.ctx.settings)  # the next start opens it the same way
        super().closeEvent(event)

    def log_out(self) -> None:
        """End this teller's session: the window closes, and whoever opened it (the
        application's Controller) releases it on `logged_out`."""
        self.ctx.set_customer(None)
        self.close()
        self.logged_out.emit()
