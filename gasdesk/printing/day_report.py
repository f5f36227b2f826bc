"""The day report (日结报表) as PDF: A4 for the office file and an 80 mm Z slip
(height fitted to the content) for the drawer. Printed in Chinese whatever the
screen language: it is filed with the company's accounts."""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Spacer

from gasdesk.domain.dayend import DayReport
from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff import format_m3
from gasdesk.printing.day_report_parts import (
    DIRECTION_ZH,
    Styles,
    diff_label,
    fingerprint,
    grid,
    key_line,
    method_label,
    receipt_lines,
    row,
    status_line,
    unwritten_note,
    yuan,
)
from gasdesk.printing.day_report_slip import slip_story
from gasdesk.printing.fonts import register_cjk_font
from gasdesk.printing.layout import PageMarks, build_pdf, esc, fitted_roll

LAYOUTS = ("a4", "slip")
SLIP_WIDTH = 80 * mm
SLIP_MARGIN = 4 * mm
A4_MARGIN = 15 * mm


def credit_story(r: DayReport, st: Styles, width: float) -> list[Flowable]:
    """Credits to prepaid balances (no cash moves): one line each, or a sentence."""
    if not r.credits:
        return [Paragraph("本日无退费记入预存。", st.body)]
    rows = [row(["退费单", "户号", "户名", "多计气量 m³", "收费员", "审批主管", "金额 元"], st)]
    for c in r.credits:
        rows.append(
            row(
                [
                    f"#{c.id}",
                    c.account_number,
                    c.account_name,
                    format_m3(c.volume_l),
                    c.teller_badge,
                    c.supervisor_badge,
                    format_yuan(c.amount_fen),
                ],
                st,
            )
        )
    total = sum(c.amount_fen for c in r.credits)
    return [
        Paragraph(
            f"记入预存的退费 {len(r.credits)} 笔，合计 {format_yuan(total)} 元（不动用现金）",
            st.body,
        ),
        grid(rows, [width * f for f in (0.1, 0.14, 0.16, 0.16, 0.12, 0.14, 0.18)]),
    ]


def a4_story(r: DayReport, st: Styles, width: float) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(esc(r.company), st.company),
        Paragraph(f"{esc(r.office_name)}　日结报表", st.title),
        Paragraph(f"营业日期：{r.business_date.isoformat()}", st.center),
        Paragraph(status_line(r), st.center),
        Spacer(1, 3 * mm),
        Paragraph(
            f"收款 {r.payments} 笔，冲正 {len(r.voids)} 笔，"
            + (f"退款 {len(r.refunds)} 笔，" if r.refunds else "")
            + f"净收款 {format_yuan(r.net_fen)} 元",
            st.body,
        ),
    ]

    story.append(Paragraph("一、按支付方式", st.h2))
    rows = [row(["支付方式", "笔数", "收款 元", "冲正 元", "退款 元", "净额 元"], st, 1)]
    for m in r.methods:
        rows.append(
            row(
                [
                    method_label(m.method),
                    str(m.payments),
                    format_yuan(m.collected_fen),
                    format_yuan(m.voided_fen),
                    format_yuan(m.refunded_fen),
                    format_yuan(m.net_fen),
                ],
                st,
                1,
            )
        )
    rows.append(
        row(
            [
                "合计",
                str(r.payments),
                format_yuan(sum(m.collected_fen for m in r.methods)),
                format_yuan(sum(m.voided_fen for m in r.methods)),
                format_yuan(sum(m.refunded_fen for m in r.methods)),
                format_yuan(r.net_fen),
            ],
            st,
            1,
        )
    )
    widths = (0.24, 0.1, 0.17, 0.16, 0.16, 0.17)
    story.append(grid(rows, [width * f for f in widths], total_row=True))

    story.append(Paragraph("二、按收费员", st.h2))
    methods = [m.method for m in r.methods]
    head = ["收费员", "笔数", *[method_label(m) for m in methods], "冲正", "退款", "净额 元"]
    rows = [row(head, st, 1)]
    for t in r.tellers:
        rows.append(
            row(
                [
                    f"{t.badge} {t.name}",
                    str(t.payments),
                    *[format_yuan(t.by_method.get(m, 0)) for m in methods],
                    f"{t.voids}笔 {format_yuan(t.voided_fen)}",
                    f"{t.refunds}笔 {format_yuan(t.refunded_fen)}",
                    format_yuan(t.total_fen),
                ],
                st,
                1,
            )
        )
    fixed = 0.14 + 0.06 + 0.12 + 0.12 + 0.11
    each = (1 - fixed) / max(1, len(methods))
    shares = (0.14, 0.06, *[each] * len(methods), 0.12, 0.12, 0.11)
    story.append(grid(rows, [width * f for f in shares]))

    story.append(Paragraph("三、班次与现金", st.h2))
    rows = [
        row(
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
            diff_label(s.counted_cash_fen - s.expected_cash_fen)
            if s.counted_cash_fen is not None and s.expected_cash_fen is not None
            else "—"
        )
        rows.append(
            row(
                [
                    f"{s.teller_badge} {s.teller_name}",
                    str(s.counter_number),
                    f"{s.opened_at:%H:%M}",
                    f"{s.closed_at:%H:%M}" if s.closed_at else "未结班",
                    format_yuan(s.opening_float_fen),
                    format_yuan(s.paid_in_fen),
                    format_yuan(s.paid_out_fen),
                    yuan(s.expected_cash_fen),
                    yuan(s.counted_cash_fen),
                    diff,
                ],
                st,
                4,
            )
        )
    if not r.shifts:
        rows.append(row(["本日无班次", "", "", "", "", "", "", "", "", ""], st))
    story.append(
        grid(rows, [width * f for f in (0.15, 0.06, 0.07, 0.08, 0.1, 0.1, 0.1, 0.11, 0.11, 0.12)])
    )
    if r.movements:
        rows = [row(["时间", "收费员", "类别", "金额 元", "事由"], st)]
        for mv in r.movements:
            rows.append(
                row(
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
        story += [Spacer(1, 2 * mm), grid(rows, [width * f for f in (0.1, 0.12, 0.1, 0.16, 0.52)])]
    if r.payments_without_shift:
        story.append(
            Paragraph(
                f"注意：{r.payments_without_shift} 笔收款不属于任何班次，未参加钱箱对账。",
                st.warn,
            )
        )

    story.append(Paragraph("四、冲正", st.h2))
    if r.voids:
        rows = [row(["原收据号", "收费员", "授权主管", "方式", "金额 元", "原因", "时间"], st)]
        for v in r.voids:
            rows.append(
                row(
                    [
                        v.receipt,
                        v.teller_badge,
                        v.supervisor_badge,
                        method_label(v.method),
                        format_yuan(v.amount_fen),
                        v.reason,
                        f"{v.at:%H:%M}",
                    ],
                    st,
                )
            )
        story.append(grid(rows, [width * f for f in (0.2, 0.1, 0.1, 0.1, 0.12, 0.29, 0.09)]))
    else:
        story.append(Paragraph("本日无冲正。", st.body))

    story.append(
        Paragraph("五、退款（销户、过户退还预存余额）与退费（表具校验多收气费记入预存）", st.h2)
    )
    if r.refunds:
        rows = [row(["退款凭证号", "户号", "户名", "收费员", "授权主管", "金额 元", "时间"], st)]
        for f in r.refunds:
            rows.append(
                row(
                    [
                        f.receipt,
                        f.account_number,
                        f.account_name,
                        f.teller_badge,
                        f.supervisor_badge,
                        format_yuan(f.amount_fen),
                        f"{f.at:%H:%M}",
                    ],
                    st,
                )
            )
        story.append(grid(rows, [width * f for f in (0.2, 0.13, 0.17, 0.1, 0.1, 0.17, 0.13)]))
    else:
        story.append(Paragraph("本日无退款。", st.body))
    story.extend(credit_story(r, st, width))

    story.append(Paragraph("六、长款与短款", st.h2))
    if r.differences:
        rows = [row(["收费员", "方式", "应有 元", "实点 元", "差额", "原因", "审批主管"], st)]
        for d in r.differences:
            rows.append(
                row(
                    [
                        f"{d.teller_badge} {d.teller_name}",
                        method_label(d.method),
                        format_yuan(d.expected_fen),
                        format_yuan(d.counted_fen),
                        diff_label(d.difference_fen),
                        d.reason,
                        f"{d.supervisor_badge} {d.supervisor_name}",
                    ],
                    st,
                )
            )
        story.append(grid(rows, [width * f for f in (0.15, 0.09, 0.11, 0.11, 0.14, 0.25, 0.15)]))
    else:
        story.append(Paragraph("本日无长短款。", st.body))

    story.append(Paragraph("七、已收款未写卡的购气", st.h2))
    if r.unwritten:
        story.append(Paragraph(esc(unwritten_note(r)), st.warn))
        rows = [row(["收据号", "户号", "户名", "IC卡号", "购气次数", "气量 m³", "收款日期"], st)]
        for u in r.unwritten:
            cells = [
                u.receipt,
                u.account_number,
                u.account_name,
                u.card_number,
                f"第{u.seq}次",
                format_m3(u.volume_l),
                u.business_date.isoformat() if u.business_date else "",
            ]
            rows.append([Paragraph(esc(c), st.warn) for c in cells])
        story.append(grid(rows, [width * f for f in (0.19, 0.12, 0.12, 0.16, 0.11, 0.13, 0.17)]))
    else:
        story.append(Paragraph("无。", st.body))

    story.append(Paragraph("八、收据号", st.h2))
    for line in receipt_lines(r):
        style = st.body if r.receipts_gapless else st.warn
        story.append(Paragraph(esc(line), style))

    seq_line, hash_line = fingerprint(r)
    story.append(
        KeepTogether(
            [
                Paragraph("九、审计指纹", st.h2),
                Paragraph(seq_line, st.body),
                Paragraph(hash_line, st.body),
                Paragraph(key_line(r), st.body),
            ]
        )
    )
    story.append(Spacer(1, 10 * mm))
    story.append(
        Paragraph("收费员签字：＿＿＿＿＿＿＿＿　　　　主管签字：＿＿＿＿＿＿＿＿", st.body)
    )
    return story


def _page_marks(font: str, footer: str) -> PageMarks:
    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.drawRightString(A4[0] - A4_MARGIN, A4_MARGIN / 2, f"第 {canvas.getPageNumber()} 页")
        canvas.drawString(A4_MARGIN, A4_MARGIN / 2, footer)
        canvas.restoreState()

    return draw


def render_day_report(report: DayReport, layout: str = "a4") -> bytes:
    """The PDF of the day report in `layout` ('a4' or 'slip', the 80 mm Z slip)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown day report layout {layout!r}")
    font = register_cjk_font()
    on_page: PageMarks | None = None
    if layout == "slip":
        st = Styles(font, 7.5)
        margin = SLIP_MARGIN
        width = SLIP_WIDTH - 2 * margin
        page, story = fitted_roll(lambda: slip_story(report, st, width), SLIP_WIDTH, margin)
    else:
        st = Styles(font, 9)
        margin = A4_MARGIN
        page = A4
        story = a4_story(report, st, A4[0] - 2 * margin)
        on_page = _page_marks(
            font, f"{report.office_name} {report.business_date.isoformat()} 日结报表"
        )
    return build_pdf(
        story,
        page,
        margin,
        title=f"{report.office_name} 日结报表 {report.business_date.isoformat()}",
        author=report.company,
        subject="日结报表",
        template_id="report",
        on_page=on_page,
    )
