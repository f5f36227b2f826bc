"""补卡 on the fee tab (Alt+K): a new card for the customer's meter in place of a lost
one. The form says which card is blocked, what the new card carries and the fee the
tariff file names; Enter checks the tender and that a blank card is in the reader
(before any money is taken), then the fee goes through the read-back like any
payment and the new card is recorded and written on the same job. Without a fee,
Enter records and writes at once. A write that fails is finished with Alt+W.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from functools import partial

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gasdesk import settings
from gasdesk.devices.card_writer import CardWriter
from gasdesk.devices.errors import device_error
from gasdesk.domain.cards import CardImage, CardIssue, CardState, ReplaceRequest
from gasdesk.domain.errors import TellerError
from gasdesk.domain.events import CardWritten, Refused
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.methods import TENDER_METHODS
from gasdesk.domain.money import AmountError, format_yuan, parse_amount
from gasdesk.domain.readback import read_back
from gasdesk.domain.records import AccountSummary
from gasdesk.services import card_replace, card_writing, cards
from gasdesk.ui.context import AppContext
from gasdesk.ui.devices import devices_of
from gasdesk.ui.fees.card_actions import CardActions
from gasdesk.ui.fees.labels import method_label
from gasdesk.ui.fees.payment_flow import Committed, PaymentFlow, render
from gasdesk.ui.messages import user_text


def blank_in_reader(writer: CardWriter) -> CardImage:
    """On the worker: the blank card the new card is made from, or a refusal."""
    image = writer.read()
    if not image.blank:
        raise device_error("not_blank", found=image.card_number)
    return image


def replace_and_write(
    request: ReplaceRequest, writer: CardWriter, ceiling: int | None = None
) -> tuple[CardIssue, object]:
    """On the worker: record the new card (and its fee), then write it."""
    issue = card_replace.replace_card(request, ceiling_fen=ceiling)
    return issue, card_writing.write_card(writer, issue.order, request.staff_id)


def replace_and_render(
    request: ReplaceRequest, writer: CardWriter, layout: str, ceiling: int | None, _fee: object
) -> Committed:
    """The job of the read-back of a new card's fee."""
    issue, outcome = replace_and_write(request, writer, ceiling)
    info = card_replace.fee_receipt(issue)
    assert info is not None
    return Committed(info, render(info, layout), card=outcome, issue=issue)  # type: ignore[arg-type]


def new_card_facts(account_id: int) -> tuple[CardState | None, int]:
    return cards.card_state(account_id), card_replace.replacement_fee(account_id)


class NewCardDialog(QDialog):
    submitted = Signal()

    def __init__(
        self, account: AccountSummary, state: CardState, fee_fen: int, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newCardDialog")
        self.setWindowTitle(self.tr("New IC card (补卡)"))
        self.setModal(True)
        self.fee_fen = fee_fen
        self.busy = False
        self.key = uuid.uuid4().hex  # this form's idempotency key
        who = QLabel(
            self.tr("{name} · account {number} · meter {meter}").format(
                name=account.name, number=account.number, meter=state.meter_number
            )
        )
        who.setStyleSheet("font-size: 18px;")
        lines = []
        if state.card_number:
            lines.append(
                self.tr("Card {card} will be blocked: no gas is sold onto it any more.").format(
                    card=state.card_number
                )
            )
        else:
            lines.append(self.tr("The meter's first card on record."))
        lines.append(
            self.tr(
                "The new card carries the meter's newest purchase ({seq}): the meter takes "
                "its gas only if it never took that purchase."
            ).format(seq=state.last_seq)
        )
        if fee_fen:
            lines.append(
                self.tr("Fee for a new card: ¥{fee} (tariff file).").format(
                    fee=format_yuan(fee_fen)
                )
            )
        else:
            lines.append(self.tr("No fee."))
        lines.append(self.tr("Put a new blank card into the card reader, then press Enter."))
        facts = QLabel("\n".join(lines))
        facts.setObjectName("newCardFacts")
        facts.setWordWrap(True)
        facts.setStyleSheet("font-size: 15px;")
        self.method = QComboBox()
        self.method.setObjectName("newCardMethod")
        for code in TENDER_METHODS:
            self.method.addItem(method_label(code), code)
        self.method.currentIndexChanged.connect(lambda _i: self._show_fields())
        self.tendered = QLineEdit()
        self.tendered.setObjectName("newCardTendered")
        self.tendered.setPlaceholderText(self.tr("e.g. 20"))
        self.reference = QLineEdit()
        self.reference.setObjectName("newCardReference")
        self.reference.setMaxLength(64)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Method:"), self.method)
        self.form.addRow(self.tr("Cash received (¥):"), self.tendered)
        self.form.addRow(self.tr("Reference:"), self.reference)
        self.status = QLabel()
        self.status.setObjectName("newCardStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020; font-size: 15px;")
        self.ok_button = QPushButton(self.tr("Issue the card (Enter)"))
        self.ok_button.setObjectName("newCardOk")
        self.back_button = QPushButton(self.tr("Back (Esc)"))
        for b in (self.ok_button, self.back_button):
            b.setAutoDefault(False)
        self.ok_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(who)
        layout.addWidget(facts)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.setMinimumWidth(680)
        self._show_fields()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.adjustSize()  # as tall as the wrapped lines need at this width

    def current_method(self) -> str:
        return str(self.method.currentData())

    def _show_fields(self) -> None:
        cash = self.current_method() == "cash"
        for widget, shown in (
            (self.method, bool(self.fee_fen)),
            (self.tendered, bool(self.fee_fen) and cash),
            (self.reference, bool(self.fee_fen) and not cash),
        ):
            self.form.setRowVisible(widget, shown)

    def focus_entry(self) -> None:
        if not self.fee_fen:
            self.ok_button.setFocus()
        elif self.current_method() == "cash":
            self.tendered.setFocus()
        else:
            self.reference.setFocus()

    def submit(self) -> None:
        if not self.busy:
            self.submitted.emit()

    def refuse(self, message: str) -> None:
        self.busy = False
        self.status.setText(message)
        self.focus_entry()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            event.accept()
            return
        super().keyPressEvent(event)


class NewCardFlow(QObject):
    """Alt+K on the fee tab."""

    done = Signal()

    def __init__(
        self, ctx: AppContext, flow: PaymentFlow, actions: CardActions, host: QWidget
    ) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.flow = flow
        self.actions = actions
        self.host = host
        self.dialog: NewCardDialog | None = None
        self.account: AccountSummary | None = None
        flow.card_result.connect(self._after_fee)

    def open(self, account: AccountSummary | None) -> None:
        if account is None or self.dialog is not None or self.flow.active:
            return
        self.account = account
        self.ctx.worker.submit(
            new_card_facts,
            account.id,
            on_done=self._facts,
            on_error=lambda exc: self.actions.panel.say(user_text(exc), good=False),
        )

    def _facts(self, facts: tuple[CardState | None, int]) -> None:
        state, fee = facts
        if state is None or self.account is None:
            return
        if state.card_number and not state.card_written:
            self.actions.panel.say(
                self.tr("The new card {card} is not written yet: press Alt+W.").format(
                    card=state.card_number
                ),
                good=False,
            )
            return
        dialog = NewCardDialog(self.account, state, fee, self.host.window())
        dialog.submitted.connect(self._submitted)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        dialog.focus_entry()

    def _closed(self, dialog: NewCardDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        self.done.emit()

    def _submitted(self) -> None:
        dialog, account = self.dialog, self.account
        if dialog is None or account is None:
            return
        s = self.ctx.session
        request = ReplaceRequest(account.id, s.staff.id, s.counter.id, dialog.key)
        rb = None
        if dialog.fee_fen:
            method = dialog.current_method()
            try:
                tendered = (
                    parse_amount(
                        dialog.tendered.text(),
                        ceiling_fen=self.ctx.settings.get(settings.FEE_CEILING),
                    )
                    if method == "cash"
                    else None
                )
                rb = read_back(
                    due_fen=dialog.fee_fen,
                    method=method,
                    tendered_fen=tendered,
                    reference=dialog.reference.text(),
                    account_number=account.number,
                    account_name=account.name,
                    kind="card_fee",
                )
            except (AmountError, TellerError) as exc:
                dialog.refuse(user_text(exc))
                return
            fee = PaymentRequest(
                account.id, s.staff.id, s.counter.id, "card_fee", method, dialog.fee_fen,
                dialog.key, tendered, rb.reference,
            )  # fmt: skip
            request = replace(request, payment=fee)
        dialog.busy = True
        dialog.status.setStyleSheet("color: #555; font-size: 15px;")
        dialog.status.setText(self.tr("Reading the card in the reader…"))
        writer = devices_of(self.ctx).card_writer
        self.ctx.worker.submit(
            blank_in_reader,
            writer,
            on_done=lambda _image: self._blank(request, rb, writer),
            on_error=lambda exc: self._refused(exc),
        )

    def _refused(self, exc: BaseException) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.status.setStyleSheet("color: #b00020; font-size: 15px;")
            self.dialog.refuse(user_text(exc))
        self.ctx.events.publish(Refused(user_text(exc)))

    def _blank(self, request: ReplaceRequest, rb: object, writer: CardWriter) -> None:
        dialog = self.dialog
        if dialog is not None:
            dialog.accept()
        ceiling = self.ctx.settings.get(settings.FEE_CEILING)
        fee = request.payment
        if rb is None or not isinstance(fee, PaymentRequest):
            self.ctx.worker.submit(
                replace_and_write,
                request,
                writer,
                ceiling,
                on_done=self._issued,
                on_error=lambda exc: self.actions.panel.say(user_text(exc), good=False),
            )
            return
        job = partial(
            replace_and_render,
            request,
            writer,
            self.ctx.settings.get(settings.RECEIPT_LAYOUT),
            ceiling,
        )
        note = self.tr("New IC card; card {card} is blocked.").format(card=self._old_card() or "—")
        self.flow.start(rb, fee, note=note, job=job)  # type: ignore[arg-type]

    def _old_card(self) -> str:
        state = self.actions.panel.state
        return state.card_number if state is not None else ""

    def _issued(self, result: tuple[CardIssue, object]) -> None:
        _issue, outcome = result
        self.actions.show_outcome(outcome)  # type: ignore[arg-type]
        self.actions.refresh()
        self.ctx.events.publish(CardWritten())

    def _after_fee(self, result: Committed) -> None:
        if result.issue is not None and result.card is not None:
            self.actions.show_outcome(result.card)
            self.actions.refresh()
            self.ctx.events.publish(CardWritten())
