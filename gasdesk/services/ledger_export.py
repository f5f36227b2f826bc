"""The ledgers for head office as .xlsx files (exchange.xlsx writes them): the day's
transactions, the monthly receivables ledger, the arrears list and the fapiao
requests. Each returns the number of data rows written; reading only, they write
nothing to the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gasdesk.domain.ledgers import Month
from gasdesk.exchange.day_sheets import day_sheets
from gasdesk.exchange.ledger_sheets import arrears_sheets, fapiao_sheets, receivables_sheets
from gasdesk.exchange.xlsx import write_workbook
from gasdesk.services.fapiao import fapiao_requests
from gasdesk.services.ledger_arrears import arrears_list
from gasdesk.services.ledger_day import day_ledger
from gasdesk.services.ledger_receivables import receivables
from gasdesk.storage.models import Office, now

LEDGERS = ("day", "receivables", "arrears", "fapiao")


def export_day(office_id: int, day: dt.date, path: str | Path) -> int:
    ledger = day_ledger(office_id, day)
    write_workbook(path, day_sheets(ledger), f"营业日交易明细 {day.isoformat()}")
    return len(ledger.rows)


def export_receivables(office_id: int | None, month: Month, path: str | Path) -> int:
    ledger = receivables(office_id, month)
    write_workbook(path, receivables_sheets(ledger), f"应收台账 {month.label}")
    return len(ledger.lines)


def export_arrears(office_id: int | None, as_of: dt.date, path: str | Path) -> int:
    arrears = arrears_list(office_id, as_of)
    write_workbook(path, arrears_sheets(arrears), f"欠费清单 {as_of.isoformat()}")
    return len(arrears.lines)


def export_fapiao(office_id: int | None, first: dt.date, last: dt.date, path: str | Path) -> int:
    lines = fapiao_requests(office_id, first, last)
    office = Office.get_or_none(Office.id == office_id) if office_id is not None else None
    name = f"{office.code} {office.name}" if office else "全部营业室"
    period = first.isoformat() if first == last else f"{first.isoformat()} 至 {last.isoformat()}"
    write_workbook(path, fapiao_sheets(lines, name, period, now()), f"开票申请 {period}")
    return len(lines)
