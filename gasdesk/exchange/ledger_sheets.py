"""The sheets of the ledgers head office receives, column by column, in the Chinese
of its forms: the monthly receivables ledger with its tie to the day reports, the
arrears list by age, and the fapiao requests (the day's ledger: day_sheets). Each
workbook closes with a 说明 sheet naming the office, the period and when it was made."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from gasdesk.domain.ledgers import ArrearsList, FapiaoLine, ReceivablesLedger
from gasdesk.domain.methods import KIND_ZH, METHOD_ZH
from gasdesk.exchange.xlsx import COUNT, DATE, DATETIME, MONEY, TEXT, Column, Sheet

USER_TYPE_ZH = {"residential": "居民", "commercial": "非居民"}
STATUS_ZH = {"active": "正常", "suspended": "停气", "closed": "销户"}


def info_sheet(items: Sequence[tuple[str, str]]) -> Sheet:
    return Sheet("说明", [Column("项目", TEXT, 16), Column("内容", TEXT, 80)], list(items))


def made(at: dt.datetime) -> tuple[str, str]:
    return ("生成时间", at.strftime("%Y-%m-%d %H:%M:%S") + "（GasDesk）")


# -- the monthly receivables ledger (应收台账) -------------------------------------

RECEIVABLES = (
    Column("户号", TEXT, 11),
    Column("户名", TEXT, 10),
    Column("营业室", TEXT, 7),
    Column("用户类型", TEXT, 8),
    Column("期初欠费(元)", MONEY, 13),
    Column("本月应收(元)", MONEY, 13),
    Column("本月实收(元)", MONEY, 13),
    Column("预存抵扣(元)", MONEY, 13),
    Column("期末欠费(元)", MONEY, 13),
)
FIELDS = ("start_fen", "billed_fen", "paid_fen", "credited_fen", "end_fen")


def receivables_sheets(ledger: ReceivablesLedger) -> list[Sheet]:
    rows = [
        [
            line.account_number,
            line.account_name,
            line.office_code,
            USER_TYPE_ZH.get(line.user_type, line.user_type),
            *(getattr(line, f) for f in FIELDS),
        ]
        for line in ledger.lines
    ]
    totals = [f"合计：{len(rows)}户", None, None, None, *(ledger.total(f) for f in FIELDS)]
    tie = ledger.tie
    here = "本营业室" if ledger.office_code else "各营业室"
    by_settlement = tie.settled_fen - tie.elsewhere_fen + tie.for_others_fen
    tie_rows: list[list[Any]] = [
        ["本月实收与预存抵扣合计（台账）", tie.settled_fen],
        ["减：在其他营业室缴纳", -tie.elsewhere_fen],
        [f"加：{here}代收其他营业室用户", tie.for_others_fen],
        [f"{here}缴费（按账单核销）", by_settlement],
        [f"{here}缴费（按收款记录）", tie.bills_here_fen],
        ["加：IC卡购气", tie.purchases_fen],
        ["加：预存", tie.prepayments_fen],
        [
            "本月收款合计（按收款记录）",
            tie.bills_here_fen + tie.purchases_fen + tie.prepayments_fen,
        ],
        ["本月各营业日日报收款合计", tie.day_reports_fen],
        [
            "差额（应为0）",
            tie.day_reports_fen - by_settlement - tie.purchases_fen - tie.prepayments_fen,
        ],
    ]
    days = [[d.day, d.payments, d.voids, d.net_fen] for d in tie.days]
    period = ledger.month
    return [
        Sheet("应收台账", RECEIVABLES, rows, totals),
        Sheet("与日报核对", (Column("项目", TEXT, 34), Column("金额(元)", MONEY, 14)), tie_rows),
        Sheet(
            "日报逐日",
            (
                Column("营业日期", DATE, 11),
                Column("收款笔数", COUNT, 9),
                Column("冲正笔数", COUNT, 9),
                Column("收款净额(元)", MONEY, 13),
            ),
            days,
            [
                "合计",
                sum(d.payments for d in tie.days),
                sum(d.voids for d in tie.days),
                tie.day_reports_fen,
            ],
        ),
        info_sheet(
            [
                ("报表", "应收台账"),
                ("营业室", f"{ledger.office_code} {ledger.office_name}".strip() or "全部营业室"),
                ("月份", period.label),
                (
                    "口径",
                    "期末欠费 = 期初欠费 + 本月应收 − 本月实收 − 预存抵扣。账单按开账日计入，"
                    "核销按缴费的营业日计入，冲正在冲正当日冲回；尚未开账的抄表读数不计入。",
                ),
                made(ledger.generated_at),
            ]
        ),
    ]


# -- the arrears list (欠费清单) ---------------------------------------------------

ARREARS = (
    Column("户号", TEXT, 11),
    Column("户名", TEXT, 10),
    Column("用气地址", TEXT, 34),
    Column("联系电话", TEXT, 13),
    Column("营业室", TEXT, 7),
    Column("状态", TEXT, 6),
    Column("欠费笔数", COUNT, 8),
    Column("最早账期止", DATE, 11),
    Column("1个月以内(元)", MONEY, 13),
    Column("1至3个月(元)", MONEY, 13),
    Column("3个月以上(元)", MONEY, 13),
    Column("欠费合计(元)", MONEY, 13),
    Column("预存余额(元)", MONEY, 13),
)


def arrears_sheets(arrears: ArrearsList) -> list[Sheet]:
    rows = [
        [
            a.account_number,
            a.account_name,
            a.address,
            a.phone,
            a.office_code,
            STATUS_ZH.get(a.status, a.status),
            a.bills,
            a.oldest_period_end,
            a.within_1_fen,
            a.from_1_to_3_fen,
            a.over_3_fen,
            a.total_fen,
            a.balance_fen,
        ]
        for a in arrears.lines
    ]
    lines = arrears.lines
    totals = [
        f"合计：{len(rows)}户", None, None, None, None, None, sum(a.bills for a in lines), None,
        sum(a.within_1_fen for a in lines), sum(a.from_1_to_3_fen for a in lines),
        sum(a.over_3_fen for a in lines), sum(a.total_fen for a in lines), None,
    ]  # fmt: skip
    return [
        Sheet("欠费清单", ARREARS, rows, totals),
        info_sheet(
            [
                ("报表", "欠费清单"),
                ("营业室", f"{arrears.office_code} {arrears.office_name}".strip() or "全部营业室"),
                ("截至", arrears.as_of.isoformat()),
                (
                    "口径",
                    "截至当日已开账、尚未缴清的账单；账龄按账期止日到截至日的月数："
                    "1个月以内、1至3个月、3个月以上。按营业室和地址排序，便于上门催缴。",
                ),
                made(arrears.generated_at),
            ]
        ),
    ]


# -- fapiao requests (开票申请) ----------------------------------------------------

FAPIAO = (
    Column("营业日期", DATE, 11),
    Column("营业室", TEXT, 7),
    Column("收据号", TEXT, 16),
    Column("户号", TEXT, 11),
    Column("户名", TEXT, 10),
    Column("业务类型", TEXT, 8),
    Column("支付方式", TEXT, 9),
    Column("金额(元)", MONEY, 11),
    Column("购买方名称", TEXT, 24),
    Column("纳税人识别号", TEXT, 20),
    Column("手机", TEXT, 13),
    Column("电子邮箱", TEXT, 22),
    Column("申请时间", DATETIME, 19),
    Column("收费员工号", TEXT, 10),
    Column("状态", TEXT, 8),
    Column("冲正收据号", TEXT, 16),
)


def fapiao_sheets(
    lines: Sequence[FapiaoLine], office: str, period: str, at: dt.datetime
) -> list[Sheet]:
    rows = [
        [
            f.business_date,
            f.office_code,
            f.receipt,
            f.account_number,
            f.account_name,
            KIND_ZH.get(f.kind, f.kind),
            METHOD_ZH.get(f.method, f.method),
            f.amount_fen,
            f.buyer_name,
            f.tax_number,
            f.phone,
            f.email,
            f.requested_at,
            f.teller_badge,
            "已撤回" if f.withdrawn else "待开具",
            f.withdrawn_by,
        ]
        for f in lines
    ]
    pending = [f for f in lines if not f.withdrawn]
    totals: list[Any] = [None] * len(FAPIAO)
    totals[0] = f"待开具合计：{len(pending)}张"
    totals[7] = sum(f.amount_fen for f in pending)
    return [
        Sheet("开票申请", FAPIAO, rows, totals),
        info_sheet(
            [
                ("报表", "开票申请"),
                ("营业室", office),
                ("期间", period),
                ("口径", "每笔收款一行；收款被冲正的，申请已撤回，不应开具。"),
                made(at),
            ]
        ),
    ]
