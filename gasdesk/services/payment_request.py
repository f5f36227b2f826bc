"""What a payment request must be before the database is asked: its kind and method,
amounts and volumes within their ranges (domain.limits), the read-back figures; and
whether a recorded payment is the same request sent again (an idempotent retry)."""

from __future__ import annotations

from gasdesk.domain.errors import TellerError
from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.limits import check_computed, check_entry, check_volume
from gasdesk.domain.methods import BALANCE, TENDER_METHODS
from gasdesk.domain.readback import ReadBack, read_back
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.services import fapiao
from gasdesk.storage.models import Payment

COLLECT_KINDS = ("bill", "purchase", "prepay")
CARD_FEE = "card_fee"  # taken only with a new card (services.card_replace)


class PaymentError(TellerError):
    """The payment was refused; nothing was recorded."""


def _check_ranges(request: PaymentRequest, ceiling_fen: int | None) -> None:
    """Amounts and volumes within their ranges (domain.limits): what the teller enters
    (a prepayment, an IC-card purchase, the cash handed over) at most the ceiling, a
    bill's amount due at most the hard maximum. Nothing (or less) due is left to
    read_back, which says so in its own words."""

    def left_to_read_back(fen: object) -> bool:
        return isinstance(fen, int) and not isinstance(fen, bool) and fen <= 0

    due = request.expected_due_fen
    if not left_to_read_back(due):
        check_computed(due) if request.kind == "bill" else check_entry(due, ceiling_fen)
    tendered = request.tendered_fen
    if tendered is not None and not left_to_read_back(tendered):
        check_entry(tendered, ceiling_fen)
    if request.kind == "purchase":
        check_volume(request.volume_l)


def check_request(
    request: PaymentRequest, ceiling_fen: int | None = None, kinds: tuple[str, ...] = COLLECT_KINDS
) -> ReadBack:
    """Everything that can be refused without the database (the read-back figures).
    `ceiling_fen` is the counter's limit for one entry (money.effective_ceiling)."""
    if not request.idempotency_key:
        raise ValueError("a payment needs an idempotency key")
    if request.kind not in kinds:
        raise PaymentError(
            "bad_kind",
            QT_TRANSLATE_NOOP("Messages", "Unknown payment kind '{kind}'."),
            kind=request.kind,
        )
    if request.method == BALANCE and request.kind != "bill":
        raise PaymentError(
            "balance_only_bills",
            QT_TRANSLATE_NOOP("Messages", "The prepaid balance pays bills only."),
        )
    if request.method not in (*TENDER_METHODS, BALANCE):
        raise PaymentError(
            "bad_method",
            QT_TRANSLATE_NOOP("Messages", "Unknown payment method '{method}'."),
            method=request.method,
        )
    if request.kind == "purchase" and isinstance(request.volume_l, int) and request.volume_l <= 0:
        raise PaymentError(
            "no_volume", QT_TRANSLATE_NOOP("Messages", "Enter the gas to load on the card.")
        )
    _check_ranges(request, ceiling_fen)
    fapiao.checked(request.fapiao)  # the same refusal a script gets as the read-back
    if request.kind == "purchase" and request.card is None:
        raise PaymentError(
            "card_not_read", QT_TRANSLATE_NOOP("Messages", "Read the customer's IC card first.")
        )
    return read_back(
        due_fen=request.expected_due_fen,
        method=request.method,
        tendered_fen=request.tendered_fen,
        reference=request.reference,
        kind=request.kind,
        volume_l=request.volume_l,
    )


def same_request(payment: Payment, request: PaymentRequest, rb: ReadBack) -> bool:
    """Whether `payment` records what `request` asks for: a retry of the same payment."""
    return (
        payment.account_id == request.account_id
        and payment.kind == request.kind
        and payment.method == request.method
        and payment.amount_fen == request.expected_due_fen
        and payment.staff_id == request.staff_id
        and payment.counter_id == request.counter_id
        and payment.tendered_fen == rb.received_fen
        and payment.volume_l == (request.volume_l if request.kind == "purchase" else 0)
        and (payment.reference or "") == rb.reference
        and fapiao.stored_buyer(payment.id) == fapiao.checked(request.fapiao)
    )
