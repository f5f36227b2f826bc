"""A minimal payment writer with the storage mechanisms a real payment uses: one
write transaction holding the receipt number (ReceiptCounter), the payment, the
receipt, the account balance and the audit event (payload: payment, amount_fen,
receipt).

It stands in for services.payments.collect_payment in the crash and concurrency
tests until that service is merged; the tests call only `pay()`, so switching them
over changes this one function.

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


def pay(account_number: str, amount_fen: int, badge: str = "MS01", counter_no: int = 1) -> str:
    """Record one cash payment; returns the receipt code after the commit."""

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
