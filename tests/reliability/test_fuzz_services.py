"""Hypothesis-generated text into the service layer's text fields: every call gives
a valid value or a clear refusal (a UserError with a message for the teller), and
changes nothing it should not: the row count of every table, the receipt counters and
the audit chain head stay as they were (a wrong password may only add its own
failure record). Runs on SQLite and PostgreSQL.

Fields covered: account search (find_accounts), login badge and password,
supervisor badge and password, the administrator's user fields, and the amounts a
script may hand the money services (a prepayment, the cash tendered, cash paid in):
any integer, however large or negative, a float, a bool or text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from peewee import Database

from gasdesk.domain.fees import PaymentRequest
from gasdesk.domain.money import DEFAULT_CEILING_FEN
from gasdesk.domain.records import AccountSummary
from gasdesk.domain.text import UserError
from gasdesk.services import auth, shifts, users
from gasdesk.services.accounts import find_accounts
from gasdesk.services.payments import collect_payment
from gasdesk.storage.errors import StorageError
from gasdesk.storage.models import Account, AuditEvent, Counter, Office, Shift, Staff
from tests.reliability.snapshot import snapshot

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# any text, with the characters that break things most often made likely
nasty = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.sampled_from("0123456789 %_'\"\\\x00\t\n;-*１２３张王李"), max_size=20),
    st.sampled_from(["", " ", "%", "_", "'", "' OR 1=1 --", "\x00", "1001%", "张", "１００１"]),
)


def _unchanged_except_login_failures(before: dict, after: dict) -> None:
    """A refused login adds failure records and may count or lock a badge; nothing else."""
    grown = {k for k in before["counts"] if before["counts"][k] != after["counts"][k]}
    assert grown <= {"audit_event"}
    kinds = {e.kind for e in AuditEvent.select().where(AuditEvent.seq > before["head"][0])}
    assert kinds <= {"login_failed", "lockout", "supervisor_refused"}
    assert before["counters"] == after["counters"]
    assert before["balances"] == after["balances"]


@FUZZ
@given(text=nasty)
def test_account_search_answers_or_refuses_and_changes_nothing(seeded: Database, text: str) -> None:
    before = snapshot()
    try:
        found = find_accounts(text)
    except (UserError, StorageError) as exc:  # e.g. PostgreSQL cannot store NUL
        assert exc.message
    else:
        assert isinstance(found, list)
        assert all(isinstance(a, AccountSummary) for a in found)
        digits = text.strip()
        if digits.isascii() and digits.isdigit():
            assert all(a.number.startswith(digits) for a in found)
    assert snapshot() == before


@FUZZ
@given(badge=nasty, password=nasty)
def test_login_with_any_text_is_a_clear_refusal(
    seeded: Database, badge: str, password: str
) -> None:
    counter = Counter.get(Counter.number == 1).id
    Staff.update(failed_logins=0, locked_until=None).execute()  # examples share the database
    before = snapshot()
    with pytest.raises(auth.LoginError) as info:
        auth.login(badge, password, counter)
    assert info.value.message
    _unchanged_except_login_failures(before, snapshot())


@FUZZ
@given(badge=nasty, password=nasty)
def test_supervisor_check_with_any_text_is_a_clear_refusal(
    seeded: Database, badge: str, password: str
) -> None:
    office = Office.get(Office.code == "MS").id
    Staff.update(failed_logins=0, locked_until=None).execute()
    before = snapshot()
    with pytest.raises(auth.LoginError) as info:
        auth.verify_supervisor(badge, password, office)
    assert info.value.message
    _unchanged_except_login_failures(before, snapshot())


@FUZZ
@given(badge=nasty, name=nasty, role=nasty, office=nasty)
def test_adding_a_user_from_any_text_adds_one_or_refuses_cleanly(
    seeded: Database, badge: str, name: str, role: str, office: str
) -> None:
    before = snapshot()
    try:
        info = users.add_user(badge, name, role, office, "good-password")
    except UserError as exc:
        assert exc.message
        assert snapshot() == before
    else:
        after = snapshot()
        assert after["counts"]["staff"] == before["counts"]["staff"] + 1
        assert after["counts"]["audit_event"] == before["counts"]["audit_event"] + 1
        assert Staff.get_by_id(info.id).badge == info.badge


amounts = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.integers(min_value=-2, max_value=2 * DEFAULT_CEILING_FEN),
    st.sampled_from([0, 1, DEFAULT_CEILING_FEN, DEFAULT_CEILING_FEN + 1, 2**31, 2**63, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=8),
)


@FUZZ
@given(amount=amounts, tendered=amounts)
def test_any_prepayment_amount_is_taken_or_refused_cleanly(
    seeded: Database, amount: object, tendered: object
) -> None:
    teller = Staff.get(Staff.badge == "MS01")
    counter = Counter.get((Counter.office == teller.office) & (Counter.number == 1))
    account = Account.get(Account.number == "1001000001")
    request = PaymentRequest(
        account.id,
        teller.id,
        counter.id,
        "prepay",
        "cash",
        amount,
        f"fuzz-{amount!r}-{tendered!r}",
        tendered,  # type: ignore[arg-type]
    )
    before = snapshot()
    try:
        info = collect_payment(request)
    except UserError as exc:
        assert exc.message
        assert snapshot() == before
    else:
        assert isinstance(amount, int) and 0 < amount <= DEFAULT_CEILING_FEN
        assert isinstance(tendered, int) and amount <= tendered <= DEFAULT_CEILING_FEN
        assert info.amount_fen == amount
        assert isinstance(Account.get_by_id(account.id).balance_fen, int)


@FUZZ
@given(amount=amounts)
def test_any_cash_paid_in_is_taken_or_refused_cleanly(seeded: Database, amount: object) -> None:
    teller = Staff.get(Staff.badge == "MS01")
    shift = Shift.get((Shift.staff == teller.id) & Shift.closed_at.is_null())
    before = snapshot()
    try:
        moved = shifts.pay_in(shift.id, teller.id, amount, "备用金")  # type: ignore[arg-type]
    except UserError as exc:
        assert exc.message
        assert snapshot() == before
    else:
        assert isinstance(amount, int) and moved.amount_fen == amount <= DEFAULT_CEILING_FEN
