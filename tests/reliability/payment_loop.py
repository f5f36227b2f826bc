"""The payment writer of the crash, concurrency and fault tests.

`pay()` records a cash prepayment through `services.payments.collect_payment` when
fee collection is present, and otherwise through `_minimal_pay()`, a stand-in with
the same storage mechanisms (one write transaction holding the receipt number from
the ReceiptCounter row, the payment, the receipt, the balance change and the audit
event with payload payment, amount_fen, receipt). `WRITER` says which one ran.

Run as a script it is the child process of the crash and concurrency tests:

    python payment_loop.py DB_OR_URL KEY_FILE COUNT AMOUNT_FEN [ACCOUNT_NUMBER]

printing `committed <receipt code> <amount_fen>` (flushed) after each commit.
"""

from __future__ import annotations

import sys
import uuid

from gasdesk.storage import audit
from gasdesk.storage.db import run_in_transaction
from gasdesk.storage.models import Account, Counter, Payment, Receipt, Staff, now
from gasdesk.storage.numbering import next_number


def _fee_collection():  # type: ignore[no-untyped-def]
    """collect_payment and PaymentRequest, or None before fee collection is merged."""
    try:
        from gasdesk.domain.fees import PaymentRequest
        from gasdesk.services.payments import collect_payment
    except ModuleNotFoundError as exc:
        if exc.name in ("gasdesk.services.payments", "gasdesk.domain.fees"):
            return None
        raise
    return collect_payment, PaymentRequest


WRITER = "collect_payment" if _fee_collection() else "minimal"


def pay(account_number: str, amount_fen: int, badge: str = "MS01", counter_no: int = 1) -> str:
    """Record one cash prepayment; returns the receipt code after the commit."""
    fees = _fee_collection()
    if fees is None:
        return _minimal_pay(account_number, amount_fen, badge, counter_no)
    collect_payment, payment_request = fees
    account = Account.get(Account.number == account_number)
    staff = Staff.get(Staff.badge == badge)
    counter = Counter.get((Counter.office == staff.office) & (Counter.number == counter_no))
    receipt = collect_payment(
        payment_request(
            account_id=account.id,
            staff_id=staff.id,
            counter_id=counter.id,
            kind="prepay",
            method="cash",
            expected_due_fen=amount_fen,
            idempotency_key=uuid.uuid4().hex,
            tendered_fen=amount_fen,
        )
    )
    return str(receipt.code)


def _minimal_pay(account_number: str, amount_fen: int, badge: str, counter_no: int) -> str:
    """The stand-in for collect_payment (see the module's docstring)."""

    def work() -> str:
        account = Account.get(Account.number == account_number)
        staff = Staff.get(Staff.badge == badge)
        counter = Counter.get((Counter.office == staff.office) & (Counter.number == counter_no))
        office = staff.office
        at = now()
        series = f"{office.code}-{at.year}"
        number = next_number(series)
        payment = Payment.create(
            account=account,
            office=office,
            counter=counter,
            staff=staff,
            business_date=at.date(),
            kind="prepay",
            method="cash",
            amount_fen=amount_fen,
            tendered_fen=amount_fen,
            idempotency_key=uuid.uuid4().hex,
        )
        receipt = Receipt.create(series=series, number=number, payment=payment)
        # read-modify-write on purpose: lost updates would show in the balance sums
        account.balance_fen = account.balance_fen + amount_fen
        account.save()
        audit.append(
            "payment",
            staff_id=staff.id,
            office_id=office.id,
            payment=payment.id,
            amount_fen=amount_fen,
            receipt=receipt.code,
            account=account.number,
        )
        return str(receipt.code)

    return run_in_transaction(work)


def main(argv: list[str]) -> int:
    from gasdesk.storage.db import open_database

    target, key, count, amount = argv[0], argv[1], int(argv[2]), int(argv[3])
    account = argv[4] if len(argv) > 4 else "1001000001"
    if "://" in target:
        open_database(url=target, key_path=key)
    else:
        open_database(target, key_path=key)
    print("ready", flush=True)
    for _ in range(count):
        code = pay(account, amount)
        print(f"committed {code} {amount}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
