"""The 80 mm Z slip (日结单) of the day report: totals, differences, receipts and
the audit fingerprint on one strip of paper."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from gasdesk.domain.dayend import DayReport
from gasdesk.domain.money import format_yuan
from gasdesk.domain.tariff import format_m3
from gasdesk.printing.day_report_parts import (
    Styles,
    diff_label,
    fingerprint,
    key_line,
    method_label,
    receipt_lines,
    status_line,
    unwritten_note,
    yuan,
)
from gasdesk.printing.layout import dashed_rule, esc, pairs_table


def slip_story(r: DayReport, st: Styles, width: float) -> list[Flowable]:
    def pairs(items: Sequence[tuple[str, str]], indent: bool = False) -> Table:
        label = st.indented if indent else st.body
        return pairs_table(
            [[Paragraph(esc(k), label), Paragraph(esc(v), st.right)] for k, v in items],
            [width * 0.55, width * 0.45],
            right_pad=0,
            v_pad=0.3,
        )

    story: list[Flowable] = [
        Paragraph(esc(r.company), st.center),
        Paragraph(f"{esc(r.office_name)} 日结单（Z）", st.title),
        Paragraph(f"营业日期 {r.business_date.isoformat()}", st.center),
        Paragraph(status_line(r), st.small),
        dashed_rule(),
        Paragraph("按支付方式（净额 元）", st.body),
        pairs(
            [
                (f"{method_label(m.method)}（{m.payments}笔）", format_yuan(m.net_fen))
                for m in r.methods
            ]
        ),
        pairs([("合计", format_yuan(r.net_fen))]),
        dashed_rule(),
        Paragraph("按收费员（净额 元）", st.body),
    ]
    for t in r.tellers:
        story.append(pairs([(f"{t.badge} {t.name}（{t.payments}笔）", format_yuan(t.total_fen))]))
        story.append(
            pairs(
                [(method_label(m), format_yuan(v)) for m, v in t.by_method.items() if v],
                indent=True,
            )
        )
    story += [
        dashed_rule(),
        pairs([(f"冲正 {len(r.voids)} 笔", format_yuan(sum(v.amount_fen for v in r.voids)))]),
    ]
    for v in r.voids:
        story.append(
            Paragraph(
                esc(f"{v.receipt} {format_yuan(v.amount_fen)} {v.reason}（{v.supervisor_badge}）"),
                st.small,
            )
        )
    if r.refunds:
        total = sum(f.amount_fen for f in r.refunds)
        story.append(pairs([(f"退款 {len(r.refunds)} 笔", format_yuan(total))]))
    for f in r.refunds:
        story.append(
            Paragraph(
                esc(
                    f"{f.receipt} {f.account_number} {format_yuan(f.amount_fen)}（{f.supervisor_badge}）"
                ),
                st.small,
            )
        )
    if r.credits:
        total = sum(c.amount_fen for c in r.credits)
        story.append(pairs([(f"退费记入预存 {len(r.credits)} 笔", format_yuan(total))]))
    for c in r.credits:
        story.append(
            Paragraph(
                esc(
                    f"#{c.id} {c.account_number} {format_yuan(c.amount_fen)}（{c.supervisor_badge}）"
                ),
                st.small,
            )
        )
    story.append(dashed_rule())
    for s in r.shifts:
        story.append(
            pairs(
                [(f"{s.teller_badge} 柜台{s.counter_number} 应有现金", yuan(s.expected_cash_fen))]
            )
        )
        story.append(pairs([("实点现金", yuan(s.counted_cash_fen))], indent=True))
    for d in r.differences:
        story.append(
            Paragraph(
                esc(
                    f"{d.teller_badge} {method_label(d.method)} {diff_label(d.difference_fen)}："
                    f"{d.reason}（主管 {d.supervisor_badge}）"
                ),
                st.small,
            )
        )
    if not r.differences:
        story.append(Paragraph("无长短款", st.small))
    if r.unwritten:
        story += [dashed_rule(), Paragraph(esc(unwritten_note(r)), st.warn)]
        for u in r.unwritten:
            story.append(
                Paragraph(
                    esc(
                        f"{u.receipt} {u.account_number} {u.account_name} {format_m3(u.volume_l)} m³"
                    ),
                    st.warn,
                )
            )
    story.append(dashed_rule())
    story.append(Paragraph("收据号", st.body))
    for line in receipt_lines(r):
        story.append(Paragraph(esc(line), st.small if r.receipts_gapless else st.warn))
    seq_line, hash_line = fingerprint(r)
    story += [
        dashed_rule(),
        Paragraph(seq_line, st.small),
        Paragraph(hash_line, st.small),
        Paragraph(key_line(r), st.small),
        Spacer(1, 6 * mm),
        Paragraph("主管签字：", st.body),
        Spacer(1, 6 * mm),
    ]
    return story
