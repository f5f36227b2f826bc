"""Account history against the audit events that recorded it: every history row a
form's effect wrote is named, with its field, old and new value, by that effect's
`form_effect` event; a row no event names was inserted, a named row that is gone was
deleted, a row that differs was altered. Each effect record (form_effect table) has
its event too, with the receipt of the money it moved. Money the effects moved (a 销户's refund, bills paid from the balance)
is covered with the payments (audit_cover.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_history import Execute

if TYPE_CHECKING:
    from gasdesk.storage.audit_chain import Chain

TABLES = ("account_history", "form_effect")


def _has_tables(execute: Execute, mark: str) -> bool:
    """Whether the database has the tables (one written before they existed has not)."""
    if mark == "?":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?"
    else:
        sql = f"SELECT table_name FROM information_schema.tables WHERE table_name = {mark}"
    return all(list(execute(sql, (t,))) for t in TABLES)


def check_accounts(c: Collector, chain: Chain, execute: Execute, mark: str) -> None:
    if not _has_tables(execute, mark):
        return
    numbers = {int(i): str(n) for i, n in execute("SELECT id, number FROM account", ())}
    rows: dict[int, tuple[Any, ...]] = {
        int(r[0]): tuple(r)
        for r in execute(
            "SELECT id, account_id, field, old_value, new_value, form_id FROM account_history",
            (),
        )
    }
    effects = {
        str(r[0]): (*r[:4], f"{r[4]}-{int(r[5]):06d}" if r[4] is not None else "")
        for r in execute(
            "SELECT f.number, e.effect, e.account_id, e.status, r.series, r.number "
            "FROM form_effect e JOIN form_record f ON f.id = e.form_id "
            "LEFT JOIN receipt r ON r.payment_id = e.payment_id",
            (),
        )
    }
    named: set[int] = set()
    recorded: set[str] = set()
    for e in chain.of("form_effect"):
        p = e.payload
        number = str(p.get("number", ""))
        recorded.add(number)
        row = effects.get(number)
        expected = (p.get("effect"), p.get("account_id"), p.get("status"), p.get("receipt", ""))
        if row is None:
            c.add(
                "account_history_deleted",
                number,
                f"the effect of form {number} recorded by audit event {e.seq} is missing",
                e.seq,
            )
        elif (row[1], row[2], row[3], row[4]) != expected:
            c.add(
                "account_history_altered",
                number,
                f"the effect of form {number} is {row[1:]}, audit event {e.seq} recorded "
                f"{expected}",
                e.seq,
            )
        for item in p.get("history", []):
            hid, field, old, new = int(item[0]), item[1], item[2], item[3]
            named.add(hid)
            got = rows.get(hid)
            account = numbers.get(int(p.get("account_id") or 0), "?")
            if got is None:
                c.add(
                    "account_history_deleted",
                    f"{account} {field}",
                    f"history row #{hid} of account {account} ({field}) recorded by audit "
                    f"event {e.seq} is missing (deleted)",
                    e.seq,
                )
            elif (got[1], got[2], got[3], got[4]) != (p.get("account_id"), field, old, new):
                c.add(
                    "account_history_altered",
                    f"{account} {field}",
                    f"history row #{hid} is {got[1:5]}, audit event {e.seq} recorded "
                    f"{(p.get('account_id'), field, old, new)}",
                    e.seq,
                )
    for hid in sorted(set(rows) - named):
        account = numbers.get(int(rows[hid][1]), "?")
        c.add(
            "account_history_inserted",
            f"{account} {rows[hid][2]}",
            f"history row #{hid} of account {account} has no audit event (inserted)",
        )
    for number in sorted(set(effects) - recorded):
        c.add(
            "account_history_inserted",
            number,
            f"the effect recorded for form {number} has no audit event (inserted)",
        )
