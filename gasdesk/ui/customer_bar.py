"""The customer bar above the tabs: find the customer being served, show who it is.

Typing searches as you type (on the worker, newer keystrokes supersede older ones);
Down moves into the results, Enter picks, Esc clears the search and then the customer.
Tab (or Enter on an empty search, once a customer is picked) asks to go into the form
of the tab on screen (`enter_form`).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.lifecycle import ACTIVE, CLOSED, SUSPENDED, HistoryLine
from gasdesk.domain.money import format_yuan
from gasdesk.domain.records import AccountSummary
from gasdesk.services import accounts
from gasdesk.services.account_changes import status_since
from gasdesk.ui.context import AppContext
from gasdesk.ui.messages import user_text
from gasdesk.ui.outage_banner import OutageBanner

DEBOUNCE_MS = 120
INFO_STYLE = "font-size: 15px;"


class CustomerBar(QWidget):
    picked = Signal(object)  # AccountSummary
    enter_form = Signal()  # the teller leaves the bar for the form of the tab on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customerBar")
        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(
            self.tr("Account number, name, phone, meter or address (F6)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setMinimumWidth(360)
        self.info = QLabel(self.tr("No customer selected"))
        self.info.setObjectName("customerInfo")
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setStyleSheet(INFO_STYLE)
        # a long address must not widen the window past a 1366-pixel counter screen
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.info.setMinimumWidth(240)
        self.info.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Next customer (F12)"))
        self.clear_button.setObjectName("nextCustomer")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.next_customer)
        self.results = QListWidget()
        self.results.setObjectName("customerResults")
        self.results.setMaximumHeight(180)
        self.results.hide()
        self.results.itemActivated.connect(self._activate_item)
        self.status = QLabel("")
        self.status.setObjectName("customerSearchStatus")
        self.status.setStyleSheet("color: #b00020;")

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Customer:")))
        row.addWidget(self.search, 2)
        row.addWidget(self.info, 3)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        self.outage = OutageBanner(ctx)
        layout.addWidget(self.outage)
        layout.addWidget(self.results)
        self.status.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run_search)
        self._pending_enter = False
        self._status = ""  # the supply status line of a customer stopped or closed
        self._lines: list[str] = []
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)
        self.results.installEventFilter(self)
        ctx.events.customer_changed.connect(self._show_customer)

    # -- searching -----------------------------------------------------------------
    def _run_search(self) -> None:
        text = self.search.text()
        if not text.strip():
            self._show_results([])
            return
        self.ctx.worker.submit(
            accounts.find_accounts,
            text,
            on_done=self._show_results,
            on_error=self._failed,
            channel="customer-bar",
        )

    def _failed(self, exc: BaseException) -> None:
        self._pending_enter = False
        self.status.setText(user_text(exc))
        self.status.show()

    def _show_results(self, found: list[AccountSummary]) -> None:
        self.status.hide()
        self.results.clear()
        for a in found:
            item = QListWidgetItem(f"{a.number}  {a.name}  {a.phone}  {a.address}")
            item.setData(Qt.ItemDataRole.UserRole, a)
            self.results.addItem(item)
        self.results.setVisible(bool(found))
        if found:
            self.results.setCurrentRow(0)
        elif self.search.text().strip():
            self.status.setText(
                self.tr("No customer found for “{text}”.").format(text=self.search.text().strip())
            )
            self.status.show()
        if self._pending_enter:
            self._pending_enter = False
            if found:
                self._pick(
                    found[0]
                    if len(found) == 1 or found[0].number == self.search.text().strip()
                    else None
                )

    def _activate_item(self, item: QListWidgetItem) -> None:
        self._pick(item.data(Qt.ItemDataRole.UserRole))

    def _pick(self, account: AccountSummary | None) -> None:
        if account is None:
            # several matches and none exact: let the teller choose with the arrow keys
            self.results.setFocus()
            return
        self.results.clear()
        self.results.hide()
        self.search.clear()
        self.status.hide()
        self.ctx.set_customer(account)
        self.picked.emit(account)

    def enter_pressed(self) -> None:
        if self._timer.isActive() or self.ctx.worker.pending:
            # the results for what was typed are not in yet: pick when they arrive
            self._timer.stop()
            self._pending_enter = True
            self._run_search()
            return
        item = self.results.currentItem()
        if item is not None and self.results.isVisible():
            self._activate_item(item)
        elif not self.search.text().strip() and self.ctx.customer is not None:
            self.enter_form.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if obj is self.search:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.enter_pressed()
                    return True
                if key == Qt.Key.Key_Down and self.results.isVisible():
                    self.results.setFocus()
                    return True
                if key == Qt.Key.Key_Tab and not self.results.isVisible():
                    self.enter_form.emit()
                    return True
                if key == Qt.Key.Key_Escape:
                    if self.search.text():
                        self.search.clear()
                        self._show_results([])
                    else:
                        self.next_customer()
                    return True
            elif obj is self.results and key == Qt.Key.Key_Escape:
                self.search.setFocus()
                return True
            elif obj is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._activate_item(item)
                return True
        return super().eventFilter(obj, event)

    # -- the customer being served --------------------------------------------------
    def next_customer(self) -> None:
        """Clear the customer for the next one in the queue."""
        if self.ctx.customer is not None:
            self.ctx.events.moment.emit("farewell", {})
        self.search.clear()
        self._show_results([])
        self.status.hide()
        self.ctx.set_customer(None)
        self.search.setFocus()

    def _show_customer(self, a: AccountSummary | None) -> None:
        self.info.setStyleSheet(INFO_STYLE)
        self._status = ""
        if a is None:
            self._lines = [self.tr("No customer selected")]
            self._render()
            return
        kind = self.tr("IC card") if a.meter_kind == "ic_card" else self.tr("mechanical")
        balance = self.tr("balance ¥{amount}").format(amount=format_yuan(a.balance_fen))
        meter = f"{a.meter_number} ({kind})" if a.meter_number else self.tr("no meter")
        # the address on a line of its own: the whole of it shows on a 1366-pixel screen
        self._lines = [f"{a.name}  {a.number}  {meter}  {balance}", a.address]
        self._render()
        if a.status != ACTIVE:  # stopped or closed: said first, in red, with the reason
            self.info.setStyleSheet(INFO_STYLE + " color: #b00020;")
            self._show_status(a, None)
            self.ctx.worker.submit(
                status_since,
                a.id,
                on_done=partial(self._show_status, a),
                channel="customer-status",
            )

    def _render(self) -> None:
        self.info.setText("\n".join(([self._status] if self._status else []) + self._lines))

    def _show_status(self, a: AccountSummary, line: HistoryLine | None) -> None:
        if self.ctx.customer is None or self.ctx.customer.id != a.id:
            return  # another customer by now
        day = line.at.date().isoformat() if line is not None else "—"
        if a.status == CLOSED:
            self._status = self.tr("[Closed (已销户) since {day}]").format(day=day)
        elif a.status == SUSPENDED:
            reason = line.reason if line is not None and line.reason else "—"
            self._status = self.tr("[Supply stopped: {reason}, since {day}]").format(
                reason=reason, day=day
            )
        else:
            self._status = f"[{a.status}]"
        self._render()

    def status_text(self) -> str:
        """The status line shown for a customer who is not supplied as usual ('' while
        the supply runs)."""
        return self._status

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
