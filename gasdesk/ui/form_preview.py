"""Preview of a form's printed copy (QtPdf) and printing it through QPrinter."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class FormPreviewDialog(QDialog):
    """Shows the PDF; Ctrl+P prints it, Esc closes. `printed` is emitted after each printout."""

    printed = Signal()

    def __init__(
        self, pdf: bytes, title: str, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("formPreview")
        self.resize(720, 860)
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        if hint:
            label = QLabel(hint)
            label.setObjectName("previewHint")
            label.setWordWrap(True)
            label.setStyleSheet("font-size: 15px; font-weight: bold; color: #1a5276;")
            layout.addWidget(label)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("&Print (Ctrl+P)"))
        self.print_button.clicked.connect(self.choose_printer)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self).activated.connect(
            self.choose_printer
        )
        self.print_button.setFocus()
        self._printer: QPrinter | None = None

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def choose_printer(self) -> None:
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(self._printer, self)
        dialog.accepted.connect(lambda: self.print_to(self._printer) if self._printer else None)
        dialog.setModal(True)
        dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page onto `printer`, scaled to its printable area."""
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            rect = printer.pageLayout().paintRectPixels(printer.resolution())
            for i in range(self.page_count()):
                if i:
                    printer.newPage()
                points = self.document.pagePointSize(i)
                scale = min(rect.width() / points.width(), rect.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(i, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        self.printed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
