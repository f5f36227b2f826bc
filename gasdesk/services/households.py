"""Changing an account's household size (信息变更): the account row, a history row
with the old and the new size, and an audit event, in one transaction (a savepoint of
the caller's, when a completed form makes the change inside its own transaction)."""

from __future__ import annotations

from gasdesk.domain.errors import TellerError
from gasdesk.domain.households import HouseholdSizeChange, household_size
from gasdesk.domain.text import QT_TRANSLATE_NOOP
from gasdesk.storage import audit
from gasdesk.storage.db import write_transaction
from gasdesk.storage.models import Account, Staff
from gasdesk.storage.models_household import HouseholdSizeChange as ChangeRow


def _info(row: ChangeRow, account_number: str) -> HouseholdSizeChange:
    staff = Staff.get_or_none(Staff.id == row.staff_id) if row.staff_id else None
    return HouseholdSizeChange(
        account_id=row.account_id,
        account_number=account_number,
        old_size=row.old_size,
        new_size=row.new_size,
        changed_at=row.changed_at,
        staff_badge=staff.badge if staff else "",
        form_number=row.form_number,
        reason=row.reason,
    )


def set_household_size(
    account_id: int,
    size: int | str,
    *,
    staff_id: int | None = None,
    form_number: str = "",
    reason: str = "",
) -> HouseholdSizeChange:
    """Record that the household of `account_id` has `size` people (1 to 30) from
    now on. Bills computed afterwards use the tier bounds of that size; bills already
    written keep theirs. Refused, with nothing written, for an unknown or closed
    account and for the size it already has."""
    people = household_size(size)
    with write_transaction():
        account = Account.get_or_none(Account.id == account_id)
        if account is None:
            raise TellerError(
                "no_account", QT_TRANSLATE_NOOP("Messages", "The account no longer exists.")
            )
        if account.status == "closed":
            raise TellerError(
                "account_closed",
                QT_TRANSLATE_NOOP(
                    "Messages", "Account {number} is closed; its details cannot change."
                ),
                number=account.number,
            )
        old = account.household_size
        if old == people:
            raise TellerError(
                "household_unchanged",
                QT_TRANSLATE_NOOP(
                    "Messages", "Account {number} already has a household of {size}."
                ),
                number=account.number,
                size=people,
            )
        row = ChangeRow.create(
            account=account.id,
            old_size=old,
            new_size=people,
            staff=staff_id,
            form_number=form_number.strip(),
            reason=" ".join(reason.split()),
        )
        Account.update(household_size=people).where(Account.id == account.id).execute()
        audit.append(
            "household_size_changed",
            staff_id=staff_id,
            office_id=account.office_id,
            account_id=account.id,
            account=account.number,
            old_size=old,
            new_size=people,
            form=row.form_number,
            reason=row.reason,
            changed_at=audit.stamp(row.changed_at),
        )
        return _info(row, account.number)


def household_history(account_id: int) -> list[HouseholdSizeChange]:
    """Every change of the account's household size, oldest first."""
    number = Account.select(Account.number).where(Account.id == account_id).scalar() or ""
    rows = ChangeRow.select().where(ChangeRow.account == account_id).order_by(ChangeRow.id)
    return [_info(r, str(number)) for r in rows]
