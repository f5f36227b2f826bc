"""Account numbers: one gapless series per office, never reused.

A number is the office's prefix (`account_prefix` in resources/offices.toml; by
default the office's place in that file, 1 for 萌水, 2 for 王村) and a sequence of 7
digits, e.g. 10000123. The counter row of the series is advanced in the transaction
that creates the account, so a rolled-back account gives its number back; a series
met for the first time starts after the highest number its prefix already has (the
accounts a database brought with it). A number that an imported account holds
already is passed over, never given twice.
"""

from __future__ import annotations

from typing import Any

from peewee import fn

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.resources import load_toml
from gasdesk.storage.models import Account, Office, db
from gasdesk.storage.models_accounts import AccountCounter

DIGITS = 7


def account_prefix(office_code: str) -> str:
    """The office's prefix from offices.toml (its place in the file when not given)."""
    for index, entry in enumerate(load_toml("offices.toml").get("office", []), start=1):
        if str(entry.get("code")) == office_code:
            return str(entry.get("account_prefix", index))
    raise UserError(
        QT_TRANSLATE_NOOP(
            "Messages", "Office {code} has no account numbers: it is not in offices.toml."
        ),
        code=office_code,
    )


def _highest(prefix: str) -> int:
    """The highest sequence the prefix's accounts hold (0 when none)."""
    width = len(prefix) + DIGITS
    top = (
        Account.select(fn.MAX(Account.number))
        .where(Account.number.startswith(prefix) & (fn.LENGTH(Account.number) == width))
        .scalar()
    )
    tail = str(top or "")[len(prefix) :]
    return int(tail) if tail.isdigit() else 0


def next_account_number(office_id: int) -> str:
    """The office's next account number; call inside the transaction that creates the
    account."""
    if not db.obj.in_transaction():
        raise RuntimeError("next_account_number() must run inside the account's transaction")
    office: Any = Office.get_by_id(office_id)
    prefix = account_prefix(office.code)
    exists = AccountCounter.get_or_none(AccountCounter.series == office.code)
    if exists is None:
        AccountCounter.insert(
            series=office.code, prefix=prefix, last=_highest(prefix)
        ).on_conflict_ignore().execute()
    while True:
        rows = list(
            AccountCounter.update(last=AccountCounter.last + 1)
            .where(AccountCounter.series == office.code)
            .returning(AccountCounter.last, AccountCounter.prefix)
            .execute()
        )
        last, prefix = int(rows[0].last), str(rows[0].prefix)
        if last >= 10**DIGITS:
            raise UserError(
                QT_TRANSLATE_NOOP("Messages", "The account numbers of office {code} are used up."),
                code=office.code,
            )
        number = f"{prefix}{last:0{DIGITS}d}"
        if not Account.select().where(Account.number == number).exists():
            return number
