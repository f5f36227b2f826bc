"""The Fee collection tab (收费): amount due line by line, tender, read-back, receipt.

A standard cash payment from the customer bar: the account number and Enter select
the customer and put the focus here, in the cash-received field; the amount and
Enter show the read-back (or '+' alone, when the customer hands over exactly the
amount due: the field is filled with it and the read-back shows); Enter records the
payment and shows (or, with silent printing, prints) the receipt. The payment form makes its idempotency key when it
opens for a customer and keeps it until a payment is recorded, so a second Enter, a
double click or a retry after an error can never charge twice.
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gasdesk import settings
from gasdesk.domain.cards import CardImage
from gasdesk.domain.dayend import ShiftInfo
from gasdesk.domain.errors import TellerError
from gasdesk.domain.events import (
    CardsChanged,
    CardWritten,
    PaymentsChanged,
    ReadingsChanged,
    Refused,
)
from gasdesk.domain.fees import DueStatement, PaymentRequest, PurchaseQuote, ReceiptInfo
from gasdesk.domain.methods import BALANCE, TENDER_METHODS
from gasdesk.domain.money import AmountError, format_yuan, parse_amount
from gasdesk.domain.readback import ReadBack, read_back
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.tariff import format_m3, parse_volume
from gasdesk.services import accounts, billing, purchases
from gasdesk.services.shifts import NoShiftError
from gasdesk.ui.context import AppContext
from gasdesk.ui.fees.card_actions import CardActions
from gasdesk.ui.fees.card_panel import CardPanel
from gasdesk.ui.fees.drawer_banner import DrawerBanner
from gasdesk.ui.fees.due_panel import DuePanel
from gasdesk.ui.fees.new_card import NewCardFlow
from gasdesk.ui.fees.payment_flow import Committed, PaymentFlow
from gasdesk.ui.fees.readback_dialog import ReadBackDialog
from gasdesk.ui.fees.receipt_dialog import ReceiptDialog
from gasdesk.ui.fees.tender_form import TenderForm
from gasdesk.ui.fees.todays_payments import TodaysPayments
from gasdesk.ui.messages import user_text


def new_key() -> str:
    return uuid.uuid4().hex


class FeesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.key = new_key()
        self.account: AccountSummary | None = None
        self.statement: DueStatement | None = None
        self.quote: PurchaseQuote | None = None
        self.prepay_fen: int | None = None
        self.flow = PaymentFlow(ctx, self)
        self.flow.card_result.connect(self._card_result)
        self.flow.committed.connect(self._committed)
        self.flow.failed.connect(self._commit_failed)
        self.flow.cancelled.connect(self._read_back_cancelled)
        self.receipt_dialog: ReceiptDialog | None = None
        self._reading_card = False  # the card is being read before a purchase's read-back
        self._loading = False
        self._pending_enter = False
        self._pending_exact = False
        self._build()
        ctx.events.customer_changed.connect(self._on_customer)
        ctx.events.subscribe(PaymentsChanged, self._payments_changed)
        ctx.events.subscribe(ReadingsChanged, self._readings_changed)
        ctx.events.subscribe(CardsChanged, self._cards_changed)
        self._on_customer(ctx.customer)
        self.refresh_payments()
        self.drawer.refresh()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.due = DuePanel()

        self.form = TenderForm()
        self.form.setEnabled(False)
        self.form.mode_changed.connect(self._on_mode)
        self.form.method_changed.connect(self._on_method)
        self.form.buy_amount.returnPressed.connect(lambda: self._quote(by_volume=False))
        self.form.buy_volume.returnPressed.connect(lambda: self._quote(by_volume=True))
        self.form.buy_amount.textEdited.connect(lambda _t: self._forget_quote(self.form.buy_volume))
        self.form.buy_volume.textEdited.connect(lambda _t: self._forget_quote(self.form.buy_amount))
        self.form.prepay_amount.returnPressed.connect(self._prepay_entered)
        self.form.prepay_amount.textEdited.connect(lambda _t: self._set_prepay(None))
        self.form.tendered.returnPressed.connect(self.read_back)
        self.form.exact_cash.connect(self.exact_cash)
        self.form.tendered.textEdited.connect(lambda _t: self._preview_change())
        self.form.reference.returnPressed.connect(self.read_back)
        self.form.read_back_button.clicked.connect(self.read_back)

        self.payments = TodaysPayments(self.ctx)
        self.payments.install_shortcuts(self)
        self.payments.receipt_ready.connect(
            lambda rid, code, pdf, auto: self.show_receipt(rid, code, bytes(pdf), auto_print=auto)
        )

        self.drawer = DrawerBanner(self.ctx, self)
        self.drawer.opened.connect(self._shift_opened)

        self.card_panel = CardPanel()
        self.card_panel.install_shortcuts(self)
        self.card_panel.hide()
        self.cards = CardActions(self.ctx, self.card_panel, self)
        self.new_card = NewCardFlow(self.ctx, self.flow, self.cards, self)
        self.card_panel.new_card_requested.connect(lambda: self.new_card.open(self.account))
        self.new_card.done.connect(lambda: QTimer.singleShot(0, self._return_keyboard))

        right = QVBoxLayout()
        right.addWidget(self.card_panel)
        right.addWidget(self.form, 1)
        top = QHBoxLayout()
        top.addWidget(self.due, 3)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.drawer)
        layout.addLayout(top, 3)
        layout.addWidget(self.payments, 2)

    # -- the customer ----------------------------------------------------------------
    def _on_customer(self, account: AccountSummary | None) -> None:
        same = account is not None and self.account is not None and account.id == self.account.id
        self.account = account
        ic = account is not None and account.meter_kind == "ic_card"
        self.card_panel.setVisible(ic)
        self.cards.show_account(account.id if account is not None and ic else None)
        if account is None:
            self.statement = None
            self.key = new_key()
            self._reset_payment()
            self.form.setEnabled(False)
            self.due.show_customer(None)
            return
        self.form.setEnabled(True)
        self.due.show_customer(account)
        if not same:
            self.statement = None
            self.key = new_key()
            self._reset_payment()
            self.form.set_mode("purchase" if account.meter_kind == "ic_card" else "bill")
            self._show_due()
            if self.isVisible():
                self.focus_entry()
        self.load_statement()

    def load_statement(self) -> None:
        if self.account is None:
            return
        self._loading = True
        self.ctx.worker.submit(
            billing.statement,
            self.account.id,
            on_done=self._statement_loaded,
            on_error=self._statement_failed,
            channel="fees-statement",
        )

    def _statement_loaded(self, st: DueStatement) -> None:
        self._loading = False
        if self.account is None or st.account.id != self.account.id:
            return
        self.statement = st
        self._show_due()
        if self._pending_exact:
            self._pending_exact = False
            self.exact_cash()
        elif self._pending_enter:
            self._pending_enter = False
            self.read_back()

    def _statement_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._pending_enter = False
        self._pending_exact = False
        self._refuse(exc)

    def _reset_payment(self) -> None:
        self.quote = None
        self.prepay_fen = None
        self._pending_enter = False
        self._pending_exact = False
        self.form.clear_inputs()

    # -- what is due -------------------------------------------------------------------
    def due_fen(self) -> int | None:
        mode = self.form.current_mode()
        if mode == "bill":
            return self.statement.due_fen if self.statement else None
        if mode == "purchase":
            return self.quote.amount_fen if self.quote else None
        return self.prepay_fen

    def _show_due(self) -> None:
        mode = self.form.current_mode()
        st = self.statement
        if mode == "bill":
            self.due.show_bills(st)
        elif mode == "purchase":
            self.due.show_purchase(st, self.quote)
        else:
            self.due.show_prepay(st, self.prepay_fen)
        methods = list(TENDER_METHODS)
        if mode == "bill" and st is not None and 0 < st.due_fen <= st.balance_fen:
            methods.append(BALANCE)
        self.form.show_bills_due(self._bills_due_text() if mode == "prepay" else "")
        self.form.set_methods(methods)
        self.form.update_visibility()
        self._preview_change()

    def _bills_due_text(self) -> str:
        """For a prepayment: the bills still due, which a prepayment does not pay."""
        st = self.statement
        if st is None or st.due_fen <= 0:
            return ""
        return self.tr(
            "Bills of ¥{amount} are due ({n} bill(s)); a prepayment does not pay them. "
            "Settle them first (Alt+B), or go on with the prepayment."
        ).format(amount=format_yuan(st.due_fen), n=sum(1 for b in st.bills if b.open_fen > 0))

    def _on_mode(self, mode: str) -> None:
        self.form.error.clear()
        self._show_due()
        self.focus_entry()

    def _on_method(self, method: str) -> None:
        self.form.update_visibility()
        self.form.error.clear()

    def _forget_quote(self, other: QLineEdit) -> None:
        if self.quote is not None:
            self.quote = None
            other.clear()
            self._show_due()

    def _set_prepay(self, fen: int | None) -> None:
        if self.prepay_fen != fen:
            self.prepay_fen = fen
            self._show_due()

    def _quote(self, *, by_volume: bool) -> None:
        if self.account is None:
            return
        field = self.form.buy_volume if by_volume else self.form.buy_amount
        try:
            if by_volume:
                kwargs = {"volume_l": parse_volume(field.text())}
            else:
                kwargs = {
                    "amount_fen": parse_amount(
                        field.text(), ceiling_fen=self.ctx.settings.get(settings.FEE_CEILING)
                    )
                }
        except AmountError as exc:
            self._refuse(exc, field)
            return
        self.form.error.clear()
        self.ctx.worker.submit(
            purchases.quote_purchase,
            self.account.id,
            **kwargs,
            ceiling_fen=self.ctx.settings.get(settings.FEE_CEILING),
            on_done=lambda q: self._quoted(q, by_volume),
            on_error=lambda exc: self._refuse(exc, field),
            channel="fees-quote",
        )

    def _quoted(self, quote: PurchaseQuote, by_volume: bool) -> None:
        self.quote = quote
        if by_volume:
            self.form.buy_amount.setText(format_yuan(quote.amount_fen))
        else:
            self.form.buy_volume.setText(format_m3(quote.volume_l))
        self._show_due()
        if self._pending_enter:
            self._pending_enter = False
            self.read_back()
        else:
            self.focus_entry()

    def start_prepay(self, account: AccountSummary, fen: int) -> None:
        """Take a prepayment of `fen` for `account` (a new account opened with one on
        its form): the prepayment is filled in and the keyboard is in the cash field,
        so that it goes through the read-back, the receipt and the shift as any other."""
        if self.account is None or self.account.id != account.id:
            self.ctx.customer = account
            self._on_customer(account)
        self.form.set_mode("prepay")
        self.form.prepay_amount.setText(format_yuan(fen))
        self._set_prepay(fen)
        self.focus_entry()

    def _prepay_entered(self) -> None:
        try:
            fen = parse_amount(
                self.form.prepay_amount.text(),
                ceiling_fen=self.ctx.settings.get(settings.FEE_CEILING),
            )
        except AmountError as exc:
            self._refuse(exc, self.form.prepay_amount)
            return
        self.form.error.clear()
        self._set_prepay(fen)
        self.focus_entry()

    def _preview_change(self) -> None:
        due = self.due_fen()
        text = self.form.tendered.text().strip()
        if due is None or not text:
            self.form.change.clear()
            return
        try:
            tendered = parse_amount(text, ceiling_fen=self.ctx.settings.get(settings.FEE_CEILING))
        except AmountError:
            self.form.change.clear()
            return
        if tendered >= due:
            self.form.change.setText(f"¥{format_yuan(tendered - due)}")
        else:
            self.form.change.setText(
                self.tr("short by ¥{amount}").format(amount=format_yuan(due - tendered))
            )

    # -- read-back and commit ---------------------------------------------------------
    def focus_entry(self) -> None:
        """Put the keyboard where the teller's next keystroke belongs, if the tab shows:
        a hidden tab never takes the keystrokes meant for the one on screen (it takes
        the focus when it is shown, see showEvent)."""
        if not self.isVisible():
            return
        mode = self.form.current_mode()
        if mode == "purchase" and self.quote is None:
            target: QWidget = self.form.buy_amount
        elif mode == "prepay" and self.prepay_fen is None:
            target = self.form.prepay_amount
        else:
            target = self.form.entry_field()
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def read_back(self) -> None:
        if self.account is None or self.flow.active or self._reading_card:
            return
        no_drawer = self.drawer.refusal()
        if no_drawer is not None:  # no money without a shift to take it into
            self._refuse(no_drawer)
            self.drawer.offer()
            return
        mode = self.form.current_mode()
        if mode == "bill" and self.statement is None:
            self._pending_enter = self._loading  # answer this Enter when the amount is known
            return
        if mode == "prepay" and self.prepay_fen is None and self.form.prepay_amount.text().strip():
            self._prepay_entered()
        typed = self.form.buy_volume.text().strip() or self.form.buy_amount.text().strip()
        if mode == "purchase" and self.quote is None and typed:
            self._pending_enter = True  # answer this Enter when the price is known
            self._quote(by_volume=bool(self.form.buy_volume.text().strip()))
            return
        due = self.due_fen()
        if due is None:
            self.focus_entry()
            return
        method = self.form.current_method()
        tendered = None
        try:
            if method == "cash":
                tendered = parse_amount(
                    self.form.tendered.text(),
                    ceiling_fen=self.ctx.settings.get(settings.FEE_CEILING),
                )
            rb = read_back(
                due_fen=due,
                method=method,
                tendered_fen=tendered,
                reference=self.form.reference.text(),
                account_number=self.account.number,
                account_name=self.account.name,
                kind=mode,
                volume_l=self.quote.volume_l if mode == "purchase" and self.quote else 0,
            )
        except TellerError as exc:
            self._refuse(exc, self.form.entry_field())
            return
        s = self.ctx.session
        request = PaymentRequest(
            account_id=self.account.id,
            staff_id=s.staff.id,
            counter_id=s.counter.id,
            kind=mode,
            method=method,
            expected_due_fen=due,
            idempotency_key=self.key,
            tendered_fen=tendered,
            reference=rb.reference,
            volume_l=rb.volume_l,
        )
        self.form.error.clear()
        if mode == "purchase":  # the card first: a wrong card is refused before any money
            self._reading_card = True
            self.cards.read_for_purchase(
                lambda image: self._card_read(rb, request, image), self._card_refused
            )
            return
        note = self._bills_due_text() if mode == "prepay" else ""
        self.flow.start(rb, request, note=note)

    def _card_read(self, rb: ReadBack, request: PaymentRequest, image: CardImage) -> None:
        self._reading_card = False
        if self.account is None or request.account_id != self.account.id or self.flow.active:
            return
        note = self.tr("Writes {volume} m³ onto IC card {card} (purchase {seq}).").format(
            volume=format_m3(request.volume_l), card=image.card_number, seq=image.seq + 1
        )
        self.flow.start(rb, replace(request, card=image), note=note)

    def _card_refused(self, exc: BaseException) -> None:
        self._reading_card = False
        self._refuse(exc, self.form.entry_field())

    def _card_result(self, result: Committed) -> None:
        if result.issue is None and result.card is not None:
            self.cards.show_outcome(result.card)
        self.cards.refresh()
        self.ctx.events.publish(CardWritten())

    def exact_cash(self) -> None:
        """The customer hands over exactly the amount due: the cash-received field is
        filled with it and the read-back shows it, to be confirmed as any other."""
        if self.account is None or self.flow.active or self.form.current_method() != "cash":
            return
        due = self.due_fen()
        if due is None:
            if self.form.current_mode() == "bill" and self._loading:
                self._pending_exact = True  # answered when the amount is known
            return
        self.form.tendered.setText(format_yuan(due))
        self._preview_change()
        self.read_back()

    @property
    def readback_dialog(self) -> ReadBackDialog | None:
        return self.flow.dialog

    def _read_back_cancelled(self) -> None:
        if not self.isVisible():
            return
        # after a refusal at the read-back, closing it leaves no window active: the
        # keyboard comes back here explicitly
        self.window().activateWindow()
        if self.drawer.refusal() is not None:  # refused for want of a shift
            self.drawer.offer()
            return
        field = self.form.entry_field()
        field.setFocus()
        if isinstance(field, QLineEdit):
            field.selectAll()

    def _committed(self, info: ReceiptInfo, pdf: bytes | BaseException) -> None:
        self.key = new_key()  # the next payment is a new form
        self._reset_payment()
        if info.kind == "prepay" or info.method == BALANCE:
            self._refresh_customer()
        if isinstance(pdf, BaseException):
            self.form.error.setText(
                self.tr(
                    "Recorded as {code}, but its receipt could not be made: {reason} "
                    "Print it from today's list (Ctrl+P) once this is fixed."
                ).format(code=info.code, reason=user_text(pdf))
            )
            return
        self.show_receipt(info.receipt_id, info.code, bytes(pdf), auto_print=True)

    def _commit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TellerError) and exc.code == "due_changed":
            self.load_statement()
        if isinstance(exc, NoShiftError):
            self.drawer.note_refusal(exc)

    def _refuse(self, exc: BaseException, field: QWidget | None = None) -> None:
        message = user_text(exc)
        self.form.error.setText(message)
        self.ctx.events.publish(Refused(message))
        if field is not None and self.isVisible():
            field.setFocus()
            if hasattr(field, "selectAll"):
                field.selectAll()

    def _refresh_customer(self) -> None:
        def fresh(a: AccountSummary | None) -> None:
            if a is not None and self.ctx.customer is not None and a.id == self.ctx.customer.id:
                self.ctx.customer = a
                self.ctx.events.customer_changed.emit(a)  # the same customer, newer balance

        self.ctx.worker.submit(
            accounts.get_account, self.account.id if self.account else 0, on_done=fresh
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.form.method.hasFocus():
            self.read_back()
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.drawer.refresh()  # the shift may have been opened or closed on another tab
        if self.account is not None and not self.flow.active:
            self.focus_entry()

    # -- receipts, reprints, voids ------------------------------------------------------
    def show_receipt(
        self, receipt_id: int, code: str, pdf: bytes, *, auto_print: bool
    ) -> ReceiptDialog:
        dialog = ReceiptDialog(
            self.ctx, receipt_id, code, pdf, auto_print=auto_print, parent=self.window()
        )
        dialog.finished.connect(lambda _r: self._receipt_closed(dialog))
        self.receipt_dialog = dialog
        dialog.open()
        return dialog

    def _receipt_closed(self, dialog: ReceiptDialog) -> None:
        if self.receipt_dialog is dialog:
            self.receipt_dialog = None
        dialog.deleteLater()  # one per receipt: a day's previews would fill the memory
        QTimer.singleShot(0, self._return_keyboard)  # once the dialog's window has gone

    def _shift_opened(self, _info: ShiftInfo) -> None:
        self.form.error.clear()  # the refusal for want of a shift no longer holds
        QTimer.singleShot(0, self._return_keyboard)  # once the dialog's window has gone

    def _return_keyboard(self) -> None:
        """The keyboard goes back to the counter window, where the next keystroke belongs."""
        if self.receipt_dialog is not None or self.flow.active or self.new_card.dialog is not None:
            return
        self.window().activateWindow()
        if self.account is not None:
            self.focus_entry()

    def _payments_changed(self, _event: PaymentsChanged) -> None:
        self.refresh_payments()
        self.load_statement()

    def _readings_changed(self, _event: ReadingsChanged) -> None:
        self.load_statement()

    def _cards_changed(self, _event: CardsChanged) -> None:
        self.refresh_payments()  # a purchase written is no longer flagged

    def refresh_payments(self) -> None:
        self.payments.refresh()
