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
from gasdesk.domain.methods import KIND_ZH
from gasdesk.domain.money import format_yuan
from gasdesk.domain.receipts import LAYOUTS, PrintLine, ReceiptDoc
from gasdesk.domain.tariff import TierLine, format_m3
from gasdesk.printing.fonts import register_cjk_font
from gasdesk.printing.layout import build_pdf, cjk_style, dashed_rule, esc, fitted_roll, pairs_table
from gasdesk.printing.receipt_lines import (
    SLIPS,
    card_rows,
    footer,
    header,
    identity,
    money_rows,
    period,
    reading,
    roll_lines,
    tier_label,
    tier_sentences,
    title_of,
)

ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
A5_MARGIN = 12 * mm
CELL_PADDING = 6  # reportlab's table cells: points of padding left and right

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


def _tier_sentences(lines: Sequence[TierLine], st: _Styles) -> list[Flowable]:
    return [Paragraph(esc(text), st.body) for text in tier_sentences(lines)]


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
    styles = {"company": st.company, "center": st.center, "title": st.title, "copy": st.copy}
    return [Paragraph(esc(line.text), styles[line.style]) for line in header(doc)]


def _footer(doc: ReceiptDoc, st: _Styles, *, one_line: bool = False) -> list[Flowable]:
    phones, note = footer(doc)
    if one_line:
        return [Paragraph(esc("　".join(phones)), st.small), Paragraph(esc(note), st.small)]
    return [Paragraph(esc(p), st.small) for p in phones] + [Paragraph(esc(note), st.small)]


def _lines_story(lines: Sequence[PrintLine], st: _Styles, width: float) -> list[Flowable]:
    """Roll lines laid out: consecutive label/value lines form one table, so that their
    values line up."""
    label_w = 20 * mm
    styles = {
        "company": st.company,
        "title": st.title,
        "copy": st.copy,
        "center": st.center,
        "text": st.body,
        "small": st.small,
    }
    story: list[Flowable] = []
    pairs: list[tuple[str, str]] = []
    for line in [*lines, PrintLine("end")]:
        if line.style == "pair":
            pairs.append((line.text, line.value))
            continue
        if pairs:
            story.append(_pairs(pairs, st, width, label_w))
            pairs = []
        if line.style == "rule":
            story.append(dashed_rule())
        elif line.style in styles:
            story.append(Paragraph(esc(line.text), styles[line.style]))
    return story


def _roll_story(doc: ReceiptDoc, st: _Styles, width: float) -> list[Flowable]:
    return _lines_story(roll_lines(doc), st, width)


def render_lines(lines: Sequence[PrintLine], title: str) -> bytes:
    """Any roll of lines (a test slip) as an 80 mm roll PDF."""
    st = _Styles(register_cjk_font(), 1.0)
    width = ROLL_WIDTH - 2 * ROLL_MARGIN
    page, story = fitted_roll(lambda: _lines_story(lines, st, width), ROLL_WIDTH, ROLL_MARGIN)
    return build_pdf(
        story, page, ROLL_MARGIN, title=title, author="", subject=title, template_id="roll"
    )


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
    ident = dict(identity(doc))
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
        story.append(_pairs(money_rows(doc), st, width, 30 * mm))
    else:
        if doc.bills:
            head = ["表号", "抄表期间", "上次读数", "本次读数", "用气量 m³", "金额 元"]
            rows = [[Paragraph(h, st.body) for h in head]]
            for b in doc.bills:
                rows.append(
                    [
                        Paragraph(esc(b.meter_number), st.body),
                        Paragraph(period(b), st.body),
                        Paragraph(reading(b.from_value_l), st.right),
                        Paragraph(reading(b.to_value_l), st.right),
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
        if doc.kind in ("purchase", "card_fee"):
            story.append(_pairs(card_rows(doc), st, width, 30 * mm))
        if doc.purchase_lines:
            story += [_tier_table(doc.purchase_lines, st, width), Spacer(1, 2 * mm)]
        story.append(_pairs(money_rows(doc), st, width, 30 * mm, big=True))
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
        title=f"{title_of(doc)} {doc.code}",
        author=doc.company,
        subject=KIND_ZH.get(doc.kind, ""),
        template_id="receipt",
    )
