"""Credits to accounts (表具校验) against the audit events that recorded them: every
credit row has its `account_credit` event carrying each column; a row without one was
inserted, an event without its row means the row was deleted, a row that differs was
altered; a credit of a closed business day recorded after the day's closure is named
too. The balances the credits add are checked with the payments (audit_cover.py,
audit_state.implied_balances)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gasdesk.storage.audit_findings import Collector
from gasdesk.storage.audit_history import Execute
from gasdesk.storage.audit_state import has_credits
from gasdesk.storage.audit_tables import norm as _norm
from gasdesk.storage.models_credits import CREDIT_COLUMNS

if TYPE_CHECKING:
    from gasdesk.storage.audit_chain import Chain
    from gasdesk.storage.audit_tables import Tables

# payload key -> column, for what the event carries besides the staff and the office
PAYLOAD = {
    "account_id": "account_id",
    "credit_kind": "kind",
    "form_id": "form_id",
    "meter_id": "meter_id",
    "business_date": "business_date",
    "period_start": "period_start",
    "period_end": "period_end",
    "error_bp": "error_bp",
    "volume_l": "volume_l",
    "amount_fen": "amount_fen",
    "lines_json": "lines_json",
    "reason": "reason",
    "created_at": "created_at",
}
CREDITS_SQL = "SELECT " + ", ".join(CREDIT_COLUMNS) + " FROM account_credit"


def check_credits(c: Collector, chain: Chain, execute: Execute, t: Tables) -> None:
    if not has_credits(execute):
        return
    rows = {
        int(r[0]): dict(zip(CREDIT_COLUMNS, r, strict=True))
        for r in (tuple(x) for x in execute(CREDITS_SQL, ()))
    }
    closed = {
        (int(e.office or 0), str(e.payload.get("business_date"))): e.seq
        for e in chain.of("day_closed")
    }
    events = {int(e.payload.get("credit") or 0): e for e in chain.of("account_credit")}
    for cid, row in sorted(rows.items()):
        item = f"credit #{cid}"
        e = events.get(cid)
        if e is None:
            c.add("credit_inserted", item, f"{item} has no audit event (inserted)")
            continue
        expect: dict[str, Any] = {"staff_id": e.staff, "office_id": e.office}
        for key, column in PAYLOAD.items():
            if key in e.payload:
                expect[column] = e.payload[key]
        badge = t.badges.get(int(row["authorised_by_id"] or 0))
        if badge != e.payload.get("authorised_by"):
            expect["authorised_by_id"] = e.payload.get("authorised_by")
            row = {**row, "authorised_by_id": badge}
        for column, was in expect.items():
            now = _norm(row[column])
            if now != was:
                c.add(
                    "credit_altered",
                    item,
                    f"{item} {column} {now} differs from audit event {e.seq} ({was})",
                    e.seq,
                )
        day = (int(row["office_id"]), str(_norm(row["business_date"])))
        if day in closed and e.seq > closed[day]:
            c.add(
                "day_paid_after_close",
                f"{t.day(*day)} {item}",
                f"{item} of the closed day {t.day(*day)} was recorded by event {e.seq}, after "
                f"the day's closure (event {closed[day]})",
                e.seq,
            )
    for cid, e in sorted(events.items()):
        if cid not in rows:
            c.add(
                "credit_deleted",
                f"credit #{cid}",
                f"credit #{cid} recorded by audit event {e.seq} is missing (deleted)",
                e.seq,
            )
