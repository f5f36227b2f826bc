"""The 80 mm roll receipt as lines of text: what the PDF roll lays out with reportlab
and what an ESC/POS thermal printer prints, so that both say the same thing. Chinese
whatever the screen language: it is handed to the customer."""

from __future__ import annotations

from collections.abc import Sequence

from gasdesk.domain.fees import BillView
from gasdesk.domain.methods import METHOD_ZH
from gasdesk.domain.money import capital_amount, format_yuan
from gasdesk.domain.receipts import PrintLine, ReceiptDoc
from gasdesk.domain.tariff import TierLine, format_m3

TITLES = {
    "bill": "燃气费收据",
    "purchase": "购气收据",
    "prepay": "预存款收据",
    "card_fee": "补卡收据",
    "void": "冲正凭证",
    "refund": "退款凭证",
}
SLIPS = ("void", "refund")  # numbered like receipts, printed as 凭证


def title_of(doc: ReceiptDoc) -> str:
    return TITLES.get(doc.kind, "收据")


def reading(value: int | None) -> str:
    return format_m3(value) if value is not None else "—"


def tier_label(line: TierLine) -> str:
    return f"第{line.tier}档"


def period(b: BillView) -> str:
    return f"{b.period_start.isoformat()} 至 {b.period_end.isoformat()}"


def header(doc: ReceiptDoc) -> list[PrintLine]:
    lines = [
        PrintLine("company", doc.company),
        PrintLine("center", doc.office_name),
        PrintLine("title", title_of(doc)),
    ]
    if doc.copy is not None:
        lines.append(PrintLine("copy", "【重印】"))
        lines.append(
            PrintLine(
                "center", f"重印时间 {doc.copy.at:%Y-%m-%d %H:%M:%S}　重印人工号 {doc.copy.badge}"
            )
        )
    lines.append(PrintLine("center", f"地址：{doc.office_address}　电话：{doc.office_phone}"))
    return lines


def identity(doc: ReceiptDoc) -> list[tuple[str, str]]:
    rows = [
        ("收据号" if doc.kind not in SLIPS else "凭证号", doc.code),
        ("日期", f"{doc.issued_at:%Y-%m-%d %H:%M:%S}"),
        ("收费员工号", doc.teller_badge),
        ("户号", doc.account_number),
        ("户名", doc.account_name),
        ("地址", doc.account_address),
    ]
    if doc.meter_number:
        rows.append(("表号", doc.meter_number))
    return rows


def bill_rows(b: BillView) -> list[tuple[str, str]]:
    return [
        ("抄表期间", period(b)),
        ("上次读数", reading(b.from_value_l)),
        ("本次读数", reading(b.to_value_l)),
        ("用气量", f"{format_m3(b.volume_l)} m³"),
    ]


def card_rows(doc: ReceiptDoc) -> list[tuple[str, str]]:
    """What goes onto the card: the gas written, the card, the purchase count. A
    purchase made before card records were kept states its gas only."""
    if doc.kind == "card_fee":
        rows = [("新卡号", doc.card_number)]
        if doc.replaced_card:
            rows.append(("挂失旧卡", doc.replaced_card))
        return rows
    if not doc.card_number:
        return [("购气量", f"{format_m3(doc.volume_l)} m³")]
    return [
        ("写卡气量", f"{format_m3(doc.volume_l)} m³"),
        ("IC卡号", doc.card_number),
        ("购气次数", f"第{doc.card_seq}次"),
    ]


def money_rows(doc: ReceiptDoc) -> list[tuple[str, str]]:
    if doc.kind == "refund":
        assert doc.refund is not None
        rows = [
            ("退款金额", f"¥{format_yuan(doc.amount_fen)}"),
            ("金额大写", capital_amount(doc.amount_fen)),
            ("退款方式", METHOD_ZH.get(doc.method, doc.method)),
            ("退款原因", doc.refund.reason),
            ("授权主管工号", doc.refund.authorised_badge),
        ]
        if doc.balance_after_fen is not None:
            rows.append(("退款后预存余额", f"¥{format_yuan(doc.balance_after_fen)}"))
        return rows
    if doc.kind == "void":
        assert doc.void is not None
        return [
            ("原收据号", doc.void.original_code),
            ("原收费时间", f"{doc.void.original_issued_at:%Y-%m-%d %H:%M:%S}"),
            ("冲正金额", f"¥{format_yuan(doc.amount_fen)}"),
            ("大写", capital_amount(doc.amount_fen)),
            ("退还方式", METHOD_ZH.get(doc.method, doc.method)),
            ("冲正原因", doc.void.reason),
            ("授权主管工号", doc.void.authorised_badge),
        ]
    rows = [
        ("合计金额", f"¥{format_yuan(doc.amount_fen)}"),
        ("金额大写", capital_amount(doc.amount_fen)),
        ("支付方式", METHOD_ZH.get(doc.method, doc.method)),
    ]
    if doc.method == "cash":
        rows += [
            ("实收", f"¥{format_yuan(doc.tendered_fen)}"),
            ("找零", f"¥{format_yuan(doc.change_fen)}"),
        ]
    elif doc.reference:
        rows.append(("交易参考号", doc.reference))
    if doc.balance_after_fen is not None:
        rows.append(("预存余额", f"¥{format_yuan(doc.balance_after_fen)}"))
    return rows


def tier_sentences(lines: Sequence[TierLine]) -> list[str]:
    show_dates = len({(ln.start, ln.end) for ln in lines}) > 1
    out = []
    for ln in lines:
        since = f"（{ln.start:%m-%d}起）" if show_dates else ""
        out.append(
            f"　{tier_label(ln)}{since}　{format_m3(ln.volume_l)} m³ × {format_yuan(ln.price_fen)}元"
            f" ＝ {format_yuan(ln.amount_fen)}元"
        )
    return out


def footer(doc: ReceiptDoc) -> tuple[list[str], str]:
    """The phone lines and the closing note."""
    phones = [f"{label}：{number}" for label, number in doc.phones]
    note = {
        "void": "本凭证冲正原收据，原收据作废",
        "refund": "退款已当面点清，请客户签字确认",
    }.get(doc.kind, "请妥善保管本收据，如有疑问请致电咨询")
    return phones, note


def _pairs(rows: Sequence[tuple[str, str]]) -> list[PrintLine]:
    return [PrintLine("pair", k, v) for k, v in rows]


def roll_lines(doc: ReceiptDoc) -> list[PrintLine]:
    """The roll receipt, line by line."""
    rule = PrintLine("rule")
    lines = header(doc)
    lines += [rule, *_pairs(identity(doc)), rule]
    phones, note = footer(doc)
    tail = [PrintLine("small", p) for p in phones] + [PrintLine("small", note)]
    if doc.kind == "void":
        return [*lines, *_pairs(money_rows(doc)), rule, *tail]
    if doc.kind == "refund":  # the customer signs for the cash received
        signature = [PrintLine("text", ""), PrintLine("text", "客户签字："), PrintLine("text", "")]
        return [*lines, *_pairs(money_rows(doc)), rule, *signature, *tail]
    for b in doc.bills:
        lines += _pairs([*bill_rows(b), ("本期金额", f"¥{format_yuan(b.open_fen)}")])
        lines += [PrintLine("text", s) for s in tier_sentences(b.lines)]
        lines.append(rule)
    if doc.kind in ("purchase", "card_fee"):
        lines += _pairs(card_rows(doc))
        lines += [PrintLine("text", s) for s in tier_sentences(doc.purchase_lines)]
        lines.append(rule)
    return [*lines, *_pairs(money_rows(doc)), rule, *tail]


def check_slip(at: object, office: str, where: str) -> list[PrintLine]:
    """The device check's test slip: Chinese, figures, a rule; the printer is fine when
    it prints this as shown on the screen."""
    return [
        PrintLine("title", "打印测试"),
        PrintLine("center", office),
        PrintLine("rule"),
        PrintLine("pair", "时间", str(at)),
        PrintLine("pair", "打印机", where),
        PrintLine("pair", "金额", "¥1,234.56 人民币壹仟贰佰叁拾肆元伍角陆分"),
        PrintLine("text", "中文：燃气收费　购气　补写卡　补卡　m³"),
        PrintLine("rule"),
    ]
