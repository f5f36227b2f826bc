"""Receipts and void slips as PDF: an 80 mm roll (page height fitted to the content)
and A5. Content comes from a ReceiptDoc; the text printed is Chinese whatever the
screen language, because it is handed to the customer."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from gasdesk.domain.fees import BillView
from gasdesk.domain.methods import KIND_ZH, METHOD_ZH
from gasdesk.domain.money import capital_amount, format_yuan
from gasdesk.domain.receipts import ReceiptDoc
from gasdesk.domain.tariff import TierLine, format_m3
from gasdesk.printing.fonts import register_cjk_font
from gasdesk.printing.layout import build_pdf, cjk_style, dashed_rule, esc, fitted_roll, pairs_table

LAYOUTS = ("80mm", "a5")
ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
A5_MARGIN = 12 * mm
CELL_PADDING = 6  # reportlab's table cells: points of padding left and right

TITLES = {
    "bill": "燃气费收据",
    "purchase": "购气收据",
    "prepay": "预存款收据",
    "void": "冲正凭证",
    "refund": "退款凭证",
}
SLIPS = ("void", "refund")  # numbered like receipts, printed as 凭证
# a ruled table, cells aligned at the top
GRID = [("GRID", (0, 0), (-1, -1), 0.4, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]


class _Styles:
    def __init__(self, font: str, scale: float) -> None:
        def style(name: str, size: float, **kw: object) -> ParagraphStyle:
            return cjk_style(name, font, size * scale, 1.3, **kw)

        self.company = style("company", 11, alignment=TA_CENTER)
        self.title = style("title", 13, alignment=TA_CENTER, spaceBefore=2, spaceAfter=2)
        self.center = style("center", 7.5, alignment=TA_CENTER)
        self.copy = style(
            "copy", 12, alignment=TA_CENTER, textColor=colors.black, spaceBefore=2, spaceAfter=2
        )
        self.body = style("body", 8)
        self.right = style("right", 8, alignment=TA_RIGHT)
        self.big = style("big", 10)
        self.big_right = style("bigright", 10, alignment=TA_RIGHT)
        self.small = style("small", 7)
        self.font = font
        self.scale = scale


def _pairs(
    rows: Sequence[tuple[str, str]], st: _Styles, width: float, label_w: float, big: bool = False
) -> Table:
    value_style = st.big if big else st.body
    data = [[Paragraph(esc(k), st.body), Paragraph(esc(v), value_style)] for k, v in rows]
    return pairs_table(data, [label_w, width - label_w], right_pad=1, v_pad=0.5)


def _reading(value: int | None) -> str:
    return format_m3(value) if value is not None else "—"


def tier_label(line: TierLine) -> str:
    return f"第{line.tier}档"


def _period(b: BillView) -> str:
    return f"{b.period_start.isoformat()} 至 {b.period_end.isoformat()}"


def _tier_sentences(lines: Sequence[TierLine], st: _Styles) -> list[Flowable]:
    show_dates = len({(ln.start, ln.end) for ln in lines}) > 1
    out: list[Flowable] = []
    for ln in lines:
        since = f"（{ln.start:%m-%d}起）" if show_dates else ""
        out.append(
            Paragraph(
                f"　{tier_label(ln)}{since}　{format_m3(ln.volume_l)} m³ × {format_yuan(ln.price_fen)}元"
                f" ＝ {format_yuan(ln.amount_fen)}元",
                st.body,
            )
        )
    return out


def _tier_table(lines: Sequence[TierLine], st: _Styles, width: float) -> Table:
    show_dates = len({(ln.start, ln.end) for ln in lines}) > 1
    data = [[Paragraph(h, st.body) for h in ("档位", "气量 m³", "单价 元/m³", "金额 元")]]
    for ln in lines:
        label = tier_label(ln)
        if show_dates:
            label += f"（{ln.start:%Y-%m-%d}起）"
        data.append(
            [
                Paragraph(esc(label), st.body),
                Paragraph(format_m3(ln.volume_l), st.right),
                Paragraph(format_yuan(ln.price_fen), st.right),
                Paragraph(format_yuan(ln.amount_fen), st.right),
            ]
        )
    t = Table(data, colWidths=[width * 0.4, width * 0.2, width * 0.2, width * 0.2])
    t.setStyle(TableStyle(GRID))
    return t


def _header(doc: ReceiptDoc, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(esc(doc.company), st.company),
        Paragraph(esc(doc.office_name), st.center),
        Paragraph(TITLES.get(doc.kind, "收据"), st.title),
    ]
    if doc.copy is not None:
        story.append(Paragraph("【重印】", st.copy))
        story.append(
            Paragraph(
                f"重印时间 {doc.copy.at:%Y-%m-%d %H:%M:%S}　重印人工号 {esc(doc.copy.badge)}",
                st.center,
            )
        )
    story.append(
        Paragraph(f"地址：{esc(doc.office_address)}　电话：{esc(doc.office_phone)}", st.center)
    )
    return story


def _identity(doc: ReceiptDoc) -> list[tuple[str, str]]:
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


def _bill_rows(b: BillView) -> list[tuple[str, str]]:
    return [
        ("抄表期间", _period(b)),
        ("上次读数", _reading(b.from_value_l)),
        ("本次读数", _reading(b.to_value_l)),
        ("用气量", f"{format_m3(b.volume_l)} m³"),
    ]


def _money_rows(doc: ReceiptDoc) -> list[tuple[str, str]]:
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


def _footer(doc: ReceiptDoc, st: _Styles, *, one_line: bool = False) -> list[Flowable]:
    phones = [f"{esc(label)}：{esc(number)}" for label, number in doc.phones]
    note = {
        "void": "本凭证冲正原收据，原收据作废",
        "refund": "退款已当面点清，请客户签字确认",
    }.get(doc.kind, "请妥善保管本收据，如有疑问请致电咨询")
    if one_line:
        return [Paragraph("　".join(phones), st.small), Paragraph(note, st.small)]
    return [Paragraph(p, st.small) for p in phones] + [Paragraph(note, st.small)]


def _roll_story(doc: ReceiptDoc, st: _Styles, width: float) -> list[Flowable]:
    label_w = 20 * mm
    story = _header(doc, st)
    story += [dashed_rule(), _pairs(_identity(doc), st, width, label_w), dashed_rule()]
    if doc.kind in SLIPS:
        story += [_pairs(_money_rows(doc), st, width, label_w), dashed_rule()]
        if doc.kind == "refund":  # the customer signs for the cash received
            story += [Spacer(1, 3 * mm), Paragraph("客户签字：", st.body), Spacer(1, 6 * mm)]
        story += _footer(doc, st)
        return story
    for b in doc.bills:
        story.append(
            _pairs(
                [*_bill_rows(b), ("本期金额", f"¥{format_yuan(b.open_fen)}")], st, width, label_w
            )
        )
        story += _tier_sentences(b.lines, st)
        story.append(dashed_rule())
    if doc.kind == "purchase":
        story.append(_pairs([("购气量", f"{format_m3(doc.volume_l)} m³")], st, width, label_w))
        story += _tier_sentences(doc.purchase_lines, st)
        story.append(dashed_rule())
    story += [_pairs(_money_rows(doc), st, width, label_w, big=False), dashed_rule()]
    story += _footer(doc, st)
    return story


def _bill_columns(bills: Sequence[BillView], st: _Styles, width: float) -> list[float]:
    """Widths of the A5 bill table: the meter number on one line (as wide as the
    longest one needs), the other columns sharing the rest as before."""
    shares = (0.25, 0.15, 0.15, 0.16, 0.16)
    needed = max(
        stringWidth(text, st.font, st.body.fontSize)
        for text in ["表号", *(b.meter_number for b in bills)]
    )
    meter = max(width * 0.13, needed + 2 * CELL_PADDING + 1)
    rest = width - meter
    return [meter, *(rest * f / sum(shares) for f in shares)]


def _a5_story(doc: ReceiptDoc, st: _Styles, width: float) -> list[Flowable]:
    story = _header(doc, st)
    ident = dict(_identity(doc))
    code_label = "收据号" if doc.kind not in SLIPS else "凭证号"
    left = [(k, ident.get(k, "")) for k in (code_label, "日期", "收费员工号", "表号")]
    right = [(k, ident.get(k, "")) for k in ("户号", "户名", "地址")]
    grid = []
    for i, (k, v) in enumerate(left):
        row: list[object] = [Paragraph(k, st.body), Paragraph(esc(v), st.body)]
        if i < len(right):
            row += [Paragraph(right[i][0], st.body), Paragraph(esc(right[i][1]), st.body)]
        else:
            row += ["", ""]
        grid.append(row)
    t = Table(grid, colWidths=[width * 0.19, width * 0.31, width * 0.12, width * 0.38])
    t.setStyle(TableStyle(GRID))
    story += [Spacer(1, 3 * mm), t, Spacer(1, 3 * mm)]
    if doc.kind in SLIPS:
        story.append(_pairs(_money_rows(doc), st, width, 30 * mm))
    else:
        if doc.bills:
            head = ["表号", "抄表期间", "上次读数", "本次读数", "用气量 m³", "金额 元"]
            rows = [[Paragraph(h, st.body) for h in head]]
            for b in doc.bills:
                rows.append(
                    [
                        Paragraph(esc(b.meter_number), st.body),
                        Paragraph(_period(b), st.body),
                        Paragraph(_reading(b.from_value_l), st.right),
                        Paragraph(_reading(b.to_value_l), st.right),
                        Paragraph(format_m3(b.volume_l), st.right),
                        Paragraph(format_yuan(b.open_fen), st.right),
                    ]
                )
            bt = Table(rows, colWidths=_bill_columns(doc.bills, st, width))
            bt.setStyle(TableStyle(GRID))
            story += [bt, Spacer(1, 2 * mm)]
            lines = [ln for b in doc.bills for ln in b.lines]
            if lines:
                story += [_tier_table(lines, st, width), Spacer(1, 2 * mm)]
        if doc.kind == "purchase":
            story.append(_pairs([("购气量", f"{format_m3(doc.volume_l)} m³")], st, width, 30 * mm))
            story += [_tier_table(doc.purchase_lines, st, width), Spacer(1, 2 * mm)]
        story.append(_pairs(_money_rows(doc), st, width, 30 * mm, big=True))
    story += [
        Spacer(1, 4 * mm),
        Paragraph(f"收费员（工号）：{esc(doc.teller_badge)}　　客户签字：", st.body),
        Spacer(1, 4 * mm),
    ]
    story += _footer(doc, st, one_line=True)
    return story


def render_receipt(doc: ReceiptDoc, layout: str = "80mm") -> bytes:
    """The PDF of `doc` in `layout` ('80mm' roll or 'a5')."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown receipt layout {layout!r}")
    font = register_cjk_font()
    if layout == "80mm":
        st = _Styles(font, 1.0)
        margin = ROLL_MARGIN
        width = ROLL_WIDTH - 2 * margin
        page, story = fitted_roll(lambda: _roll_story(doc, st, width), ROLL_WIDTH, margin)
    else:
        st = _Styles(font, 1.2)
        page = A5
        margin = A5_MARGIN
        story = _a5_story(doc, st, A5[0] - 2 * margin)
    return build_pdf(
        story,
        page,
        margin,
        title=f"{TITLES.get(doc.kind, '收据')} {doc.code}",
        author=doc.company,
        subject=KIND_ZH.get(doc.kind, ""),
        template_id="receipt",
    )
