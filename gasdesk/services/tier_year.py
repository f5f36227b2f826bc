"""What counts toward a household's tiers in a year (阶梯气量), after the businesses that
change what an account was charged for.

The tiers count the gas of the calendar year charged to the account (its bills' tier
lines by segment start, its IC-card purchases by business day), with two rules:

- **User type (用气类型变更).** Only the gas charged while the account had the user
  type being priced counts. A change takes effect on its day: gas before that day was
  billed at the old type's tariff and counts toward the old type's tiers; from that
  day on, the new type's tiers start from the gas of the year the account already had
  as that type (none, when it never had it that year). Going back to a type in the
  same year resumes that type's count where it stood.
- **Credits (表具校验).** Gas a fast meter registered but did not deliver, once
  credited, leaves the year it was charged in (a negative entry on the corrected
  segment's day), so that the later bills of that year climb the tiers from the gas
  really delivered.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from gasdesk.storage.models_accounts import AccountHistory
from gasdesk.storage.models_credits import AccountCredit

Entry = tuple[dt.date, int]
USER_TYPE = "user_type"


def type_changes(account_id: int) -> list[tuple[dt.date, str, str]]:
    """(day, old type, new type) of each recorded user-type change, oldest first; the
    opening row (old value empty) included."""
    rows = (
        AccountHistory.select(AccountHistory.at, AccountHistory.old_value, AccountHistory.new_value)
        .where((AccountHistory.account == account_id) & (AccountHistory.field == USER_TYPE))
        .order_by(AccountHistory.at, AccountHistory.id)
    )
    return [(_day(r.at), r.old_value, r.new_value) for r in rows]


def _day(value: Any) -> dt.date:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.date() if isinstance(value, dt.datetime) else value


def type_on(changes: list[tuple[dt.date, str, str]], day: dt.date) -> str | None:
    """The user type on `day` by the recorded changes; None when nothing is recorded
    (an account from before the history: every entry counts)."""
    if not changes:
        return None
    current = changes[0][1] or changes[0][2]
    for on, _old, new in changes:
        if on > day:
            break
        current = new
    return current


def credit_entries(account_id: int) -> list[tuple[dt.date, int]]:
    """(day, -litres) for each line of the account's credits."""
    out: list[Entry] = []
    for credit in AccountCredit.select(AccountCredit.lines_json).where(
        AccountCredit.account == account_id
    ):
        for line in json.loads(credit.lines_json or "[]"):
            out.append((dt.date.fromisoformat(line["day"]), -int(line["over_l"])))
    return out


def counted(account_id: int, user_type: str, entries: list[Entry]) -> list[Entry]:
    """The entries that count toward `user_type`'s tiers, credits taken off."""
    changes = type_changes(account_id)
    every = entries + credit_entries(account_id)
    if not changes:
        return every
    return [(day, litres) for day, litres in every if type_on(changes, day) == user_type]
