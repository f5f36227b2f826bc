"""Plain values of fee collection that services hand to the UI and to printing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gasdesk.domain.cards import CardImage
from gasdesk.domain.fapiao import FapiaoBuyer
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.tariff import TierLine


@dataclass(frozen=True)
class BillView:
    """A bill as the teller and the receipt show it. `bill_id` is None for a bill
    computed from readings that has not been written yet (it is written, with these
    very figures, in the transaction that collects it)."""

    bill_id: int | None
    meter_number: str
    period_start: dt.date
    period_end: dt.date
    from_value_l: int | None
    to_value_l: int | None
    volume_l: int
    amount_fen: int
    paid_fen: int
    lines: tuple[TierLine, ...]

    @property
    def open_fen(self) -> int:
        return self.amount_fen - self.paid_fen


@dataclass(frozen=True)
class DueStatement:
    """What the customer owes, line by line, and what an IC-card purchase starts from."""

    account: AccountSummary
    bills: tuple[BillView, ...]
    balance_fen: int
    ytd_l: int  # household volume this year so far (tiers of a purchase start here)
    tariff_name: str
    today: dt.date

    @property
    def due_fen(self) -> int:
        return sum(b.open_fen for b in self.bills)


@dataclass(frozen=True)
class PurchaseQuote:
    """IC-card gas (购气): `volume_l` for `amount_fen`, priced by `lines`."""

    volume_l: int
    amount_fen: int
    lines: tuple[TierLine, ...]
    ytd_l: int
    offered_fen: int | None = None  # the yuan asked for, when bought by amount


@dataclass(frozen=True)
class PaymentRequest:
    """Everything the teller confirmed at the read-back.

    `expected_due_fen` is the amount read back: the service refuses if the amount
    due has changed since. `idempotency_key` is made when the payment form opens;
    a second request with the same key returns the first receipt.
    """

    account_id: int
    staff_id: int
    counter_id: int
    kind: str  # 'bill' | 'purchase' | 'prepay' | 'card_fee' (补卡, services.card_replace)
    method: str  # 'cash' | 'wechat' | 'alipay' | 'card' | 'balance'
    expected_due_fen: int
    idempotency_key: str
    tendered_fen: int | None = None
    reference: str = ""
    volume_l: int = 0  # purchase: the volume quoted
    fapiao: FapiaoBuyer | None = None  # the customer asked for a fapiao made out to this buyer
    card: CardImage | None = None  # purchase: the customer's IC card as read before


@dataclass(frozen=True)
class ReceiptInfo:
    receipt_id: int
    code: str  # e.g. MS-2026-000123
    payment_id: int
    kind: str
    method: str
    amount_fen: int
    tendered_fen: int
    change_fen: int
    volume_l: int
    account_number: str
    account_name: str
    issued_at: dt.datetime
    business_date: dt.date
    replayed: bool = False  # True when an earlier request with the same key is returned


@dataclass(frozen=True)
class PaymentRow:
    """One line of the day's payments list."""

    payment_id: int
    receipt_id: int | None
    code: str
    created_at: dt.datetime
    account_number: str
    account_name: str
    kind: str
    method: str
    amount_fen: int
    staff_badge: str
    voided_by_code: str = ""  # the void slip that reversed this payment
    voids_code: str = ""  # for a void: the receipt it reverses
    flags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def can_void(self) -> bool:
        return self.kind != "void" and not self.voided_by_code
