"""What the printed documents share: text escaped for Paragraph markup, CJK paragraph
styles, the dashed rule and label/value tables of the 80 mm rolls, a roll page fitted
to its content, and a one-frame document built to PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

PageMarks = Callable[[Canvas, BaseDocTemplate], None]
ROLL_SLACK = 3 * mm  # added to a fitted roll page, for rounding


def esc(text: object) -> str:
    """`text` safe inside Paragraph markup."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cjk_style(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    """A paragraph style in the CJK font, wrapping between any two characters;
    `leading` is a multiple of the size."""
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * leading, wordWrap="CJK", **kw
    )


def dashed_rule() -> Flowable:
    """The dashed line between the parts of a roll."""
    return HRFlowable(
        width="100%", thickness=0.5, dash=(2, 2), color=colors.black, spaceBefore=2, spaceAfter=2
    )


def pairs_table(
    rows: list[list[Flowable]], widths: Sequence[float], *, right_pad: float, v_pad: float
) -> Table:
    """Label/value rows without lines or left padding, aligned at the top."""
    t = Table(rows, colWidths=list(widths))
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), right_pad),
                ("TOPPADDING", (0, 0), (-1, -1), v_pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), v_pad),
            ]
        )
    )
    return t


def fitted_height(story: Sequence[Flowable], width: float) -> float:
    """How tall `story` stands in a frame `width` wide."""
    total = 0.0
    for f in story:
        _, h = f.wrap(width, 10_000 * mm)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def fitted_roll(
    make_story: Callable[[], list[Flowable]], roll_width: float, margin: float
) -> tuple[tuple[float, float], list[Flowable]]:
    """The page size of a roll cut to the height of its content, and the story to
    build on it. The story is made twice: wrap() caches state on the flowables it
    measures, so the build gets fresh ones."""
    content = fitted_height(make_story(), roll_width - 2 * margin)
    return (roll_width, content + 2 * margin + ROLL_SLACK), make_story()


def build_pdf(
    story: Sequence[Flowable],
    page: tuple[float, float],
    margin: float,
    *,
    title: str,
    author: str,
    subject: str,
    template_id: str,
    on_page: PageMarks | None = None,
) -> bytes:
    """`story` laid out in one frame inside equal margins on every page."""
    buf = io.BytesIO()
    template = BaseDocTemplate(
        buf,
        pagesize=page,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=author,
        subject=subject,
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
    marks: dict[str, Any] = {} if on_page is None else {"onPage": on_page}
    template.addPageTemplates([PageTemplate(id=template_id, frames=[frame], **marks)])
    template.build(list(story))
    return buf.getvalue()
