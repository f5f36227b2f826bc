"""Sending a receipt PDF to a printer through Qt's print system (CUPS on Linux).

The PDF's pages are rendered by QtPdf at the printer's resolution (at most 300 dpi)
onto a QPrinter whose paper is the PDF's own page size, so an 80 mm roll stays 80 mm.
A counter without a printer can print to PDF files in a folder instead.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSettings,
    QSize,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from gasdesk.ui.fee_settings import output_dir, printer_name, silent_printing

MAX_DPI = 300


def load_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def make_printer(settings: QSettings, code: str) -> tuple[QPrinter, bool]:
    """The printer to use and whether the teller must confirm it in a print dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    folder = output_dir(settings)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(folder) / f"{code}-{stamp}.pdf"))
        return printer, False
    name = printer_name(settings)
    if name:
        printer.setPrinterName(name)
    has_printer = bool(name) or not QPrinterInfo.defaultPrinter().isNull()
    return printer, not (silent_printing(settings) and has_printer)


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Print every page of `pdf`; return the number of pages printed."""
    document, buffer = load_pdf(pdf)
    pages = document.pageCount()
    if pages <= 0:
        raise RuntimeError("the receipt PDF could not be read")
    size = document.pagePointSize(0)
    layout = QPageLayout(
        QPageSize(QSizeF(size.width(), size.height()), QPageSize.Unit.Point, "GasDesk receipt"),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setPageLayout(layout)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not be opened")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for page in range(pages):
            if page:
                printer.newPage()
            point = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(point.width() / 72 * dpi), round(point.height() / 72 * dpi))
            )
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
    finally:
        painter.end()
    del buffer
    return pages
