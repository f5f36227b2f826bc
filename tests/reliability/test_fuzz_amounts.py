"""Hypothesis text into the amount fields of fee collection, through the service
layer: the typed text goes through parse_amount() and, when it is a valid amount, into
collect_payment() as a cash prepayment and as the cash tendered for it. Each attempt
either records exactly one payment, receipt and audit event with the typed amount, or
is refused with a message and changes nothing. Runs on SQLite, and on PostgreSQL when a
test server is named."""

from __future__ import annotations

import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import Database

from gasdesk.domain import fees, money
from gasdesk.domain.text import UserError
from gasdesk.services import payments
from gasdesk.storage import audit_verify
from gasdesk.storage.errors import StorageError
from gasdesk.storage.models import Account, Counter, Payment, Staff
from tests.reliability.snapshot import snapshot

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
amount_text = st.one_of(
    st.text(max_size=24),
    st.text(
        alphabet=st.sampled_from("0123456789.,-+eE ¥元１２３４５６７８９０．\x00"), max_size=16
    ),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(
        [
            "",
            "0",
            "0.00",
            "0.05",
            "128.5",
            "¥128.50",
            "128.50元",
            "１２８.５０",
            "1,000",
            "1,000.5",
            "1e3",
            "NaN",
            "inf",
            "-1",
            "99999999999999",
            "0.001",
        ]
    ),
)


def _typed_amounts(due_text: str, tendered_text: str) -> tuple[int, int] | None:
    """Both texts as fen when the amount fields accept them, else None."""
    try:
        return money.parse_amount(due_text), money.parse_amount(tendered_text)
    except money.AmountError as exc:
        assert exc.message
        return None


def _attempt(due: int, tendered: int) -> int | None:
    """The amount recorded, or None when refused."""
    account = Account.get(Account.number == "1001000001")
    staff = Staff.get(Staff.badge == "MS01")
    counter = Counter.get((Counter.office == staff.office) & (Counter.number == 1))
    try:
        receipt = payments.collect_payment(
            fees.PaymentRequest(
                account_id=account.id,
                staff_id=staff.id,
                counter_id=counter.id,
                kind="prepay",
                method="cash",
                expected_due_fen=due,
                idempotency_key=uuid.uuid4().hex,
                tendered_fen=tendered,
            )
        )
    except (UserError, StorageError) as exc:
        assert exc.message
        return None
    assert receipt.amount_fen == due
    assert receipt.change_fen == tendered - due >= 0
    return due


@FUZZ
@given(due=amount_text, tendered=amount_text)
def test_any_amount_text_is_recorded_exactly_or_refused_without_a_trace(
    seeded: Database, due: str, tendered: str
) -> None:
    before = snapshot()
    typed = _typed_amounts(due, tendered)
    recorded = _attempt(*typed) if typed else None
    after = snapshot()
    if typed and typed[1] >= typed[0]:
        # an amount the fields accept, with enough cash: the prepayment is recorded
        assert recorded == typed[0]
    if recorded is None:
        assert after == before
    else:
        for table in ("payment", "receipt", "audit_event"):
            assert after["counts"][table] == before["counts"][table] + 1
        assert after["balances"] == before["balances"] + recorded
        assert Payment.select().order_by(Payment.id.desc()).first().amount_fen == recorded
        assert audit_verify.verify().ok
