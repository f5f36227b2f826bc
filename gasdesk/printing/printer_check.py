"""The printer test page of the set-up: an 80 mm slip that shows the Chinese font,
a rule as wide as the roll and a line of figures, so that whoever sets up a counter
sees at once whether the printer, its paper and its width are right."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from gasdesk.printing.fonts import register_cjk_font
from gasdesk.printing.layout import build_pdf, cjk_style, dashed_rule, esc, fitted_roll

ROLL_WIDTH = 80 * mm
MARGIN = 4 * mm


def printer_check_pdf(office: str, counter: int, printer: str, at: dt.datetime) -> bytes:
    """The test slip for `office`'s counter `counter`, sent to `printer`."""
    font = register_cjk_font()
    title = cjk_style("testTitle", font, 13, 1.4, alignment=TA_CENTER)
    body = cjk_style("testBody", font, 9.5, 1.45)

    def story() -> list[Flowable]:
        return [
            Paragraph("打印测试页", title),
            dashed_rule(),
            Paragraph(f"营业室：{esc(office)}", body),
            Paragraph(f"窗口：{counter}号窗口", body),
            Paragraph(f"打印机：{esc(printer)}", body),
            Paragraph(f"时间：{at:%Y-%m-%d %H:%M:%S}", body),
            dashed_rule(),
            Paragraph("人民币壹佰贰拾叁元肆角伍分　¥123.45", body),
            Paragraph("0123456789 ABCDEFGHIJ 唱收唱付 请收好", body),
            dashed_rule(),
            Paragraph("两条虚线应与纸张同宽，文字清晰完整。", body),
        ]

    page, flowables = fitted_roll(story, ROLL_WIDTH, MARGIN)
    return build_pdf(
        flowables,
        page,
        MARGIN,
        title="打印测试页",
        author="GasDesk",
        subject="printer test",
        template_id="testPage",
    )
