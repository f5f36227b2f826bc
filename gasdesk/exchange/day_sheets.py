"""The sheets of the day's ledger for head office: the transactions as the CSV
export has them (with a totals row), the totals per method, the shifts, the drawer
counts and the differences, and a 说明 sheet."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from gasdesk.domain.dayend import DayReport
from gasdesk.domain.methods import CASH, KIND_ZH, METHOD_ZH, METHODS
from gasdesk.exchange.ledger_sheets import info_sheet, made
from gasdesk.exchange.xlsx import COUNT, DATE, DATETIME, MONEY, TEXT, Column, Sheet

if TYPE_CHECKING:  # the services hand these in; exchange sits below them
    from gasdesk.services.day_report import PaymentRow
    from gasdesk.services.ledger_day import DayLedger

PURPOSE_ZH = {"float": "开班备用金", "close": "结班盲点"}

TRANSACTIONS = (
    Column("营业日期", DATE, 11),
    Column("营业室", TEXT, 7),
    Column("时间", DATETIME, 19),
    Column("柜台", COUNT, 6),
    Column("收费员工号", TEXT, 10),
    Column("收费员", TEXT, 8),
    Column("班次", COUNT, 6),
    Column("收据号", TEXT, 16),
    Column("户号", TEXT, 11),
    Column("户名", TEXT, 10),
    Column("业务类型", TEXT, 8),
    Column("支付方式", TEXT, 9),
    Column("金额(元)", MONEY, 11),
    Column("实收(元)", MONEY, 11),
    Column("找零(元)", MONEY, 10),
    Column("交易参考号", TEXT, 22),
    Column("冲正原收据", TEXT, 16),
    Column("冲正原因", TEXT, 16),
    Column("授权主管", TEXT, 9),
    Column("申请发票", TEXT, 8),
)


def _transaction(code: str, day: dt.date, r: PaymentRow, fapiao: bool) -> list[Any]:
    cash = r.method == CASH and not r.is_void
    return [
        day,
        code,
        r.created_at,
        r.counter_number,
        r.staff_badge,
        r.staff_name,
        r.shift_id,
        r.receipt,
        r.account_number,
        r.account_name,
        KIND_ZH.get(r.kind, r.kind),
        METHOD_ZH.get(r.method, r.method),
        r.amount_fen,
        r.tendered_fen if cash else None,
        r.change_fen if cash else None,
        r.reference,
        r.voids_receipt,
        r.reason,
        r.authorised_by,
        "是" if fapiao else "",
    ]


def _transactions(ledger: DayLedger) -> Sheet:
    report = ledger.report
    rows = [
        _transaction(report.office_code, report.business_date, r, r.id in ledger.fapiao_payments)
        for r in ledger.rows
    ]
    cash = [r for r in ledger.rows if r.method == CASH and not r.is_void]
    voids = sum(1 for r in ledger.rows if r.is_void)
    totals: list[Any] = [None] * len(TRANSACTIONS)
    totals[0] = f"合计：{len(ledger.rows) - voids}笔收款，{voids}笔冲正"
    totals[12] = sum(r.amount_fen for r in ledger.rows)
    totals[13] = sum(r.tendered_fen for r in cash)
    totals[14] = sum(r.change_fen for r in cash)
    return Sheet("交易明细", TRANSACTIONS, rows, totals)


def _summary(report: DayReport) -> Sheet:
    columns = (
        Column("支付方式", TEXT, 10),
        Column("收款笔数", COUNT, 9),
        Column("收款(元)", MONEY, 12),
        Column("冲正(元)", MONEY, 12),
        Column("净额(元)", MONEY, 12),
    )
    rows: list[list[Any]] = [
        [METHOD_ZH.get(m.method, m.method), m.payments, m.collected_fen, m.voided_fen, m.net_fen]
        for m in report.methods
        if m.payments or m.voided_fen or m.method in METHODS[:4]
    ]
    totals = [
        "合计",
        sum(m.payments for m in report.methods),
        sum(m.collected_fen for m in report.methods),
        sum(m.voided_fen for m in report.methods),
        sum(m.net_fen for m in report.methods),
    ]
    return Sheet("汇总", columns, rows, totals)


def _shifts(ledger: DayLedger) -> Sheet:
    columns = (
        Column("班次", COUNT, 6),
        Column("收费员工号", TEXT, 10),
        Column("收费员", TEXT, 8),
        Column("柜台", COUNT, 6),
        Column("开班时间", DATETIME, 19),
        Column("结班时间", DATETIME, 19),
        Column("备用金(元)", MONEY, 11),
        Column("缴入(元)", MONEY, 10),
        Column("解出(元)", MONEY, 10),
        Column("应有现金(元)", MONEY, 12),
        Column("实点现金(元)", MONEY, 12),
        Column("长短款(元)", MONEY, 11),
    )
    rows: list[list[Any]] = []
    for shift_id, s in zip(ledger.shift_ids, ledger.report.shifts, strict=True):
        difference = (
            s.counted_cash_fen - s.expected_cash_fen
            if s.counted_cash_fen is not None and s.expected_cash_fen is not None
            else None
        )
        rows.append(
            [
                shift_id,
                s.teller_badge,
                s.teller_name,
                s.counter_number,
                s.opened_at,
                s.closed_at,
                s.opening_float_fen,
                s.paid_in_fen,
                s.paid_out_fen,
                s.expected_cash_fen,
                s.counted_cash_fen,
                difference,
            ]
        )

    def total(i: int) -> int:
        return sum(r[i] for r in rows if r[i] is not None)

    totals = ["合计", None, None, None, None, None, *(total(i) for i in range(6, 12))]
    return Sheet("班次", columns, rows, totals)


def _counts(ledger: DayLedger) -> Sheet:
    non_cash = [m for m in METHODS if m not in (CASH, "balance")]
    columns = (
        Column("班次", COUNT, 6),
        Column("收费员工号", TEXT, 10),
        Column("收费员", TEXT, 8),
        Column("柜台", COUNT, 6),
        Column("清点", TEXT, 10),
        Column("清点时间", DATETIME, 19),
        Column("现金实点(元)", MONEY, 12),
        *(Column(f"{METHOD_ZH[m]}结算(元)", MONEY, 13) for m in non_cash),
        Column("已被复点取代", TEXT, 12),
    )
    rows = []
    for c in ledger.counts:
        declared = dict(c.declared)
        rows.append(
            [
                c.shift_id,
                c.teller_badge,
                c.teller_name,
                c.counter_number,
                PURPOSE_ZH.get(c.purpose, c.purpose),
                c.counted_at,
                c.cash_fen,
                *(declared.get(m) if c.purpose == "close" else None for m in non_cash),
                "是" if c.superseded else "",
            ]
        )
    return Sheet("清点", columns, rows)


def _differences(report: DayReport) -> Sheet:
    columns = (
        Column("班次", COUNT, 6),
        Column("收费员工号", TEXT, 10),
        Column("收费员", TEXT, 8),
        Column("支付方式", TEXT, 9),
        Column("应有(元)", MONEY, 11),
        Column("实点(元)", MONEY, 11),
        Column("长短款(元)", MONEY, 11),
        Column("原因", TEXT, 24),
        Column("审批主管", TEXT, 9),
        Column("记录时间", DATETIME, 19),
    )
    rows = [
        [
            d.shift_id,
            d.teller_badge,
            d.teller_name,
            METHOD_ZH.get(d.method, d.method),
            d.expected_fen,
            d.counted_fen,
            d.difference_fen,
            d.reason,
            d.supervisor_badge,
            d.created_at,
        ]
        for d in report.differences
    ]
    totals = [
        "合计",
        None,
        None,
        None,
        None,
        None,
        sum(d.difference_fen for d in report.differences),
    ]
    return Sheet("长短款", columns, rows, [*totals, None, None, None])


def day_sheets(ledger: DayLedger) -> list[Sheet]:
    report = ledger.report
    closure = report.closure
    state = (
        f"已日结（{closure.closed_at:%Y-%m-%d %H:%M}，{closure.closed_by_badge}）"
        if closure
        else "未日结：数字可能还会变化"
    )
    return [
        _transactions(ledger),
        _summary(report),
        _shifts(ledger),
        _counts(ledger),
        _differences(report),
        info_sheet(
            [
                ("报表", "营业日交易明细"),
                ("营业室", f"{report.office_code} {report.office_name}"),
                ("营业日期", report.business_date.isoformat()),
                ("日结状态", state),
                ("审计链", f"序号 {report.audit_head[0]}，{report.audit_head[1]}"),
                made(report.generated_at),
            ]
        ),
    ]
