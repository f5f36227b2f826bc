"""The payment writer of the crash, concurrency and fault tests: `pay()` records a cash
prepayment through `services.payments.collect_payment`, the code the counter runs. If
that cannot be imported the tests that use it fail; they never fall back to a copy.

Run as a script it is the child process of the crash and concurrency tests:

    python payment_loop.py DB_OR_URL KEY_FILE COUNT AMOUNT_FEN [ACCOUNT_NUMBER]

printing `committed <receipt code> <amount_fen>` (flushed) after each commit.
"""

from __future__ import annotations

import sys
import uuid

from gasdesk.domain.fees import PaymentRequest
from gasdesk.services.payments import collect_payment
from gasdesk.storage.models import Account, Counter, Staff


def pay(account_number: str, amount_fen: int, badge: str = "MS01", counter_no: int = 1) -> str:
    """Record one cash prepayment; returns the receipt code after the commit."""
    account = Account.get(Account.number == account_number)
    staff = Staff.get(Staff.badge == badge)
    counter = Counter.get((Counter.office == staff.office) & (Counter.number == counter_no))
    receipt = collect_payment(
        PaymentRequest(
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
