"""Changing an account's recorded facts, always with their history.

The Account row holds the current values (for the customer bar and the search); each
change of one of them is written here, in the caller's transaction, together with a
history row (old value, new value, reason, form, who, when). Nothing else updates
these columns, so the history explains every value the row holds. A change of the
name, phone or address refiles the account in the search index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from peewee import JOIN

from gasdesk.domain.lifecycle import AccountChange, HistoryLine
from gasdesk.services.search import index_account
from gasdesk.storage.models import Account, FormRecord, Meter, Staff, db
from gasdesk.storage.models_accounts import AccountHistory

# the Account columns that change only with a history row
TRACKED = ("name", "id_card", "phone", "address", "user_type", "status")
SEARCHED = ("name", "phone", "address")
OPENED = "opened"  # the history row of an account's creation (new value: its number)
METER = "meter"  # the meter in service changed (old and new meter number)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _in_transaction() -> None:
    if not db.obj.in_transaction():
        raise RuntimeError("account changes are written inside the caller's transaction")


def record(
    account_id: int,
    field: str,
    old: str,
    new: str,
    *,
    reason: str,
    form_id: int | None,
    staff_id: int,
    at: dt.datetime,
) -> AccountChange:
    """Write one history row (for facts kept elsewhere than the Account columns, such
    as the meter in service); call inside the transaction that makes the change."""
    _in_transaction()
    AccountHistory.create(
        account=account_id,
        field=field,
        old_value=old,
        new_value=new,
        reason=reason,
        form=form_id,
        staff=staff_id,
        at=at,
    )
    return AccountChange(field, old, new)


def change_account(
    account_id: int,
    changes: Mapping[str, str],
    *,
    reason: str,
    form_id: int | None,
    staff_id: int,
    at: dt.datetime,
) -> tuple[AccountChange, ...]:
    """Set the given columns (of TRACKED) to the new values; a value that is already
    the account's is left out. Returns what changed, each with its history row."""
    _in_transaction()
    unknown = set(changes) - set(TRACKED)
    if unknown:
        raise ValueError(f"not a tracked account field: {sorted(unknown)}")
    account: Any = Account.get_by_id(account_id)
    done: list[AccountChange] = []
    columns: dict[str, str | None] = {}
    for field, new in changes.items():
        old = _text(getattr(account, field))
        if old == new:
            continue
        columns[field] = new if new or field != "id_card" else None
        done.append(
            record(
                account_id,
                field,
                old,
                new,
                reason=reason,
                form_id=form_id,
                staff_id=staff_id,
                at=at,
            )
        )
    if columns:
        Account.update(**columns).where(Account.id == account_id).execute()
        if any(c in SEARCHED for c in columns):
            index_account(account_id)
    return tuple(done)


def opened(
    account_id: int, *, reason: str, form_id: int | None, staff_id: int, at: dt.datetime
) -> tuple[AccountChange, ...]:
    """The history of a new account: the 'opened' row and a row for each value it
    starts with (old value empty), so that every current value has its row."""
    _in_transaction()
    account: Any = Account.get_by_id(account_id)
    rows = [(OPENED, account.number)] + [(f, _text(getattr(account, f))) for f in TRACKED]
    meter = (
        Meter.select(Meter.number)
        .where((Meter.account == account_id) & Meter.removed_on.is_null())
        .first()
    )
    if meter is not None:
        rows.append((METER, meter.number))
    return tuple(
        record(
            account_id, field, "", value, reason=reason, form_id=form_id, staff_id=staff_id, at=at
        )
        for field, value in rows
        if value
    )


def account_history(account_id: int) -> list[HistoryLine]:
    """The account's history, oldest first."""
    rows = (
        AccountHistory.select(AccountHistory, Staff, FormRecord)
        .join(Staff, on=(AccountHistory.staff == Staff.id))
        .switch(AccountHistory)
        .join(FormRecord, JOIN.LEFT_OUTER, on=(AccountHistory.form == FormRecord.id))
        .where(AccountHistory.account == account_id)
        .order_by(AccountHistory.at, AccountHistory.id)
    )
    out = []
    for r in rows:
        form: Any = r.form if r.form_id else None
        out.append(
            HistoryLine(
                at=r.at,
                field=r.field,
                old=r.old_value,
                new=r.new_value,
                reason=r.reason,
                form_number=form.number if form is not None else "",
                staff_name=r.staff.name,
            )
        )
    return out


def status_since(account_id: int) -> HistoryLine | None:
    """The history row that set the account's present status (its reason, who, when);
    None when the history does not say (an account that was never changed here)."""
    for line in reversed(account_history(account_id)):
        if line.field == "status":
            return line
    return None
