"""A statement of one account's readings and payments over a period."""

from __future__ import annotations

import datetime as dt

from gasdesk.domain.account_view import Statement
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.printing.statement import render_statement
from gasdesk.resources import load_toml
from gasdesk.services.account_view import (
    account_meters,
    bill_lines,
    payment_lines,
    reading_history,
)
from gasdesk.services.accounts import get_account
from gasdesk.services.offices import office_info
from gasdesk.storage.models import Office, now

MAX_PERIOD_DAYS = 10 * 366


class StatementRefused(UserError):
    """The period cannot be printed; nothing was made."""


def load_statement(
    account_id: int, start: dt.date, end: dt.date, printed_by: str, at: dt.datetime | None = None
) -> Statement:
    if start > end:
        raise StatementRefused(QT_TRANSLATE_NOOP("Messages", "The period ends before it starts."))
    if (end - start).days > MAX_PERIOD_DAYS:
        raise StatementRefused(
            QT_TRANSLATE_NOOP("Messages", "A statement covers at most ten years.")
        )
    account = get_account(account_id)
    if account is None:
        raise StatementRefused(QT_TRANSLATE_NOOP("Messages", "The account no longer exists."))
    company = load_toml("offices.toml")
    readings = reading_history(account_id, account_meters(account_id))
    payments = payment_lines(account_id)
    return Statement(
        company=str(company.get("company", "")),
        service_phone=str(company.get("service_phone", "")),
        account=account,
        office=office_info(Office.get_by_id(account.office_id)),
        start=start,
        end=end,
        readings=tuple(r for r in readings if start <= r.read_on <= end),
        bills=tuple(reversed(bill_lines(account_id, start, end, payments))),
        payments=tuple(reversed(payment_lines(account_id, start, end, payments))),
        printed_at=at or now(),
        printed_by=printed_by,
    )


def statement_pdf(
    account_id: int, start: dt.date, end: dt.date, printed_by: str, at: dt.datetime | None = None
) -> bytes:
    """The statement as an A4 PDF (oldest entries first)."""
    return render_statement(load_statement(account_id, start, end, printed_by, at))
