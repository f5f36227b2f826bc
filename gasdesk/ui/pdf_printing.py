"""Sending a PDF (receipt, form copy, day report, Z slip, statement) to a printer
through Qt's print system (CUPS on Linux).

QtPdf renders each page to an image at the printer's resolution, but at most
MAX_DPI: a 1200 dpi printer would otherwise take 557 MB for one A4 page. The printer's
paper is set to the PDF's own page size and each page is drawn at its physical size
(scaled down only if the paper is smaller), so an 80 mm roll or Z slip stays 80 mm
wide and keeps its proportions, whatever paper a print dialog had chosen.

A counter without a printer can print to PDF files in a folder instead (setting
`printing/output_dir`): every document goes there, without a dialog.

A print that did not reach the printer raises PrintError; nothing may be logged as
printed before `paint_document()` has returned.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from gasdesk.domain.text import QT_TRANSLATE_NOOP, UserError
from gasdesk.settings import OUTPUT_DIR, PRINTER, SILENT_PRINTING, Settings

MAX_DPI = 300


class PrintError(UserError):
    """The document did not reach the printer (a message for the teller)."""


def load_pdf(pdf: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over the bytes; keep the buffer alive as long as the document."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def file_printer(settings: Settings, name: str) -> QPrinter | None:
    """A printer writing a PDF file into the counter's output folder, or None when
    the counter prints on paper. `name` starts the file's name (a receipt code...)."""
    folder = settings.get(OUTPUT_DIR)
    if not folder:
        return None
    return folder_printer(folder, name)


def folder_printer(folder: str, name: str) -> QPrinter:
    """A printer writing `name`-<time>.pdf into `folder` (made when missing)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PrintError(
            QT_TRANSLATE_NOOP("Messages", "The print folder {folder} cannot be used: {reason}"),
            folder=folder,
            reason=exc.strerror or str(exc),
        ) from exc
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe = re.sub(r"[^\w.-]+", "_", name).strip("_") or "document"
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(Path(folder) / f"{safe}-{stamp}.pdf"))
    return printer


def make_printer(settings: Settings, name: str) -> tuple[QPrinter, bool]:
    """The receipt printer and whether the teller must confirm it in a print dialog:
    the output folder if one is set, else the counter's printer (silently, when the
    settings say so and there is one)."""
    printer = file_printer(settings, name)
    if printer is not None:
        return printer, False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    chosen = settings.get(PRINTER)
    if chosen:
        printer.setPrinterName(chosen)
    has_printer = bool(chosen) or not QPrinterInfo.defaultPrinter().isNull()
    return printer, not (settings.get(SILENT_PRINTING) and has_printer)


def _page_layout(points: QSizeF) -> QPageLayout:
    return QPageLayout(
        QPageSize(points, QPageSize.Unit.Point, "GasDesk"),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )


def paint_document(printer: QPrinter, document: QPdfDocument) -> int:
    """Print every page of `document` on `printer`; return the number of pages sent,
    or raise PrintError when the printer did not take them."""
    pages = document.pageCount()
    if pages <= 0:
        raise PrintError(QT_TRANSLATE_NOOP("Messages", "The document to print could not be read."))
    printer.setFullPage(True)
    printer.setPageLayout(_page_layout(document.pagePointSize(0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QT_TRANSLATE_NOOP("Messages", "The printer could not be opened."))
    ended = False
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        scale = printer.resolution() / 72  # device pixels per point
        for page in range(pages):
            points = document.pagePointSize(page)
            if page:
                printer.setPageLayout(_page_layout(points))
                if not printer.newPage():
                    raise PrintError(
                        QT_TRANSLATE_NOOP("Messages", "The printer did not take the next page.")
                    )
            image = document.render(
                page, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            )
            if image.isNull():
                raise PrintError(
                    QT_TRANSLATE_NOOP("Messages", "A page of the document could not be drawn.")
                )
            paper = printer.pageRect(QPrinter.Unit.DevicePixel)
            size = QSizeF(points.width() * scale, points.height() * scale)
            if size.width() > paper.width() or size.height() > paper.height():
                size.scale(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
        ended = True
        if not painter.end():
            raise PrintError(
                QT_TRANSLATE_NOOP("Messages", "The printer did not finish the document.")
            )
    finally:
        if not ended and painter.isActive():
            painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintError(QT_TRANSLATE_NOOP("Messages", "The printer reported an error."))
    return pages


def paint_pdf(printer: QPrinter, pdf: bytes) -> int:
    """`paint_document` for PDF bytes."""
    document, buffer = load_pdf(pdf)
    try:
        return paint_document(printer, document)
    finally:
        document.close()
        del buffer
