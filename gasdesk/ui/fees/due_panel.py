"""What the customer owes, as the fee tab shows it: who, the total, and the lines
(each bill with its readings and tier lines, or the tier lines of a purchase)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gasdesk.domain.fees import DueStatement, PurchaseQuote
from gasdesk.domain.money import format_yuan
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.tariff import format_m3
from gasdesk.ui.fees.models import DueLinesModel


class DuePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer_label = QLabel()
        self.customer_label.setObjectName("feeCustomer")
        self.customer_label.setStyleSheet("font-size: 16px;")
        self.due_label = QLabel("")
        self.due_label.setObjectName("dueTotal")
        self.due_label.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.note_label = QLabel("")
        self.note_label.setObjectName("dueNote")
        self.note_label.setStyleSheet("color: #555;")
        self.model = DueLinesModel(self)
        self.view = QTableView()
        self.view.setObjectName("dueLines")
        self.view.setModel(self.model)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # a bill's period and meter stand on two lines: rows as tall as their text
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.customer_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.note_label)
        layout.addWidget(self.view, 1)
        self.show_customer(None)

    def show_customer(self, account: AccountSummary | None) -> None:
        if account is None:
            self.customer_label.setText(self.tr("Find the customer in the customer bar (F6)."))
            self.due_label.clear()
            self.note_label.clear()
            self.model.clear()
            return
        self.customer_label.setText(
            self.tr("{name} · account {number} · meter {meter}").format(
                name=account.name, number=account.number, meter=account.meter_number or "—"
            )
        )

    def _balance(self, st: DueStatement | None) -> str:
        if st is None:
            return ""
        return self.tr("Prepaid balance ¥{amount}").format(amount=format_yuan(st.balance_fen))

    def show_bills(self, st: DueStatement | None) -> None:
        self.model.set_bills(st.bills if st else ())
        if st is None:
            self.due_label.setText(self.tr("Amount due: …"))
        elif st.due_fen:
            self.due_label.setText(
                self.tr("Amount due: ¥{amount}").format(amount=format_yuan(st.due_fen))
            )
        else:
            self.due_label.setText(self.tr("Nothing is due"))
        self.note_label.setText(self._balance(st))

    def show_purchase(self, st: DueStatement | None, quote: PurchaseQuote | None) -> None:
        self.model.set_lines(quote.lines if quote else ())
        if quote is None:
            self.due_label.setText(self.tr("Enter the yuan or the m³ to buy"))
        else:
            self.due_label.setText(
                self.tr("To pay: ¥{amount} for {volume} m³").format(
                    amount=format_yuan(quote.amount_fen), volume=format_m3(quote.volume_l)
                )
            )
        used = format_m3(st.ytd_l) if st else "…"
        self.note_label.setText(self.tr("Gas used this year: {volume} m³").format(volume=used))

    def show_prepay(self, st: DueStatement | None, prepay_fen: int | None) -> None:
        self.model.clear()
        if prepay_fen is None:
            self.due_label.setText(self.tr("Enter the amount to prepay"))
        else:
            self.due_label.setText(
                self.tr("Prepay: ¥{amount}").format(amount=format_yuan(prepay_fen))
            )
        self.note_label.setText(self._balance(st))
