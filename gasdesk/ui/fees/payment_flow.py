"""From the read-back to the recorded payment: opens the read-back screen, records
the payment on the worker when the teller confirms, and reports the receipt.

The request carries the payment form's idempotency key, so a retry after an error
sends the same key and can never charge twice. An IC-card purchase is written onto
the card right after its payment committed (services.card_writing), on the same
job; a write that fails leaves the payment recorded and the purchase "paid, not
written" (card_result says why). A new card (补卡) with a fee runs its own job
through the same read-back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gasdesk import settings
from gasdesk.devices.card_writer import CardWriter
from gasdesk.domain.cards import CardIssue, WriteOutcome
from gasdesk.domain.events import PaymentCommitted, ReadBackCancelled, ReadBackShown, Refused
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.domain.readback import ReadBack
from gasdesk.services import card_writing, payments, receipts
from gasdesk.ui.context import AppContext
from gasdesk.ui.devices import devices_of
from gasdesk.ui.fees.readback_dialog import ReadBackDialog
from gasdesk.ui.messages import user_text


@dataclass(frozen=True)
class Committed:
    """What a confirmed read-back recorded: the receipt, its PDF (or why it could not
    be made), and for IC cards how the write went and the new card."""

    info: ReceiptInfo
    pdf: bytes | BaseException
    card: WriteOutcome | None = None
    issue: CardIssue | None = None


def render(info: ReceiptInfo, layout: str) -> bytes | BaseException:
    """The receipt PDF; a PDF that cannot be made (a missing font, say) does not undo
    the payment: the failure is returned beside the receipt so the teller learns both."""
    try:
        return receipts.receipt_pdf(info.receipt_id, layout)
    except Exception as exc:  # reported to the teller with the recorded receipt
        return exc


def commit_and_render(
    request: PaymentRequest,
    layout: str,
    ceiling: int | None = None,
    writer: CardWriter | None = None,
) -> Committed:
    """On the worker: record the payment (the service checks the amounts against the
    counter's ceiling too), write an IC-card purchase onto the card, then make the
    receipt PDF."""
    info = payments.collect_payment(request, ceiling_fen=ceiling)
    card = None
    if info.kind == "purchase" and writer is not None:
        card = card_writing.write_purchase(writer, info.payment_id, request.staff_id)
    return Committed(info, render(info, layout), card)


Job = Callable[[PaymentRequest], Committed]


class PaymentFlow(QObject):
    committed = Signal(object, object)  # ReceiptInfo, receipt PDF (bytes) or why it failed
    card_result = Signal(object)  # Committed, before `committed`, when a card was involved
    failed = Signal(object)  # the exception; the read-back stays open for a retry
    cancelled = Signal()  # Esc at the read-back: nothing was recorded

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.dialog: ReadBackDialog | None = None
        self.request: PaymentRequest | None = None
        self.job: Job | None = None

    @property
    def active(self) -> bool:
        return self.dialog is not None

    def start(
        self, rb: ReadBack, request: PaymentRequest, *, note: str = "", job: Job | None = None
    ) -> ReadBackDialog:
        """Show the read-back; `note` is something the customer must hear first; `job`
        records it on the worker (default: the payment, and an IC-card purchase's write)."""
        self.request = request
        self.job = job
        dialog = ReadBackDialog(rb, self.host.window(), note=note)
        dialog.confirmed.connect(self._confirmed)
        dialog.rejected.connect(self._cancelled)
        dialog.finished.connect(dialog.deleteLater)  # one per payment: never kept
        self.dialog = dialog
        self.ctx.events.publish(ReadBackShown.of(rb))
        dialog.open()
        return dialog

    def _cancelled(self) -> None:
        self.dialog = None
        self.ctx.events.publish(ReadBackCancelled())
        self.cancelled.emit()

    def _confirmed(self) -> None:
        assert self.request is not None
        if self.dialog is not None:  # the fapiao the customer asked for, if any
            self.request = replace(self.request, fapiao=self.dialog.fapiao)
        request = self.request
        if self.job is not None:
            self.ctx.worker.submit(
                self.job, request, on_done=self._committed, on_error=self._failed
            )
            return
        writer = devices_of(self.ctx).card_writer if request.kind == "purchase" else None
        self.ctx.worker.submit(
            commit_and_render,
            request,
            self.ctx.settings.get(settings.RECEIPT_LAYOUT),
            self.ctx.settings.get(settings.FEE_CEILING),
            writer,
            on_done=self._committed,
            on_error=self._failed,
        )

    def _committed(self, result: Committed) -> None:
        info = result.info
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.set_busy(False)
            dialog.accept()
        self.ctx.events.publish(PaymentCommitted.of(info))
        if result.card is not None or result.issue is not None:
            self.card_result.emit(result)
        self.committed.emit(info, result.pdf)

    def _failed(self, exc: BaseException) -> None:
        message = user_text(exc)
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show_error(message)
        self.ctx.events.publish(Refused(message))
        self.failed.emit(exc)
