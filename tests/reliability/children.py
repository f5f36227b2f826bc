"""Starting the payment loop (payment_loop.py) as separate processes, and checking what
a database holds afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from gasdesk.storage import audit_verify
from gasdesk.storage.db import integrity_check
from gasdesk.storage.models import Account, AuditEvent, Payment, Receipt

ROOT = Path(__file__).resolve().parents[2]
LOOP = Path(__file__).with_name("payment_loop.py")


def start_loop(
    target: str, key: Path, count: int, amount_fen: int, account: str = "1001000001"
) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, str(LOOP), target, str(key), str(count), str(amount_fen), account],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def committed_lines(output: str) -> list[tuple[str, int]]:
    """(receipt code, amount) for each 'committed' line the child printed whole."""
    found = []
    for line in output.splitlines(keepends=True):
        parts = line.split()
        if line.endswith("\n") and len(parts) == 3 and parts[0] == "committed":
            found.append((parts[1], int(parts[2])))
    return found


@dataclass
class Holdings:
    receipts: list[str]  # codes, in number order per series
    numbers: dict[str, list[int]]  # series -> sorted numbers
    payments: int
    payment_sum_fen: int
    balance_sum_fen: int
    payment_events: int
    verify: audit_verify.VerifyResult
    integrity: list[str]


def holdings() -> Holdings:
    numbers: dict[str, list[int]] = {}
    codes = []
    for r in Receipt.select().order_by(Receipt.series, Receipt.number):
        numbers.setdefault(r.series, []).append(r.number)
        codes.append(r.code)
    return Holdings(
        receipts=codes,
        numbers=numbers,
        payments=Payment.select().count(),
        payment_sum_fen=Payment.select(fn.COALESCE(fn.SUM(Payment.amount_fen), 0)).scalar(),
        balance_sum_fen=Account.select(fn.COALESCE(fn.SUM(Account.balance_fen), 0)).scalar(),
        payment_events=AuditEvent.select().where(AuditEvent.kind == "payment").count(),
        verify=audit_verify.verify(),
        integrity=integrity_check().messages,
    )
