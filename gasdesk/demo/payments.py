"""The counter side of the demo history: who took each payment, when and how, and
the receipt numbers, given in time order per office and year without a gap."""

from __future__ import annotations

import random

from gasdesk.demo.bulk import BulkTable
from gasdesk.demo.calendar import COUNTER_TIMES, MONTHS, Timeline
from gasdesk.demo.reference import Reference

METHODS = ("cash", "wechat", "alipay", "card")
METHOD_WEIGHTS = (45, 30, 15, 10)  # per cent
# Cash: the exact sum (30 %), or notes rounded up to 10 (30 %), 50 (25 %), 100 yuan (15 %).
CASH_STEPS = (0,) * 6 + (1000,) * 6 + (5000,) * 5 + (10000,) * 3
N_TIMES = len(COUNTER_TIMES)

# A payment waiting for its month to be numbered: (created_at, account id, office
# index, staff id, counter id, kind, method, amount, tendered, change, volume_l,
# [(bill id, amount)], reference, lines JSON).
Scheduled = tuple[
    str, int, int, int, int, str, str, int, int, int, int, list[tuple[int, int]], str, str
]
# Who took a payment: (staff id, counter id, 'YYYY-MM-DD HH:MM:SS').
Teller = tuple[int, int, str]


def reference(method: str, stamp: str, digits: int) -> str:
    """A transaction reference as the payment provider prints it: WeChat Pay's
    28-digit transaction number, Alipay's trade number, the bank terminal's
    12-digit retrieval reference. Cash has none."""
    day = stamp[:10].replace("-", "")
    if method == "wechat":
        return f"4200{day}{digits:016d}"
    if method == "alipay":
        return f"{day}2200{digits:016d}"
    if method == "card":
        return f"{digits % 10**12:012d}"
    return ""


class Counters:
    """Payments are collected per month of payment, then numbered in time order."""

    def __init__(
        self, rng: random.Random, ref: Reference, timeline: Timeline, tables: dict[str, BulkTable]
    ) -> None:
        self.rng = rng
        self.ref = ref
        self.tl = timeline
        self.payments = tables["payment"]
        self.payment_bills = tables["payment_bill"]
        self.receipts = tables["receipt"]
        self.payment_id = 0
        self.link_id = 0
        self.receipt_counters: dict[str, int] = {}
        self.buckets: list[list[Scheduled]] = [[] for _ in range(MONTHS + 1)]
        self.methods = [m for m, w in zip(METHODS, METHOD_WEIGHTS, strict=True) for _ in range(w)]
        self.staffing = [(o.teller_ids, o.counter_ids) for o in ref.offices]

    def teller(self, office: int, day: int) -> Teller:
        """Who serves the customer, at which counter, and when on that day."""
        tellers, counters = self.staffing[office]
        pick = int(self.rng.random() * len(tellers) * N_TIMES)
        i = pick % len(tellers)
        return (
            tellers[i],
            counters[i],
            f"{self.tl.day_str[day]} {COUNTER_TIMES[pick // len(tellers)]}",
        )

    def schedule(
        self,
        account_id: int,
        office: int,
        day: int,
        kind: str,
        amount: int,
        volume: int,
        bills: list[tuple[int, int]],
        lines: str,
        who: Teller | None = None,
    ) -> None:
        """A payment on day offset `day` (a business day before today)."""
        rng = self.rng
        staff, counter, stamp = who or self.teller(office, day)
        r = rng.random() * 100
        method = self.methods[int(r)]
        tendered, change, ref = amount, 0, ""
        if method == "cash":  # notes handed over, change given back
            step = CASH_STEPS[int((r - int(r)) * len(CASH_STEPS))]
            if step:
                tendered = -(-amount // step) * step
                change = tendered - amount
        else:
            ref = reference(method, stamp, rng.getrandbits(50))
        self.buckets[self.tl.month_of[day]].append(
            (stamp, account_id, office, staff, counter, kind, method, amount, tendered, change,
             volume, bills, ref, lines)
        )  # fmt: skip

    def flush(self, m: int) -> None:
        """Number month m's payments in time order: payment ids, and receipt numbers
        gapless per office and year."""
        bucket = self.buckets[m]
        self.buckets[m] = []
        bucket.sort()  # by time, then account
        year = self.tl.months[m][0]
        codes = [(o.id, f"{o.code}-{year}") for o in self.ref.offices]
        counters = self.receipt_counters
        numbers = [counters.get(series, 0) for _, series in codes]
        add_payment = self.payments.rows.append
        add_link = self.payment_bills.rows.append
        add_receipt = self.receipts.rows.append
        pid = self.payment_id
        link = self.link_id
        for payment in bucket:
            (stamp, account, office, staff, counter, kind, method, amount, tendered, change,
             volume, bills, ref, lines) = payment  # fmt: skip
            pid += 1
            office_id, series = codes[office]
            number = numbers[office] + 1
            numbers[office] = number
            add_payment(
                (pid, account, office_id, counter, staff, stamp[:10], kind, method, amount,
                 tendered, change, volume, ref, f"demo-{pid:09d}", "", lines, stamp)
            )  # fmt: skip
            for bill_id, bill_amount in bills:
                link += 1
                add_link((link, pid, bill_id, bill_amount))
            add_receipt((pid, series, number, pid, stamp))
        for (_, series), number in zip(codes, numbers, strict=True):
            if number:
                counters[series] = number
        self.payment_id = pid
        self.link_id = link
