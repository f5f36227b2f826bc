"""A drawer driven at random through the real services (pay, void, pay in, pay out,
count): the expected cash always equals

    float + cash in − change − cash out − cash voids

as a separate model keeps it, and every count's total is the sum of its
denominations. Neither a pay-out nor a cash void can take more than the drawer holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from gasdesk.domain.cash import DENOMINATIONS_FEN, NON_CASH_METHODS
from gasdesk.domain.text import UserError
from gasdesk.services import drawer, reconcile, shifts
from gasdesk.storage.db import open_database
from gasdesk.storage.models import db
from tests.dayend_support import DAY, pay, seed, void

counts_strategy = st.fixed_dictionaries(
    {value: st.integers(min_value=0, max_value=60) for value in DENOMINATIONS_FEN}
)
amounts = st.integers(min_value=1, max_value=300_000)


class Drawer(RuleBasedStateMachine):
    @initialize(float_counts=counts_strategy)
    def open(self, float_counts: dict[int, int]) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        open_database(Path(self.tmp.name) / "drawer.db", key_path=Path(self.tmp.name) / "k")
        self.setup = seed()
        shift = shifts.open_shift(
            self.setup.teller_id, self.setup.counter_ids[0], float_counts, business_date=DAY
        )
        self.shift_id = shift.id
        self.float = sum(v * n for v, n in float_counts.items())
        assert shift.opening_float_fen == self.float
        self.cash_in = self.change = self.paid_in = self.paid_out = self.cash_voids = 0
        self.non_cash = dict.fromkeys(NON_CASH_METHODS, 0)
        self.open_payments: list[tuple[int, str, int]] = []  # (payment id, method, amount)
        self.refs = 0

    def model_expected(self) -> int:
        return (
            self.float + self.cash_in - self.change + self.paid_in - self.paid_out - self.cash_voids
        )

    @rule(amount=amounts, extra=st.integers(min_value=0, max_value=10_000))
    def pay_cash(self, amount: int, extra: int) -> None:
        receipt = pay(self.setup, method="cash", amount_fen=amount, tendered_fen=amount + extra)
        assert (receipt.tendered_fen, receipt.change_fen) == (amount + extra, extra)
        self.cash_in += amount + extra
        self.change += extra
        self.open_payments.append((receipt.payment_id, "cash", amount))

    @rule(amount=amounts, method=st.sampled_from(NON_CASH_METHODS))
    def pay_other(self, amount: int, method: str) -> None:
        self.refs += 1
        receipt = pay(self.setup, method=method, amount_fen=amount, reference=f"REF{self.refs:05d}")
        self.non_cash[method] += amount
        self.open_payments.append((receipt.payment_id, method, amount))

    @precondition(lambda self: self.open_payments)
    @rule(pick=st.integers(min_value=0))
    def void_one(self, pick: int) -> None:
        payment_id, method, amount = self.open_payments[pick % len(self.open_payments)]
        if method == "cash" and amount > self.model_expected():
            try:  # the cash handed back must be in the drawer
                void(self.setup, payment_id, reason="收错金额")
            except UserError:
                return
            raise AssertionError("a cash void the drawer cannot pay was accepted")
        self.open_payments.remove((payment_id, method, amount))
        void(self.setup, payment_id, reason="收错金额")
        if method == "cash":
            self.cash_voids += amount
        else:
            self.non_cash[method] -= amount

    @rule(amount=amounts)
    def pay_in(self, amount: int) -> None:
        shifts.pay_in(self.shift_id, self.setup.teller_id, amount, "备用金补充")
        self.paid_in += amount

    @rule(amount=amounts)
    def pay_out(self, amount: int) -> None:
        if amount > self.model_expected():
            try:
                shifts.pay_out(self.shift_id, self.setup.teller_id, amount, "银行存款")
            except UserError:
                return
            raise AssertionError("paying out more than the drawer holds was accepted")
        shifts.pay_out(self.shift_id, self.setup.teller_id, amount, "银行存款")
        self.paid_out += amount

    @rule(
        counts=counts_strategy, declared=st.dictionaries(st.sampled_from(NON_CASH_METHODS), amounts)
    )
    def count(self, counts: dict[int, int], declared: dict[str, int]) -> None:
        rec = reconcile.record_blind_count(self.shift_id, self.setup.teller_id, counts, declared)
        assert rec.count.total_fen == sum(v * n for v, n in counts.items())
        assert rec.count.as_dict() == counts
        cash = rec.line("cash")
        assert cash.expected_fen == self.model_expected()
        assert cash.counted_fen == rec.count.total_fen
        assert cash.difference_fen == rec.count.total_fen - self.model_expected()
        for method in NON_CASH_METHODS:
            line = rec.line(method)
            assert line.expected_fen == self.non_cash[method]
            assert line.counted_fen == declared.get(method, 0)
        assert not rec.stale

    @invariant()
    def expected_cash_holds(self) -> None:
        cash = drawer.expected_cash_of(self.shift_id)
        assert cash.expected_fen == self.model_expected()
        assert cash.cash_taken_fen - cash.change_given_fen - cash.cash_voids_fen == (
            self.cash_in - self.change - self.cash_voids
        )
        assert cash.tender_mismatches == 0

    def teardown(self) -> None:
        if hasattr(self, "tmp"):
            db.close()
            self.tmp.cleanup()


Drawer.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDrawer = Drawer.TestCase
