"""Preview of a form's printed copy, or of the day report, in a dialog of its own."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from gasdesk.settings import Settings
from gasdesk.ui.pdf_preview import PdfPreview
from gasdesk.ui.window_fit import fit_dialog


class FormPreviewDialog(QDialog):
    """Shows the PDF; Ctrl+P prints it, Esc closes. `printed` is emitted after each printout."""

    printed = Signal()

    def __init__(
        self,
        pdf: bytes,
        title: str,
        hint: str = "",
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        file_name: str = "document.pdf",
    ) -> None:
        """`settings`: the counter's, so that it prints to the output folder when one
        is set; `file_name` names the printed file there."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("formPreview")
        fit_dialog(self, QSize(720, 860))  # the buttons stay on a 768-pixel screen
        self.preview = PdfPreview(self, saving=False, settings=settings)
        self.preview.set_pdf(pdf, file_name)
        self.preview.printed.connect(lambda pages: self.printed.emit() if pages else None)
        self.document = self.preview.document
        self.print_button = self.preview.print_button
        layout = QVBoxLayout(self)
        if hint:
            label = QLabel(hint)
            label.setObjectName("previewHint")
            label.setWordWrap(True)
            label.setStyleSheet("font-size: 15px; font-weight: bold; color: #1a5276;")
            layout.addWidget(label)
        layout.addWidget(self.preview, 1)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        self.preview.buttons.addWidget(close)
        self.print_button.setFocus()

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def print_to(self, printer: QPrinter) -> None:
        """Print every page on `printer` at the document's own paper size."""
        self.preview.print_to(printer)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
