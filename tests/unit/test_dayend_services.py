"""Shifts, blind counts, differences and closing, through the service layer."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from gasdesk.demo import DEMO_PASSWORD
from gasdesk.domain.text import UserError
from gasdesk.services import day_close, day_export, day_report, reconcile, shift_close, shifts
from gasdesk.services.effects.catalog import load_forms
from gasdesk.services.forms import FormActionError, submit_form
from gasdesk.storage import audit
from gasdesk.storage.models import AuditEvent, FormRecord, Payment, Shift, Staff
from gasdesk.storage.models_dayend import CashCount, ShiftDifference
from tests.dayend_support import DAY, Setup, pay, seed, void

FLOAT = {10000: 2, 1000: 5, 100: 20, 50: 4, 10: 10}  # 200 + 50 + 20 + 2 + 1 = 273 yuan


@pytest.fixture
def setup(empty_database) -> Setup:  # type: ignore[no-untyped-def]
    return seed()


def open_ms01(setup: Setup):  # type: ignore[no-untyped-def]
    return shifts.open_shift(setup.teller_id, setup.counter_ids[0], FLOAT, business_date=DAY)


def test_open_shift_records_float_by_denomination(setup: Setup) -> None:
    s = open_ms01(setup)
    assert s.opening_float_fen == 27300
    assert s.is_open and s.staff_badge == "MS01" and s.counter_number == 1
    status = reconcile.shift_status(s.id)
    assert status.float_count is not None
    assert status.float_count.as_dict()[10000] == 2
    assert status.reconciliation is None  # nothing expected is shown before a count
    assert shifts.current_shift(setup.teller_id, setup.counter_ids[0]) == s
    assert AuditEvent.select().where(AuditEvent.kind == "shift_opened").count() == 1


def test_one_open_shift_per_teller_and_per_counter(setup: Setup) -> None:
    open_ms01(setup)
    with pytest.raises(UserError, match="already have an open shift"):
        shifts.open_shift(setup.teller_id, setup.counter_ids[1], {}, business_date=DAY)
    with pytest.raises(UserError, match="already has an open shift"):
        shifts.open_shift(setup.teller2_id, setup.counter_ids[0], {}, business_date=DAY)
    assert Shift.select().count() == 1
    shifts.open_shift(setup.teller2_id, setup.counter_ids[1], {}, business_date=DAY)


def test_bad_float_counts_change_nothing(setup: Setup) -> None:
    for bad in ({100: -1}, {100: 1.5}, {200: 1}, {100: True}):
        with pytest.raises(UserError):
            shifts.open_shift(setup.teller_id, setup.counter_ids[0], bad, business_date=DAY)
    assert Shift.select().count() == 0
    assert CashCount.select().count() == 0


def test_pay_in_out_need_reason_and_positive_amount(setup: Setup) -> None:
    s = open_ms01(setup)
    with pytest.raises(UserError, match="reason"):
        shifts.pay_in(s.id, setup.teller_id, 100, "   ")
    with pytest.raises(UserError, match="more than zero"):
        shifts.pay_out(s.id, setup.teller_id, 0, "bank")
    with pytest.raises(UserError, match="does not hold"):
        shifts.pay_out(s.id, setup.teller_id, 27301, "银行存款")
    with pytest.raises(UserError, match="another teller"):
        shifts.pay_in(s.id, setup.teller2_id, 100, "x")
    m = shifts.pay_out(s.id, setup.teller_id, 20000, "银行存款")
    assert m.direction == "out" and m.amount_fen == 20000 and m.reason == "银行存款"
    assert len(shifts.movements(s.id)) == 1


def test_blind_count_reconciles_every_method(setup: Setup) -> None:
    s = open_ms01(setup)
    pay(setup, method="cash", amount_fen=12850, tendered_fen=20000)
    voided = pay(setup, method="cash", amount_fen=3000, tendered_fen=3000)
    void(setup, voided.payment_id, reason="收错户号")
    pay(setup, method="wechat", amount_fen=5000, reference="WX0001")
    pay(setup, method="card", amount_fen=4400, reference="POS0001")
    with pytest.raises(UserError) as refused:  # one terminal transaction pays once
        pay(setup, method="card", amount_fen=4400, reference="POS0001")
    assert refused.value.params["receipt"] == "MS-2026-000005"
    shifts.pay_in(s.id, setup.teller_id, 10000, "备用金补充")
    shifts.pay_out(s.id, setup.teller_id, 5000, "银行存款")
    # expected cash: 273 + (128.50+71.50 + 30) - 71.50 + 100 - 50 - 30 = 451.50
    counted = {10000: 4, 1000: 5, 100: 1, 50: 1}  # 451.50 yuan: even
    rec = reconcile.record_blind_count(
        s.id, setup.teller_id, counted, {"wechat": 5000, "card": 4000}
    )
    assert rec.cash.expected_fen == 45150
    assert rec.cash.cash_taken_fen == 20000 + 3000
    assert rec.cash.change_given_fen == 7150
    assert rec.cash.cash_voids_fen == 3000
    assert rec.line("cash").difference_fen == 0
    assert rec.line("wechat").difference_fen == 0
    card = rec.line("card")
    assert (card.expected_fen, card.counted_fen, card.difference_fen) == (4400, 4000, -400)
    assert card.kind == "short" and card.duplicate_references == ()
    assert rec.line("alipay").expected_fen == 0
    assert rec.outstanding == ("card",)
    assert not rec.stale


def test_short_needs_supervisor_and_wrong_password_changes_nothing(setup: Setup) -> None:
    s = open_ms01(setup)
    pay(setup, method="cash", amount_fen=10000, tendered_fen=10000)
    rec = reconcile.record_blind_count(s.id, setup.teller_id, {10000: 3, 1000: 7, 100: 2})
    assert rec.line("cash").difference_fen == -100  # 372 counted, 373 expected
    before = audit.head()
    with pytest.raises(UserError, match="wrong"):
        shift_close.record_difference(s.id, setup.teller_id, "cash", "找零多给", "MS09", "nope")
    assert ShiftDifference.select().count() == 0
    assert Staff.get(Staff.badge == "MS09").failed_logins == 1
    assert audit.head()[0] == before[0] + 1  # only the refusal itself is recorded
    with pytest.raises(UserError, match="not a supervisor"):
        shift_close.record_difference(
            s.id, setup.teller_id, "cash", "找零多给", "MS02", DEMO_PASSWORD
        )
    with pytest.raises(UserError, match="not a supervisor"):
        shift_close.record_difference(
            s.id, setup.teller_id, "cash", "找零多给", "WC09", DEMO_PASSWORD
        )
    with pytest.raises(UserError, match="reason"):
        shift_close.record_difference(s.id, setup.teller_id, "cash", " ", "MS09", DEMO_PASSWORD)
    with pytest.raises(UserError, match="Record the difference"):
        shift_close.close_shift(s.id, setup.teller_id)
    d = shift_close.record_difference(
        s.id, setup.teller_id, "cash", "找零多给", "MS09", DEMO_PASSWORD
    )
    assert (d.kind, d.difference_fen, d.supervisor_badge) == ("short", -100, "MS09")
    assert Staff.get(Staff.badge == "MS09").failed_logins == 0
    with pytest.raises(UserError, match="already recorded"):
        shift_close.record_difference(s.id, setup.teller_id, "cash", "again", "MS09", DEMO_PASSWORD)
    closed = shift_close.close_shift(s.id, setup.teller_id)
    assert (closed.expected_cash_fen, closed.counted_cash_fen) == (37300, 37200)
    assert Shift.get_by_id(s.id).closed_at is not None


def test_five_wrong_supervisor_passwords_lock_the_badge(setup: Setup) -> None:
    s = open_ms01(setup)
    reconcile.record_blind_count(s.id, setup.teller_id, {})
    for _ in range(5):
        with pytest.raises(UserError, match="wrong"):
            shift_close.record_difference(s.id, setup.teller_id, "cash", "x", "MS09", "bad")
    with pytest.raises(UserError, match="locked"):
        shift_close.record_difference(s.id, setup.teller_id, "cash", "x", "MS09", DEMO_PASSWORD)
    assert AuditEvent.select().where(AuditEvent.kind == "lockout").count() == 1
    assert ShiftDifference.select().count() == 0


def test_activity_after_count_asks_for_recount(setup: Setup) -> None:
    s = open_ms01(setup)
    reconcile.record_blind_count(s.id, setup.teller_id, FLOAT)
    pay(setup, method="cash", amount_fen=500, tendered_fen=500)
    rec = reconcile.reconciliation(s.id)
    assert rec is not None and rec.stale
    with pytest.raises(UserError, match="count the drawer again"):
        shift_close.close_shift(s.id, setup.teller_id)
    counts = dict(FLOAT)
    counts[500] = 1
    rec2 = reconcile.record_blind_count(s.id, setup.teller_id, counts)
    assert not rec2.stale and rec2.outstanding == ()
    first, second = CashCount.select().where(CashCount.purpose == "close").order_by(CashCount.id)
    assert second.supersedes_id == first.id  # the first count is kept, not edited
    shift_close.close_shift(s.id, setup.teller_id)


def test_close_day_refusals_and_fingerprint(setup: Setup) -> None:
    s = open_ms01(setup)
    first = pay(setup, method="cash", amount_fen=1000, tendered_fen=1000)
    with pytest.raises(UserError, match="still open"):
        day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    counts = dict(FLOAT)
    counts[1000] += 1
    reconcile.record_blind_count(s.id, setup.teller_id, counts)
    shift_close.close_shift(s.id, setup.teller_id)
    with pytest.raises(UserError, match="wrong"):
        day_close.close_day(setup.office_id, DAY, "MS09", "bad")
    with pytest.raises(UserError, match="not a supervisor"):
        day_close.close_day(setup.office_id, DAY, "MS01", DEMO_PASSWORD)
    info = day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    event = AuditEvent.get(AuditEvent.kind == "day_closed")
    assert (info.audit_seq, info.audit_hash) == (event.seq, event.hash)
    assert (info.payments, info.total_fen) == (1, 1000)
    assert info.first_receipt == info.last_receipt == "MS-2026-000001"
    with pytest.raises(UserError, match="already closed"):
        day_close.close_day(setup.office_id, DAY, "MS09", DEMO_PASSWORD)
    with pytest.raises(UserError, match="is closed"):
        shifts.open_shift(setup.teller_id, setup.counter_ids[0], {}, business_date=DAY)
    before = (Payment.select().count(), FormRecord.select().count(), audit.head())
    with pytest.raises(UserError, match="is closed"):
        pay(setup, method="cash", amount_fen=500, tendered_fen=500)
    with pytest.raises(UserError, match="is closed"):
        void(setup, first.payment_id, reason="收错户号")
    with pytest.raises(FormActionError, match="is closed"):
        submit_form(
            load_forms().get("consultation"),  # type: ignore[arg-type]
            {"name": "张三", "topic": "收费", "question": "阶梯气价怎么算？"},
            staff_id=setup.teller_id,
            office_id=setup.office_id,
            at=dt.datetime.combine(DAY, dt.time(16, 0)),
        )
    assert (Payment.select().count(), FormRecord.select().count(), audit.head()) == before
    status = day_close.day_status(setup.office_id, DAY)
    assert status.closed and not status.open_shifts


def test_day_report_and_csv(setup: Setup) -> None:
    open_ms01(setup)
    shifts.open_shift(setup.teller2_id, setup.counter_ids[1], {}, business_date=DAY)
    pay(setup, method="cash", amount_fen=12850, tendered_fen=20000)
    p = pay(setup, method="alipay", amount_fen=4000, reference="ALI-0001")
    void(setup, p.payment_id, reason="=1+1 重复收费")
    pay(
        setup,
        method="wechat",
        amount_fen=6600,
        reference="WX0009",
        staff_id=setup.teller2_id,
        counter_id=setup.counter_ids[1],
    )
    report = day_report.day_report(setup.office_id, DAY)
    assert not report.closed and report.payments == 3
    assert report.net_fen == 12850 + 6600
    by = {t.badge: t for t in report.tellers}
    assert by["MS01"].by_method["cash"] == 12850 and by["MS01"].by_method["alipay"] == 0
    assert by["MS01"].voids == 1 and by["MS01"].voided_fen == 4000
    assert by["MS02"].by_method["wechat"] == 6600
    (rng,) = report.receipts  # the void slip takes a number of the series too
    assert (rng.first_code, rng.last_code, rng.count, rng.gapless) == (
        "MS-2026-000001",
        "MS-2026-000004",
        4,
        True,
    )
    (v,) = report.voids
    assert (v.receipt, v.amount_fen, v.reason, v.supervisor_badge) == (
        "MS-2026-000002",
        4000,
        "=1+1 重复收费",
        "MS09",
    )
    text, n = day_export.day_csv(setup.office_id, DAY)
    assert n == 4
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "营业日期" and len(rows) == 5
    assert rows[1][11:15] == ["现金", "128.50", "200.00", "71.50"]
    assert rows[3][7] == "MS-2026-000003" and rows[3][12] == "-40.00"
    assert rows[3][16] == "MS-2026-000002"
    assert rows[3][17] == "'=1+1 重复收费"  # free text Excel would run as a formula
    assert rows[4][4:6] == ["MS02", "王芳"]


def test_export_writes_bom(setup: Setup, tmp_path) -> None:  # type: ignore[no-untyped-def]
    open_ms01(setup)
    pay(setup, method="cash", amount_fen=100, tendered_fen=100)
    out = tmp_path / "day.csv"
    assert day_export.export_day_csv(setup.office_id, DAY, out) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "张三" in raw.decode("utf-8-sig")
    with pytest.raises(UserError, match="cannot be written"):
        day_export.export_day_csv(setup.office_id, DAY, tmp_path / "missing" / "x.csv")
