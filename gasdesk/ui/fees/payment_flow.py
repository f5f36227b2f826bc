"""From the read-back to the recorded payment: opens the read-back screen, records
the payment on the worker when the teller confirms, and reports the receipt.

The request carries the payment form's idempotency key, so a retry after an error
sends the same key and can never charge twice.
"""

from __future__ import annotations

from dataclasses import replace

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from gasdesk import settings
from gasdesk.domain.events import PaymentCommitted, ReadBackCancelled, ReadBackShown, Refused
from gasdesk.domain.fees import PaymentRequest, ReceiptInfo
from gasdesk.domain.readback import ReadBack
from gasdesk.services import payments, receipts
from gasdesk.ui.context import AppContext
from gasdesk.ui.fees.readback_dialog import ReadBackDialog
from gasdesk.ui.messages import user_text


def commit_and_render(
    request: PaymentRequest, layout: str, ceiling: int | None = None
) -> tuple[ReceiptInfo, bytes | BaseException]:
    """On the worker: record the payment (the service checks the amounts against the
    counter's ceiling too), then make its receipt PDF. A PDF that cannot be made (a
    missing font, say) does not undo the payment: the failure is returned beside the
    receipt so that the teller learns both."""
    info = payments.collect_payment(request, ceiling_fen=ceiling)
    try:
        return info, receipts.receipt_pdf(info.receipt_id, layout)
    except Exception as exc:  # reported to the teller with the recorded receipt
        return info, exc


class PaymentFlow(QObject):
    committed = Signal(object, object)  # ReceiptInfo, receipt PDF (bytes) or why it failed
    failed = Signal(object)  # the exception; the read-back stays open for a retry
    cancelled = Signal()  # Esc at the read-back: nothing was recorded

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self.dialog: ReadBackDialog | None = None
        self.request: PaymentRequest | None = None

    @property
    def active(self) -> bool:
        return self.dialog is not None

    def start(self, rb: ReadBack, request: PaymentRequest, *, note: str = "") -> ReadBackDialog:
        """Show the read-back; `note` is something the customer must hear first."""
        self.request = request
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
        self.ctx.worker.submit(
            commit_and_render,
            self.request,
            self.ctx.settings.get(settings.RECEIPT_LAYOUT),
            self.ctx.settings.get(settings.FEE_CEILING),
            on_done=self._committed,
            on_error=self._failed,
        )

    def _committed(self, result: tuple[ReceiptInfo, bytes | BaseException]) -> None:
        info, pdf = result
        dialog, self.dialog = self.dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.set_busy(False)
            dialog.accept()
        self.ctx.events.publish(PaymentCommitted.of(info))
        self.committed.emit(info, pdf)

    def _failed(self, exc: BaseException) -> None:
        message = user_text(exc)
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.show_error(message)
        self.ctx.events.publish(Refused(message))
        self.failed.emit(exc)
