"""What happens at the counter, as typed events.

Each operation announces its own completion with one event (Anki's OpChanges from
each CollectionOp): the payment flow a PaymentCommitted, the form entry a
FormCommitted, the shift panel a CashMoved... The phrase panel, the customer display,
the visit tracker and the views that show records subscribe to types
(`gasdesk.ui.context.CounterEvents.subscribe`), never to strings, so a misspelt event
or a missing field fails at the type checker, not at the counter.

The kinds below are plain classes that say what an event means to a listener; an
event may be several at once, and a listener that subscribes to a kind hears every
event of it:

- Committed: the customer's business is recorded (thanks, its number on the customer
  display, the visit's subject, the rating opens);
- WorkDone: the teller's own work is finished (an apology for a refusal is over);
- DataChanged and its kinds (PaymentsChanged, ReadingsChanged, FormsChanged,
  DrawerChanged, OutagesChanged): records changed, the views showing them load again.

Only the dataclasses are events; the kinds themselves are never emitted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gasdesk.domain.fees import ReceiptInfo
from gasdesk.domain.methods import CASH
from gasdesk.domain.readback import ReadBack


class CounterEvent:
    """Something that happened at the counter (a kind; events are its dataclasses)."""

    __slots__ = ()


# --- what events mean to a listener ---------------------------------------------------


class Committed(CounterEvent):
    """The customer's business is recorded: a payment, a void, a form, a reading."""

    __slots__ = ()


class WorkDone(CounterEvent):
    """The teller's own work is finished (a shift, a cash movement, a count): a refusal
    shown before is over, and there is nothing for the customer to rate."""

    __slots__ = ()


class DataChanged(CounterEvent):
    """Records changed; the views that show them load again."""

    __slots__ = ()


class PaymentsChanged(DataChanged):
    __slots__ = ()


class ReadingsChanged(DataChanged):
    __slots__ = ()


class FormsChanged(DataChanged):
    __slots__ = ()


class DrawerChanged(DataChanged, WorkDone):
    """The teller's drawer: a shift opened or closed, cash moved, a count or a
    difference recorded."""

    __slots__ = ()


class CardsChanged(DataChanged):
    """What an IC card holds changed: a purchase written or re-written (补写卡), or a
    new card issued in place of a lost one (补卡)."""


class OutagesChanged(DataChanged):
    __slots__ = ()


# --- the moments of a service -----------------------------------------------------------


@dataclass(frozen=True)
class CustomerSelected(CounterEvent):
    """A customer is chosen to be served (greeting; a visit starts)."""

    account_id: int
    name: str


@dataclass(frozen=True)
class ReadBackShown(CounterEvent):
    """唱收唱付: the amounts are read back before anything is recorded."""

    due_fen: int
    received_fen: int
    change_fen: int
    method: str = CASH

    def __post_init__(self) -> None:
        amounts = (self.due_fen, self.received_fen, self.change_fen)
        if not all(isinstance(a, int) and not isinstance(a, bool) for a in amounts):
            raise TypeError("read-back amounts are integer fen")
        if min(amounts) < 0 or self.change_fen != self.received_fen - self.due_fen:
            raise ValueError("the change is what was received less what is due")

    @classmethod
    def of(cls, rb: ReadBack) -> ReadBackShown:
        return cls(rb.due_fen, rb.received_fen, rb.change_fen, rb.method)


@dataclass(frozen=True)
class ReadBackCancelled(CounterEvent):
    """Esc at the read-back: nothing was recorded and its amounts are gone."""


@dataclass(frozen=True)
class Refused(CounterEvent):
    """The teller cannot do what is asked, or an error stopped it; `message` is the
    translated text the teller sees."""

    message: str


@dataclass(frozen=True)
class Farewell(CounterEvent):
    """The service is over (next customer); the visit ends."""


# --- the customer's business, recorded ------------------------------------------------


@dataclass(frozen=True)
class PaymentCommitted(Committed, PaymentsChanged):
    receipt: str  # the receipt code the customer is given, e.g. MS-2026-000123
    payment_id: int
    amount_fen: int
    change_fen: int

    @classmethod
    def of(cls, info: ReceiptInfo) -> PaymentCommitted:
        return cls(info.code, info.payment_id, info.amount_fen, info.change_fen)


@dataclass(frozen=True)
class VoidCommitted(Committed, PaymentsChanged):
    receipt: str  # the void slip's code
    payment_id: int  # the void's own payment row

    @classmethod
    def of(cls, info: ReceiptInfo) -> VoidCommitted:
        return cls(info.code, info.payment_id)


@dataclass(frozen=True)
class FormCommitted(Committed, FormsChanged):
    form_id: int
    form_number: str


@dataclass(frozen=True)
class ReadingRecorded(Committed, ReadingsChanged):
    reading_id: int
    account_id: int


# --- records changed by other work ------------------------------------------------------


@dataclass(frozen=True)
class FormUpdated(FormsChanged):
    """A form moved on: advanced, a complaint escalated or upheld, a booked visit done or
    cancelled, a return visit recorded."""

    form_number: str


@dataclass(frozen=True)
class FormCopyPrinted(FormsChanged):
    form_id: int
    reprint: bool


@dataclass(frozen=True)
class ShiftOpened(DrawerChanged):
    shift_id: int


@dataclass(frozen=True)
class CashMoved(DrawerChanged):
    shift_id: int
    direction: str  # 'in' | 'out'
    amount_fen: int


@dataclass(frozen=True)
class DrawerCounted(DrawerChanged):
    shift_id: int


@dataclass(frozen=True)
class DifferenceRecorded(DrawerChanged):
    shift_id: int
    method: str


@dataclass(frozen=True)
class ShiftClosed(DrawerChanged):
    shift_id: int


@dataclass(frozen=True)
class DayClosed(DataChanged):
    business_date: dt.date


@dataclass(frozen=True)
class OutageRegistered(OutagesChanged):
    outage_id: int


@dataclass(frozen=True)
class OutageWithdrawn(OutagesChanged):
    outage_id: int


@dataclass(frozen=True)
class RatingRecorded(DataChanged):
    rating_id: int


@dataclass(frozen=True)
class AccountChanged(PaymentsChanged):
    """A completed form changed the account (its holder, state or meter) and may have
    paid its bills from the balance or refunded it."""

    account_id: int


@dataclass(frozen=True)
class CardWritten(CardsChanged):
    """The card writer finished: a purchase is on the card, or a new card was issued."""


@dataclass(frozen=True)
class ReceiptPrinted(DataChanged):
    receipt_id: int
    reprint: bool
