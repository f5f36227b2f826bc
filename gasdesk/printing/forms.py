"""The customer's printed copy of a business form (A4, reportlab platypus).

The copy carries the company and office, the form number, every field by section,
any deadlines or booked visit, the service phone to call, and signature lines.
Captions are Chinese: the copy is a document handed to the customer.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from gasdesk.domain.form_records import PrintableForm
from gasdesk.printing.fonts import register_cjk_font
from gasdesk.printing.layout import esc

PAGE_MARGIN = 18 * mm
LABEL_WIDTH = 42 * mm


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, fontSize=10.5, leading=15, wordWrap="CJK")
    return {
        "base": base,
        "company": ParagraphStyle(
            "company",
            parent=base,
            fontSize=11,
            alignment=TA_CENTER,
            textColor=colors.HexColor("#444444"),
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=4
        ),
        "copy": ParagraphStyle(
            "copy",
            parent=base,
            fontSize=12,
            alignment=TA_RIGHT,
            textColor=colors.HexColor("#b00000"),
        ),
        "section": ParagraphStyle(
            "section", parent=base, fontSize=11, leading=15, textColor=colors.white
        ),
        "label": ParagraphStyle("label", parent=base, textColor=colors.HexColor("#333333")),
        "small": ParagraphStyle("small", parent=base, fontSize=9.5, leading=13),
        "phone": ParagraphStyle("phone", parent=base, fontSize=12, leading=17),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text).replace("\n", "<br/>"), style)


def form_story(form: PrintableForm, font: str) -> list[object]:
    st = _styles(font)
    width = A4[0] - 2 * PAGE_MARGIN
    story: list[object] = []
    if form.copy:
        story.append(_p("重印", st["copy"]))
    story.append(_p(form.company, st["company"]))
    story.append(_p(form.title, st["title"]))
    head = Table(
        [
            [
                _p(f"编号：{form.number}", st["small"]),
                _p(f"{form.time_label}：{form.created_at:%Y-%m-%d %H:%M}", st["small"]),
            ],
            [
                _p(f"受理网点：{form.office_name}", st["small"]),
                _p(
                    f"{form.staff_label}：{form.staff_name}　状态：{form.status_label}",
                    st["small"],
                ),
            ],
        ],
        colWidths=[width / 2, width / 2],
    )
    head.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    )
    story += [head, Spacer(1, 3 * mm)]
    rows: list[list[object]] = []
    style_cmds: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for section in form.sections:
        r = len(rows)
        rows.append([_p(section.title, st["section"]), ""])
        style_cmds += [
            ("SPAN", (0, r), (1, r)),
            ("BACKGROUND", (0, r), (1, r), colors.HexColor("#4a6a8a")),
        ]
        for line in section.lines:
            rows.append([_p(line.label, st["label"]), _p(line.value or "—", st["base"])])
            style_cmds.append(
                ("BACKGROUND", (0, len(rows) - 1), (0, len(rows) - 1), colors.HexColor("#eef2f6"))
            )
    table = Table(rows, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], repeatRows=0)
    table.setStyle(TableStyle(style_cmds))
    story += [table, Spacer(1, 4 * mm)]
    for note in form.notes:
        story.append(_p(note, st["base"]))
    story.append(Spacer(1, 3 * mm))
    story.append(
        _p(
            f"服务电话：{form.service_phone}　如需查询办理进度或有疑问，请拨打服务电话。",
            st["phone"],
        )
    )
    story.append(
        _p(
            f"{form.office_name}　地址：{form.office_address}　电话：{form.office_phone}",
            st["small"],
        )
    )
    story.append(Spacer(1, 12 * mm))
    sign = Table(
        [
            [
                _p("客户签字：________________", st["base"]),
                _p(f"{form.staff_label}签字：________________", st["base"]),
            ],
            [
                _p("日期：______年____月____日", st["base"]),
                _p("日期：______年____月____日", st["base"]),
            ],
        ],
        colWidths=[width / 2, width / 2],
    )
    sign.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)])
    )
    story.append(sign)
    return story


def render_form_pdf(form: PrintableForm, target: str | Path | None = None) -> bytes:
    """Build the PDF; write it to `target` if given; return its bytes."""
    font = register_cjk_font()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=PAGE_MARGIN,
        rightMargin=PAGE_MARGIN,
        topMargin=PAGE_MARGIN,
        bottomMargin=PAGE_MARGIN,
        title=f"{form.title} {form.number}",
        author=form.company,
    )
    doc.build(form_story(form, font))
    data = buf.getvalue()
    if target is not None:
        Path(target).write_bytes(data)
    return data
