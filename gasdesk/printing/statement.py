"""The account statement (对账单) as an A4 PDF: readings, bills and payments of a
period. The text is Chinese whatever the screen language: it is handed to the customer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from gasdesk.domain.account_view import BillLine, PaymentLine, Statement
from gasdesk.domain.money import format_yuan
from gasdesk.domain.readings import Flag, ReadingRow, format_m3
from gasdesk.printing.fonts import register_cjk_font
from gasdesk.printing.layout import cjk_style, esc

MARGIN = 16 * mm
SOURCE_ZH = {
    "reader": "抄表员",
    "counter": "柜台报数",
    "estimated": "估抄",
    "business": "业务读数",
    "remote": "远传",
}
FLAG_ZH = {
    Flag.HIGH_VS_LAST_YEAR: "同比偏高",
    Flag.ESTIMATED_RUN: "连续估抄",
    Flag.LOWER_THAN_PREVIOUS: "低于上次读数",
    Flag.METER_CHANGE: "换表",
}
KIND_ZH = {
    "bill": "燃气费",
    "purchase": "购气",
    "prepay": "预存",
    "card_fee": "补卡费",
    "void": "冲正",
}
METHOD_ZH = {
    "cash": "现金",
    "wechat": "微信",
    "alipay": "支付宝",
    "card": "银行卡",
    "balance": "余额",
}
GRID = colors.HexColor("#9aa5b1")
HEAD_BG = colors.HexColor("#e8edf2")


class _Styles:
    def __init__(self, font: str) -> None:
        def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
            return cjk_style(name, font, size, 1.35, **kw)

        self.company = style("company", 12, alignment=TA_CENTER)
        self.title = style("title", 18, alignment=TA_CENTER, spaceBefore=4, spaceAfter=8)
        self.heading = style("heading", 12, spaceBefore=10, spaceAfter=4)
        self.cell = style("cell", 9)
        self.cell_right = style("cellRight", 9, alignment=TA_RIGHT)
        self.head = style("head", 9, textColor=colors.HexColor("#1f2933"))
        self.note = style("note", 8.5, textColor=colors.HexColor("#52606d"))


def _table(
    rows: list[list[Any]], widths: Sequence[float], st: _Styles, right: Sequence[int] = ()
) -> Table:
    body = []
    for i, row in enumerate(rows):
        cells = []
        for j, value in enumerate(row):
            if isinstance(value, Paragraph):
                cells.append(value)
                continue
            style = st.head if i == 0 else (st.cell_right if j in right else st.cell)
            cells.append(Paragraph(esc(value), style))
        body.append(cells)
    table = Table(body, colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _reading_rows(readings: Sequence[ReadingRow]) -> list[list[Any]]:
    rows: list[list[Any]] = [["抄表日期", "表号", "读数 (m³)", "用气量 (m³)", "来源", "备注"]]
    for r in readings:
        rows.append(
            [
                r.read_on.isoformat(),
                r.point.meter_number,
                format_m3(r.value_l),
                format_m3(r.volume_l) if r.volume_l is not None else "—",
                SOURCE_ZH.get(r.source, r.source),
                "，".join(FLAG_ZH[f] for f in Flag if f in r.flags),
            ]
        )
    return rows


def _bill_rows(bills: Sequence[BillLine]) -> list[list[Any]]:
    rows: list[list[Any]] = [["账期", "用气量 (m³)", "金额 (元)", "状态"]]
    for b in bills:
        state = f"已缴 {b.receipt_code}" if b.settled else "未缴"
        rows.append(
            [
                f"{b.period_start.isoformat()} 至 {b.period_end.isoformat()}",
                format_m3(b.volume_l),
                format_yuan(b.amount_fen),
                state,
            ]
        )
    return rows


def _payment_rows(payments: Sequence[PaymentLine]) -> list[list[Any]]:
    rows: list[list[Any]] = [["营业日", "类别", "方式", "金额 (元)", "收据号", "备注"]]
    for p in payments:
        note = ""
        if p.voided:
            note = "已冲正"
        elif p.voids_receipt:
            note = f"冲正 {p.voids_receipt}"
        rows.append(
            [
                p.business_date.isoformat(),
                KIND_ZH.get(p.kind, p.kind),
                METHOD_ZH.get(p.method, p.method),
                format_yuan(p.amount_fen),
                p.receipt_code or "—",
                note,
            ]
        )
    return rows


def render_statement(st: Statement) -> bytes:
    font = register_cjk_font()
    s = _Styles(font)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=f"对账单 {st.account.number}",
        author=st.company,
    )
    width = A4[0] - 2 * MARGIN
    a = st.account
    story: list[Any] = [
        Paragraph(esc(st.company), s.company),
        Paragraph("燃气用户对账单", s.title),
    ]
    info = [
        ["户号", a.number, "户名", a.name],
        ["地址", a.address, "燃气表", a.meter_number or "—"],
        [
            "对账期间",
            f"{st.start.isoformat()} 至 {st.end.isoformat()}",
            "营业厅",
            f"{st.office.name} {st.office.phone}",
        ],
    ]
    info_table = Table(
        [[Paragraph(esc(c), s.cell) for c in row] for row in info],
        colWidths=[18 * mm, width / 2 - 18 * mm, 18 * mm, width / 2 - 18 * mm],
    )
    info_table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
            ]
        )
    )
    story.append(info_table)

    story.append(Paragraph("抄表记录", s.heading))
    if st.readings:
        story.append(
            _table(
                _reading_rows(st.readings),
                [24 * mm, 30 * mm, 28 * mm, 26 * mm, 22 * mm, width - 130 * mm],
                s,
                right=(2, 3),
            )
        )
    else:
        story.append(Paragraph("本期间没有抄表记录。", s.note))

    story.append(Paragraph("账单", s.heading))
    if st.bills:
        story.append(
            _table(
                _bill_rows(st.bills), [62 * mm, 28 * mm, 28 * mm, width - 118 * mm], s, right=(1, 2)
            )
        )
    else:
        story.append(Paragraph("本期间没有账单。", s.note))

    story.append(Paragraph("缴费记录", s.heading))
    if st.payments:
        story.append(
            _table(
                _payment_rows(st.payments),
                [24 * mm, 18 * mm, 18 * mm, 26 * mm, 42 * mm, width - 128 * mm],
                s,
                right=(3,),
            )
        )
    else:
        story.append(Paragraph("本期间没有缴费记录。", s.note))

    story.append(Spacer(1, 4 * mm))
    totals = [
        ["期间用气量合计", f"{format_m3(st.volume_l)} m³"],
        ["期间账单金额合计", f"{format_yuan(st.billed_fen)} 元"],
        ["期间实缴金额合计（已扣除冲正）", f"{format_yuan(st.paid_fen)} 元"],
    ]
    totals_table = _table([["合计", ""], *totals], [70 * mm, 40 * mm], s, right=(1,))
    totals_table.hAlign = "LEFT"
    story.append(totals_table)
    story.append(Spacer(1, 4 * mm))
    story.append(
        Paragraph(
            esc(
                f"打印：{st.printed_at:%Y-%m-%d %H:%M}　经办：{st.printed_by}　客服电话：{st.service_phone}"
            ),
            s.note,
        )
    )

    def footer(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.HexColor("#52606d"))
        canvas.drawCentredString(
            A4[0] / 2, MARGIN / 2, f"{a.number} {a.name}　第 {canvas.getPageNumber()} 页"
        )
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
