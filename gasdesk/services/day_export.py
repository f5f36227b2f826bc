"""The day's transactions as CSV for the head office: UTF-8 with a byte-order mark so
that Excel opens the Chinese text correctly, one row per payment or void."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import tempfile
from pathlib import Path

from gasdesk.domain.methods import CASH, KIND_ZH, METHOD_ZH
from gasdesk.domain.money import format_yuan
from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.services.day_report import PaymentRow, day_payments
from gasdesk.storage.models import Office
from gasdesk.storage.paths import is_database_file

HEADER = (
    "营业日期",
    "营业室",
    "时间",
    "柜台",
    "收费员工号",
    "收费员",
    "班次",
    "收据号",
    "户号",
    "户名",
    "业务类型",
    "支付方式",
    "金额(元)",
    "实收(元)",
    "找零(元)",
    "交易参考号",
    "冲正原收据",
    "冲正原因",
    "授权主管",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportError(UserError):
    """The export file could not be written."""


def yuan(fen: int) -> str:
    """Plain decimal yuan for a spreadsheet: -1234 -> '-12.34', no separators."""
    return format_yuan(fen, grouped=False)


def text_cell(value: str) -> str:
    """Free text (names, reasons, references) that a spreadsheet would read as a
    formula is prefixed with an apostrophe."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _row(office_code: str, day: dt.date, r: PaymentRow) -> list[str]:
    return [
        day.isoformat(),
        office_code,
        r.created_at.strftime("%Y-%m-%d %H:%M:%S"),
        str(r.counter_number or ""),
        text_cell(r.staff_badge),
        text_cell(r.staff_name),
        str(r.shift_id or ""),
        r.receipt,
        text_cell(r.account_number),
        text_cell(r.account_name),
        KIND_ZH.get(r.kind, r.kind),
        METHOD_ZH.get(r.method, r.method),
        yuan(r.amount_fen),
        yuan(r.tendered_fen) if r.method == CASH and not r.is_void else "",
        yuan(r.change_fen) if r.method == CASH and not r.is_void else "",
        text_cell(r.reference),
        text_cell(r.voids_receipt),
        text_cell(r.reason),
        text_cell(r.authorised_by),
    ]


def day_csv(office_id: int, day: dt.date) -> tuple[str, int]:
    """The CSV text (without the byte-order mark) and the number of transaction rows."""
    office = Office.get_by_id(office_id)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(HEADER)
    rows = day_payments(office_id, day)
    for r in rows:
        writer.writerow(_row(office.code, day, r))
    return buf.getvalue(), len(rows)


def export_day_csv(office_id: int, day: dt.date, path: str | Path) -> int:
    """Write the day's transactions to `path` (replacing it whole, never half-written);
    return the number of transaction rows."""
    target = Path(path)
    if is_database_file(target):
        raise ExportError(
            QT_TRANSLATE_NOOP(
                "Messages",
                "{path} is the counter's own database; choose another name for the export.",
            ),
            path=str(target),
        )
    text, count = day_csv(office_id, day)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".csv")
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ExportError(
            QT_TRANSLATE_NOOP("Messages", "The file {path} cannot be written: {error}."),
            path=str(target),
            error=exc.strerror or str(exc),
        ) from exc
    return count
