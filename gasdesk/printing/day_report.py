"""The day report (日结报表) as PDF: A4 for the office file and an 80 mm Z slip
(height fitted to the content) for the drawer. Printed in Chinese whatever the
screen language: it is filed with the company's accounts."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from gasdesk.domain.dayend import DayReport
from gasdesk.domain.methods import METHOD_ZH
from gasdesk.domain.money import format_yuan
from gasdesk.printing.fonts import register_cjk_font

LAYOUTS = ("a4", "slip")
SLIP_WIDTH = 80 * mm
SLIP_MARGIN = 4 * mm
A4_MARGIN = 15 * mm
DIRECTION_ZH = {"in": "缴入", "out": "缴出"}


def _esc(text: object) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _yuan(fen: int | None) -> str:
    return "—" if fen is None else format_yuan(fen)


def _diff_label(fen: int) -> str:
    if fen > 0:
        return f"长款 {format_yuan(fen)}"
    if fen < 0:
        return f"短款 {format_yuan(-fen)}"
    return "相符"


def _method(m: str) -> str:
    return METHOD_ZH.get(m, m)


class _Styles:
    def __init__(self, font: str, size: float) -> None:
        def style(name: str, scale: float = 1.0, **kw: object) -> ParagraphStyle:
            return ParagraphStyle(
                name,
                fontName=font,
                fontSize=size * scale,
                leading=size * scale * 1.35,
                wordWrap="CJK",
                **kw,
            )

        self.title = style("title", 1.6, alignment=TA_CENTER, spaceAfter=2)
        self.company = style("company", 1.15, alignment=TA_CENTER)
        self.center = style("center", 1.0, alignment=TA_CENTER)
        self.h2 = style("h2", 1.2, spaceBefore=6, spaceAfter=2)
        self.body = style("body")
        self.right = style("right", alignment=TA_RIGHT)
        self.small = style("small", 0.85)
        self.indented = style("indented", leftIndent=size * 1.5)
        self.warn = style("warn", 1.0, textColor=colors.HexColor("#B00020"))


def _grid(rows: list[list[Flowable]], widths: Sequence[float], total_row: bool = False) -> Table:
    t = Table(rows, colWidths=list(widths), repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if total_row:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F4F4F4")))
    t.setStyle(TableStyle(style))
    return t


def _row(cells: Sequence[str], st: _Styles, numeric_from: int = 99) -> list[Flowable]:
    return [
        Paragraph(_esc(c), st.right if i >= numeric_from else st.body) for i, c in enumerate(cells)
    ]


def _status_line(r: DayReport) -> str:
    if r.closure:
        c = r.closure
        return (
            f"状态：已日结　{c.closed_at:%Y-%m-%d %H:%M}　"
            f"主管 {_esc(c.closed_by_name)}（{_esc(c.closed_by_badge)}）"
        )
    return f"状态：未日结（预览，{r.generated_at:%Y-%m-%d %H:%M} 生成，数字可能变化）"


def _receipt_lines(r: DayReport) -> list[str]:
    if not r.receipts:
        return ["本日无收据"]
    lines = []
    for rng in r.receipts:
        check = "连续，无缺号" if not rng.gaps else "缺号：" + "、".join(str(n) for n in rng.gaps)
        follow = (
            f"接上日末号 {rng.previous_last:06d}"
            if rng.previous_last is not None
            else "本年度首张起"
        )
        if not rng.follows_previous:
            follow = "未接上日末号（" + follow + "）"
        lines.append(f"{rng.first_code} 至 {rng.last_code}，共 {rng.count} 张；{check}；{follow}")
    return lines


def _fingerprint(r: DayReport) -> tuple[str, str]:
    seq, digest = r.audit_head
    label = "日结时审计链头" if r.closed else "当前审计链头（未日结）"
    return f"{label}：序号 {seq}", f"HMAC-SHA256：{digest}"


def _a4_story(r: DayReport, st: _Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(_esc(r.company), st.company),
        Paragraph(f"{_esc(r.office_name)}　日结报表", st.title),
        Paragraph(f"营业日期：{r.business_date.isoformat()}", st.center),
        Paragraph(_status_line(r), st.center),
        Spacer(1, 3 * mm),
        Paragraph(
            f"收款 {r.payments} 笔，冲正 {len(r.voids)} 笔，净收款 {format_yuan(r.net_fen)} 元",
            st.body,
        ),
    ]

    story.append(Paragraph("一、按支付方式", st.h2))
    rows = [_row(["支付方式", "笔数", "收款 元", "冲正 元", "净额 元"], st, 1)]
    for m in r.methods:
        rows.append(
            _row(
                [
                    _method(m.method),
                    str(m.payments),
                    format_yuan(m.collected_fen),
                    format_yuan(m.voided_fen),
                    format_yuan(m.net_fen),
                ],
                st,
                1,
            )
        )
    rows.append(
        _row(
            [
                "合计",
                str(r.payments),
                format_yuan(sum(m.collected_fen for m in r.methods)),
                format_yuan(sum(m.voided_fen for m in r.methods)),
                format_yuan(r.net_fen),
            ],
            st,
            1,
        )
    )
    story.append(_grid(rows, [width * f for f in (0.28, 0.12, 0.2, 0.2, 0.2)], total_row=True))

    story.append(Paragraph("二、按收费员", st.h2))
    methods = [m.method for m in r.methods]
    head = ["收费员", "笔数", *[_method(m) for m in methods], "冲正", "净额 元"]
    rows = [_row(head, st, 1)]
    for t in r.tellers:
        rows.append(
            _row(
                [
                    f"{t.badge} {t.name}",
                    str(t.payments),
                    *[format_yuan(t.by_method.get(m, 0)) for m in methods],
                    f"{t.voids}笔 {format_yuan(t.voided_fen)}",
                    format_yuan(t.total_fen),
                ],
                st,
                1,
            )
        )
    fixed = 0.16 + 0.07 + 0.14 + 0.12
    each = (1 - fixed) / max(1, len(methods))
    story.append(_grid(rows, [width * f for f in (0.16, 0.07, *[each] * len(methods), 0.14, 0.12)]))

    story.append(Paragraph("三、班次与现金", st.h2))
    rows = [
        _row(
            [
                "收费员",
                "柜台",
                "开班",
                "结班",
                "备用金",
                "缴入",
                "缴出",
                "应有现金",
                "实点现金",
                "差额",
            ],
            st,
            4,
        )
    ]
    for s in r.shifts:
        diff = (
            _diff_label(s.counted_cash_fen - s.expected_cash_fen)
            if s.counted_cash_fen is not None and s.expected_cash_fen is not None
            else "—"
        )
        rows.append(
            _row(
                [
                    f"{s.teller_badge} {s.teller_name}",
                    str(s.counter_number),
                    f"{s.opened_at:%H:%M}",
                    f"{s.closed_at:%H:%M}" if s.closed_at else "未结班",
                    format_yuan(s.opening_float_fen),
                    format_yuan(s.paid_in_fen),
                    format_yuan(s.paid_out_fen),
                    _yuan(s.expected_cash_fen),
                    _yuan(s.counted_cash_fen),
                    diff,
                ],
                st,
                4,
            )
        )
    if not r.shifts:
        rows.append(_row(["本日无班次", "", "", "", "", "", "", "", "", ""], st))
    story.append(
        _grid(rows, [width * f for f in (0.15, 0.06, 0.07, 0.08, 0.1, 0.1, 0.1, 0.11, 0.11, 0.12)])
    )
    if r.movements:
        rows = [_row(["时间", "收费员", "类别", "金额 元", "事由"], st)]
        for mv in r.movements:
            rows.append(
                _row(
                    [
                        f"{mv.created_at:%H:%M}",
                        mv.staff_badge,
                        DIRECTION_ZH.get(mv.direction, mv.direction),
                        format_yuan(mv.amount_fen),
                        mv.reason,
                    ],
                    st,
                )
            )
        story += [Spacer(1, 2 * mm), _grid(rows, [width * f for f in (0.1, 0.12, 0.1, 0.16, 0.52)])]
    if r.payments_without_shift:
        story.append(
            Paragraph(
                f"注意：{r.payments_without_shift} 笔收款不属于任何班次，未参加钱箱对账。",
                st.warn,
            )
        )

    story.append(Paragraph("四、冲正", st.h2))
    if r.voids:
        rows = [_row(["原收据号", "收费员", "授权主管", "方式", "金额 元", "原因", "时间"], st)]
        for v in r.voids:
            rows.append(
                _row(
                    [
                        v.receipt,
                        v.teller_badge,
                        v.supervisor_badge,
                        _method(v.method),
                        format_yuan(v.amount_fen),
                        v.reason,
                        f"{v.at:%H:%M}",
                    ],
                    st,
                )
            )
        story.append(_grid(rows, [width * f for f in (0.2, 0.1, 0.1, 0.1, 0.12, 0.29, 0.09)]))
    else:
        story.append(Paragraph("本日无冲正。", st.body))

    story.append(Paragraph("五、长款与短款", st.h2))
    if r.differences:
        rows = [_row(["收费员", "方式", "应有 元", "实点 元", "差额", "原因", "审批主管"], st)]
        for d in r.differences:
            rows.append(
                _row(
                    [
                        f"{d.teller_badge} {d.teller_name}",
                        _method(d.method),
                        format_yuan(d.expected_fen),
                        format_yuan(d.counted_fen),
                        _diff_label(d.difference_fen),
                        d.reason,
                        f"{d.supervisor_badge} {d.supervisor_name}",
                    ],
                    st,
                )
            )
        story.append(_grid(rows, [width * f for f in (0.15, 0.09, 0.11, 0.11, 0.14, 0.25, 0.15)]))
    else:
        story.append(Paragraph("本日无长短款。", st.body))

    story.append(Paragraph("六、收据号", st.h2))
    for line in _receipt_lines(r):
        style = st.body if r.receipts_gapless else st.warn
        story.append(Paragraph(_esc(line), style))

    seq_line, hash_line = _fingerprint(r)
    story.append(
        KeepTogether(
            [
                Paragraph("七、审计指纹", st.h2),
                Paragraph(seq_line, st.body),
                Paragraph(hash_line, st.body),
            ]
        )
    )
    story.append(Spacer(1, 10 * mm))
    story.append(
        Paragraph("收费员签字：＿＿＿＿＿＿＿＿　　　　主管签字：＿＿＿＿＿＿＿＿", st.body)
    )
    return story


def _slip_story(r: DayReport, st: _Styles, width: float) -> list[Flowable]:
    def rule() -> Flowable:
        return HRFlowable(
            width="100%",
            thickness=0.5,
            dash=(2, 2),
            color=colors.black,
            spaceBefore=2,
            spaceAfter=2,
        )

    def pairs(items: Sequence[tuple[str, str]], indent: bool = False) -> Table:
        label = st.indented if indent else st.body
        t = Table(
            [[Paragraph(_esc(k), label), Paragraph(_esc(v), st.right)] for k, v in items],
            colWidths=[width * 0.55, width * 0.45],
        )
        t.setStyle(
            TableStyle(
                [
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.3),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    story: list[Flowable] = [
        Paragraph(_esc(r.company), st.center),
        Paragraph(f"{_esc(r.office_name)} 日结单（Z）", st.title),
        Paragraph(f"营业日期 {r.business_date.isoformat()}", st.center),
        Paragraph(_status_line(r), st.small),
        rule(),
        Paragraph("按支付方式（净额 元）", st.body),
        pairs(
            [(f"{_method(m.method)}（{m.payments}笔）", format_yuan(m.net_fen)) for m in r.methods]
        ),
        pairs([("合计", format_yuan(r.net_fen))]),
        rule(),
        Paragraph("按收费员（净额 元）", st.body),
    ]
    for t in r.tellers:
        story.append(pairs([(f"{t.badge} {t.name}（{t.payments}笔）", format_yuan(t.total_fen))]))
        story.append(
            pairs([(_method(m), format_yuan(v)) for m, v in t.by_method.items() if v], indent=True)
        )
    story += [
        rule(),
        pairs([(f"冲正 {len(r.voids)} 笔", format_yuan(sum(v.amount_fen for v in r.voids)))]),
    ]
    for v in r.voids:
        story.append(
            Paragraph(
                _esc(f"{v.receipt} {format_yuan(v.amount_fen)} {v.reason}（{v.supervisor_badge}）"),
                st.small,
            )
        )
    story.append(rule())
    for s in r.shifts:
        story.append(
            pairs(
                [(f"{s.teller_badge} 柜台{s.counter_number} 应有现金", _yuan(s.expected_cash_fen))]
            )
        )
        story.append(pairs([("实点现金", _yuan(s.counted_cash_fen))], indent=True))
    for d in r.differences:
        story.append(
            Paragraph(
                _esc(
                    f"{d.teller_badge} {_method(d.method)} {_diff_label(d.difference_fen)}："
                    f"{d.reason}（主管 {d.supervisor_badge}）"
                ),
                st.small,
            )
        )
    if not r.differences:
        story.append(Paragraph("无长短款", st.small))
    story.append(rule())
    story.append(Paragraph("收据号", st.body))
    for line in _receipt_lines(r):
        story.append(Paragraph(_esc(line), st.small if r.receipts_gapless else st.warn))
    seq_line, hash_line = _fingerprint(r)
    story += [
        rule(),
        Paragraph(seq_line, st.small),
        Paragraph(hash_line, st.small),
        Spacer(1, 6 * mm),
        Paragraph("主管签字：", st.body),
        Spacer(1, 6 * mm),
    ]
    return story


def _fitted_height(story: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for f in story:
        _, h = f.wrap(width, 10_000 * mm)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _page_marks(font: str, footer: str) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawRightString(A4[0] - A4_MARGIN, A4_MARGIN / 2, f"第 {canvas.getPageNumber()} 页")
        canvas.drawString(A4_MARGIN, A4_MARGIN / 2, footer)
        canvas.restoreState()

    return draw


def _no_marks(canvas: Canvas, doc: BaseDocTemplate) -> None:
    return None


def render_day_report(report: DayReport, layout: str = "a4") -> bytes:
    """The PDF of the day report in `layout` ('a4' or 'slip', the 80 mm Z slip)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown day report layout {layout!r}")
    font = register_cjk_font()
    buf = io.BytesIO()
    title = f"{report.office_name} 日结报表 {report.business_date.isoformat()}"
    on_page: Callable[[Canvas, BaseDocTemplate], None] = _no_marks
    if layout == "slip":
        st = _Styles(font, 7.5)
        margin = SLIP_MARGIN
        width = SLIP_WIDTH - 2 * margin
        height = _fitted_height(_slip_story(report, st, width), width) + 2 * margin + 3 * mm
        page = (SLIP_WIDTH, height)
        story = _slip_story(report, st, width)  # fresh flowables for the real build
    else:
        st = _Styles(font, 9)
        margin = A4_MARGIN
        page = A4
        width = A4[0] - 2 * margin
        story = _a4_story(report, st, width)
        on_page = _page_marks(
            font, f"{report.office_name} {report.business_date.isoformat()} 日结报表"
        )
    template = BaseDocTemplate(
        buf,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=report.company,
        subject="日结报表",
        creator="GasDesk",
    )
    frame = Frame(
        margin,
        margin,
        page[0] - 2 * margin,
        page[1] - 2 * margin,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    template.addPageTemplates([PageTemplate(id="report", frames=[frame], onPage=on_page)])
    template.build(list(story))
    return buf.getvalue()
