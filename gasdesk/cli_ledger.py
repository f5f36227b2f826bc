"""`gasdesk ledger`: the ledgers for head office as .xlsx files.

    gasdesk ledger day --office MS [--date D]          the day's transactions, shifts,
                                                       drawer counts and differences
    gasdesk ledger receivables [--office MS] [--month YYYY-MM]
                                                       the monthly receivables ledger
                                                       (default: the last whole month)
    gasdesk ledger arrears [--office MS] [--date D]    the arrears list by age
    gasdesk ledger fapiao [--office MS] [--date D | --month YYYY-MM]
                                                       the fapiao requests, per payment

Without --office the receivables, arrears and fapiao ledgers cover every office.
`-o FILE` names the file (default here: OFFICE-名称-PERIOD.xlsx, e.g.
MS-应收台账-2026-11.xlsx, ALL- for every office). Exit status: 0
written, 1 refused, 2 the database cannot be opened.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from gasdesk.cli_verify import say
from gasdesk.domain.ledgers import LEDGER_NAMES as NAMES
from gasdesk.domain.ledgers import Month
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError

WRITTEN = QT_TRANSLATE_NOOP("Messages", "{ledger}: {n} rows written to {path}.")


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-20") from None


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a month like 2026-11") from None


def parser(common: Callable[[argparse.ArgumentParser], None]) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="gasdesk ledger", description="The ledgers for head office as .xlsx files."
    )
    common(p)
    sub = p.add_subparsers(dest="ledger", required=True)
    day = sub.add_parser("day", help="the day's transactions with shifts, counts, differences")
    day.add_argument("--office", required=True, help="office code, e.g. MS")
    day.add_argument("--date", type=_day, help="business day (default: today)")
    rec = sub.add_parser("receivables", help="the monthly receivables ledger (应收台账)")
    rec.add_argument("--month", type=_month, help="YYYY-MM (default: the last whole month)")
    arr = sub.add_parser("arrears", help="the arrears list by age (欠费清单)")
    arr.add_argument("--date", type=_day, help="unpaid at the end of this day (default: today)")
    fap = sub.add_parser("fapiao", help="the fapiao requests, per payment (开票申请)")
    period = fap.add_mutually_exclusive_group()
    period.add_argument("--date", type=_day, help="one business day (default: today)")
    period.add_argument("--month", type=_month, help="a whole month, YYYY-MM")
    for s in (rec, arr, fap):
        s.add_argument("--office", help="office code, e.g. MS (default: every office)")
    for s in (day, rec, arr, fap):
        s.add_argument("-o", "--output", help="the .xlsx file to write")
    return p


def _office_id(code: str | None) -> int | None:
    from gasdesk.storage.models import Office

    if code is None:
        return None
    office = Office.get_or_none(Office.code == code.strip().upper())
    if office is None:
        codes = ", ".join(o.code for o in Office.select().order_by(Office.code))
        raise UserError(
            QT_TRANSLATE_NOOP("Messages", "There is no office '{code}'; the offices are {codes}."),
            code=code,
            codes=codes,
        )
    return int(office.id)


def run(
    argv: list[str],
    common: Callable[[argparse.ArgumentParser], None],
    open_db: Callable[..., int],
    fail: Callable[[BaseException], int],
) -> int:
    args = parser(common).parse_args(argv)
    if (code := open_db(args)) != 0:
        return code
    from gasdesk.services import ledger_export

    today = dt.date.today()
    kind = args.ledger
    try:
        office_id = _office_id(args.office)
        prefix = args.office.strip().upper() if args.office else "ALL"
        if kind == "day":
            assert office_id is not None
            day = args.date or today
            path = Path(args.output or f"{prefix}-{NAMES[kind]}-{day.isoformat()}.xlsx")
            n = ledger_export.export_day(office_id, day, path)
        elif kind == "receivables":
            month = args.month or Month.of(today.replace(day=1) - dt.timedelta(days=1))
            path = Path(args.output or f"{prefix}-{NAMES[kind]}-{month.label}.xlsx")
            n = ledger_export.export_receivables(office_id, month, path)
        elif kind == "arrears":
            day = args.date or today
            path = Path(args.output or f"{prefix}-{NAMES[kind]}-{day.isoformat()}.xlsx")
            n = ledger_export.export_arrears(office_id, day, path)
        else:
            if args.month is not None:
                first, last, label = args.month.first, args.month.after, args.month.label
                last -= dt.timedelta(days=1)
            else:
                first = last = args.date or today
                label = first.isoformat()
            path = Path(args.output or f"{prefix}-{NAMES[kind]}-{label}.xlsx")
            n = ledger_export.export_fapiao(office_id, first, last, path)
    except Exception as exc:
        return fail(exc)
    print(say(WRITTEN, ledger=NAMES[kind], n=n, path=str(path)))
    return 0
