"""The Meter records tab (抄表查询): find a customer as you type, then see the account,
its readings with the usage chart, bills and payments; record a reading the customer
reports; print a statement.

Keys: Ctrl+F search, Down into the results, Enter picks, Esc backs out; Alt+1/Alt+2
readings / bills and payments, Alt+3 the account's changes, Alt+R report a reading,
Alt+S statement.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.account_view import AccountView
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.search import SearchHit
from gasdesk.services.account_view import load_account_view
from gasdesk.services.search import search_accounts
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import user_text
from gasdesk.ui.records.account_panel import AccountPanel
from gasdesk.ui.records.highlight import HighlightDelegate
from gasdesk.ui.records.search_model import SearchResultsModel
from gasdesk.ui.tabs.empty import EmptyState

DEBOUNCE_MS = 120
SEARCH_CHANNEL = "search"
VIEW_CHANNEL = "records-account"
# data_changed kinds after which the account on screen is loaded again
RELOAD_ON = frozenset({"reading", "payment", "void", "form", "account", "bill", "outage"})


class RecordsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("recordsTab")
        self._pending_enter = False
        self._searching = False

        self.search = QLineEdit()
        self.search.setObjectName("recordsSearch")
        self.search.setPlaceholderText(
            self.tr(
                "Account or meter number, mobile digits, name, address, or initials such as zs (Ctrl+F)"
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setStyleSheet("font-size: 17px; padding: 4px;")
        self.status = QLabel("")
        self.status.setObjectName("recordsSearchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.model = SearchResultsModel(self)
        self.results = QTableView()
        self.results.setObjectName("recordsResults")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HighlightDelegate(self.results))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.results.activated.connect(lambda index: self.pick_row(index.row()))
        self.results.hide()

        self.panel = AccountPanel(ctx)
        self.empty = EmptyState(
            self.tr("No customer chosen"),
            self.tr("Type in the search field above; Enter picks the customer."),
        )
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.panel)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.status)
        top_layout.addWidget(self.results, 1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.addWidget(top)
        self.split.addWidget(self.stack)
        self.split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.split)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        self._shortcuts()
        ctx.events.customer_changed.connect(self._customer_changed)
        ctx.events.data_changed.connect(self._data_changed)
        if ctx.customer is not None:
            self._customer_changed(ctx.customer)

    def _shortcuts(self) -> None:
        def key(seq: str, slot: object) -> None:
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

        key("Ctrl+F", self.focus_search)
        key("Alt+1", lambda: self.panel.tabs.setCurrentIndex(0))
        key("Alt+2", lambda: self.panel.tabs.setCurrentIndex(1))
        key("Alt+3", lambda: self.panel.tabs.setCurrentWidget(self.panel.changes_table))
        key("Alt+R", self._report_reading)

    def showEvent(self, event: QShowEvent) -> None:
        """Coming to the tab, the next keystroke belongs to the search (unless the
        teller is already working somewhere inside it)."""
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.focus_search()

    # -- searching ----------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        text = self.search.text()
        if not text.strip():
            self.show_hits([])
            return
        self._searching = True
        self.ctx.worker.submit(
            search_accounts,
            text,
            on_done=self.show_hits,
            on_error=self._search_failed,
            channel=SEARCH_CHANNEL,
        )

    def _search_failed(self, exc: BaseException) -> None:
        self._searching = False
        self._pending_enter = False
        self.status.setStyleSheet("color: #b42318;")
        self.status.setText(user_text(exc))

    def show_hits(self, hits: list[SearchHit]) -> None:
        self._searching = False
        self.model.set_hits(hits)
        self._show_results(bool(hits))
        self.status.setStyleSheet("")
        typed = self.search.text().strip()
        if hits:
            self.results.selectRow(0)
            self.status.setText(
                self.tr("{count} found; Down and Enter pick one.").format(count=len(hits))
                if len(hits) > 1
                else self.tr("1 found; Enter picks it.")
            )
        elif typed:
            self.status.setText(self.tr("No customer found for “{text}”.").format(text=typed))
        else:
            self.status.clear()
        if self._pending_enter:
            self._pending_enter = False
            if len(hits) == 1 or (hits and hits[0].account.number == typed):
                self.pick_row(0)
            elif hits:
                self.results.setFocus()

    def _show_results(self, on: bool) -> None:
        """Give the results the room they need (up to half the tab), or fold them away."""
        self.results.setVisible(on)
        total = sum(self.split.sizes()) or self.height()
        if on:
            rows = min(self.model.rowCount(), 12)
            needed = self.search.sizeHint().height() * 2 + self.results.horizontalHeader().height()
            needed += rows * max(self.results.verticalHeader().defaultSectionSize(), 24) + 8
            top = min(needed, total // 2)
        else:
            top = self.search.sizeHint().height() + self.status.sizeHint().height() + 8
        self.split.setSizes([top, max(0, total - top)])

    def enter_pressed(self) -> None:
        if self._timer.isActive() or self._searching:
            self._timer.stop()
            self._pending_enter = True
            self.run_search()
            return
        row = self.results.currentIndex().row()
        if self.results.isVisible() and row >= 0:
            self.pick_row(row)

    def pick_row(self, row: int) -> None:
        account = self.model.account(row)
        if account is None:
            return
        self.status.clear()
        self._show_results(False)
        self.ctx.set_customer(account)

    def clear_search(self) -> None:
        self.search.clear()
        self.show_hits([])

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if obj is self.search:
                if enter:
                    self.enter_pressed()
                    return True
                if key == Qt.Key.Key_Down and self.model.rowCount():
                    self._show_results(True)
                    self.results.setFocus()
                    return True
                if key == Qt.Key.Key_Escape and self.search.text():
                    self.clear_search()
                    return True
            elif obj is self.results:
                if enter:
                    self.pick_row(self.results.currentIndex().row())
                    return True
                if key == Qt.Key.Key_Escape:
                    if self.ctx.customer is not None:
                        self._show_results(False)
                    self.focus_search()
                    return True
        return super().eventFilter(obj, event)

    # -- the account on screen ------------------------------------------------------
    def _customer_changed(self, account: AccountSummary | None) -> None:
        if account is None:
            self.panel.view = None
            self.stack.setCurrentWidget(self.empty)
            return
        self.load_account(account.id)

    def load_account(self, account_id: int) -> None:
        self.ctx.worker.submit(
            load_account_view,
            account_id,
            on_done=self._show_view,
            on_error=self._search_failed,
            channel=VIEW_CHANNEL,
        )

    def _show_view(self, view: AccountView | None) -> None:
        if view is None:
            self.stack.setCurrentWidget(self.empty)
            return
        current = self.ctx.customer
        if current is not None and current.id != view.account.id:
            return  # another customer was chosen meanwhile
        self.panel.show_view(view)
        self.stack.setCurrentWidget(self.panel)

    def _data_changed(self, what: str) -> None:
        if what in RELOAD_ON and self.ctx.customer is not None:
            self.load_account(self.ctx.customer.id)

    def _report_reading(self) -> None:
        if self.panel.view is not None:
            self.panel.focus_reading_form()
