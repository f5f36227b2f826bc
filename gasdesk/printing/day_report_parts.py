"""Pieces the two layouts of the day report share: styles, tables, and the lines
about status, receipts and the audit fingerprint."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from gasdesk.domain.dayend import DayReport
from gasdesk.domain.methods import METHOD_ZH
from gasdesk.domain.money import format_yuan
from gasdesk.printing.layout import cjk_style, esc

DIRECTION_ZH = {"in": "缴入", "out": "缴出"}


def yuan(fen: int | None) -> str:
    return "—" if fen is None else format_yuan(fen)


def diff_label(fen: int) -> str:
    if fen > 0:
        return f"长款 {format_yuan(fen)}"
    if fen < 0:
        return f"短款 {format_yuan(-fen)}"
    return "相符"


def method_label(m: str) -> str:
    return METHOD_ZH.get(m, m)


class Styles:
    def __init__(self, font: str, size: float) -> None:
        def style(name: str, scale: float = 1.0, **kw: object) -> ParagraphStyle:
            return cjk_style(name, font, size * scale, 1.35, **kw)

        self.title = style("title", 1.6, alignment=TA_CENTER, spaceAfter=2)
        self.company = style("company", 1.15, alignment=TA_CENTER)
        self.center = style("center", 1.0, alignment=TA_CENTER)
        self.h2 = style("h2", 1.2, spaceBefore=6, spaceAfter=2)
        self.body = style("body")
        self.right = style("right", alignment=TA_RIGHT)
        self.small = style("small", 0.85)
        self.indented = style("indented", leftIndent=size * 1.5)
        self.warn = style("warn", 1.0, textColor=colors.HexColor("#B00020"))


def grid(rows: list[list[Flowable]], widths: Sequence[float], total_row: bool = False) -> Table:
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


def row(cells: Sequence[str], st: Styles, numeric_from: int = 99) -> list[Flowable]:
    return [
        Paragraph(esc(c), st.right if i >= numeric_from else st.body) for i, c in enumerate(cells)
    ]


def status_line(r: DayReport) -> str:
    if r.closure:
        c = r.closure
        return (
            f"状态：已日结　{c.closed_at:%Y-%m-%d %H:%M}　"
            f"主管 {esc(c.closed_by_name)}（{esc(c.closed_by_badge)}）"
        )
    return f"状态：未日结（预览，{r.generated_at:%Y-%m-%d %H:%M} 生成，数字可能变化）"


def unwritten_note(r: DayReport) -> str:
    """The warning over the purchases paid and not written onto the card."""
    return (
        f"{len(r.unwritten)} 笔购气已收款、未写入IC卡（截至 {r.generated_at:%Y-%m-%d %H:%M}），"
        "须为客户补写卡，不得再次收款。"
    )


def receipt_lines(r: DayReport) -> list[str]:
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


def fingerprint(r: DayReport) -> tuple[str, str]:
    seq, digest = r.audit_head
    label = "日结时审计链头" if r.closed else "当前审计链头（未日结）"
    return f"{label}：序号 {seq}", f"HMAC-SHA256：{digest}"


def key_line(r: DayReport) -> str:
    """The fingerprint of the audit key that sealed the head: an auditor compares it
    with `gasdesk verify` to tell a substituted key."""
    return f"审计密钥指纹：{r.audit_key or '未记录'}"
